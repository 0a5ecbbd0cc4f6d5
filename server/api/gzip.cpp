#include "api/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <stdexcept>

namespace prd::server {

std::string gzip_compress(std::string_view data) {
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip header; level 9 because it runs once per revision.
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: deflateInit2 failed");
    std::string out(deflateBound(&stream, data.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    // The buffer was sized for the worst case and every byte of it touched: keeping it would hold
    // the uncompressed size in memory for as long as the result lives.
    out.shrink_to_fit();
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
    return out;
}

struct GzipWriter::State {
    z_stream stream{};
};

GzipWriter::GzipWriter(int level) : m_state(std::make_unique<State>()) {
    if (deflateInit2(&m_state->stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: deflateInit2 failed");
}

GzipWriter::~GzipWriter() { deflateEnd(&m_state->stream); }

void GzipWriter::run(int flush) {
    auto& stream = m_state->stream;
    char buffer[1 << 16];
    int result = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = deflate(&stream, flush);
        if (result == Z_STREAM_ERROR) throw std::runtime_error("zlib: deflate failed");
        m_out.append(buffer, sizeof buffer - stream.avail_out);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && result != Z_STREAM_END));
}

void GzipWriter::write(std::string_view data) {
    m_in += data.size();
    auto& stream = m_state->stream;
    while (!data.empty()) {
        const auto piece = std::min<std::size_t>(data.size(), 1u << 30);
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        stream.avail_in = static_cast<uInt>(piece);
        run(Z_NO_FLUSH);
        data.remove_prefix(piece);
    }
}

std::string GzipWriter::finish() {
    m_state->stream.next_in = nullptr;
    m_state->stream.avail_in = 0;
    run(Z_FINISH);
    m_out.shrink_to_fit();
    return std::move(m_out);
}

std::string gzip_decompress(std::string_view data) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) throw std::runtime_error("zlib: inflateInit2 failed");
    std::string out;
    char buffer[1 << 16];
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib: not a whole gzip stream");
    return out;
}

}  // namespace prd::server
