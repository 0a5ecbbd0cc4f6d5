#include "api/brotli_snapshots.hpp"

#include <brotli/encode.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <stdexcept>

namespace prd::server {

BrotliSnapshots::BrotliSnapshots(BrotliOptions options) : m_options(options) {
    if (m_options.enabled) m_worker = std::thread([this] { work(); });
}

BrotliSnapshots::~BrotliSnapshots() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_worker.joinable()) m_worker.join();
}

std::shared_ptr<const std::string> BrotliSnapshots::find_or_queue(
    const std::shared_ptr<const EncodedSnapshot>& snapshot) {
    if (!m_options.enabled) return nullptr;
    std::lock_guard lock(m_mutex);
    if (m_ready_revision == snapshot->revision) return m_ready;
    if (snapshot->revision > m_working_revision && (!m_queued || m_queued->revision < snapshot->revision)) {
        m_queued = snapshot;
        m_queued_at = std::chrono::steady_clock::now();
        m_changed.notify_all();
    }
    return nullptr;
}

bool BrotliSnapshots::wait_for(std::int64_t revision, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_ready_revision == revision; });
}

void BrotliSnapshots::work() {
    // The lowest priority for this thread only (Linux gives each thread its own nice value).
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stopping || m_queued; });
        if (m_stopping) return;
        const auto due = m_queued_at + m_options.quiet;
        if (std::chrono::steady_clock::now() < due) {
            m_changed.wait_until(lock, due);
            continue;  // a newer revision may have come meanwhile: its quiet period starts again
        }
        const auto snapshot = std::move(m_queued);
        m_queued.reset();
        m_working_revision = snapshot->revision;
        lock.unlock();
        std::shared_ptr<const std::string> body;
        try {
            body = compress(snapshot->gzip);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "brotli: revision %lld not compressed: %s\n",
                         static_cast<long long>(snapshot->revision), e.what());
        }
        lock.lock();
        m_working_revision = -1;
        if (body && snapshot->revision > m_ready_revision) {
            m_ready_revision = snapshot->revision;
            m_ready = std::move(body);
            m_changed.notify_all();
        }
    }
}

std::shared_ptr<const std::string> BrotliSnapshots::compress(const std::string& gzip) {
    z_stream inflater{};
    if (inflateInit2(&inflater, 15 + 16) != Z_OK) throw std::runtime_error("zlib: inflateInit2 failed");
    BrotliEncoderState* encoder = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
    if (!encoder) {
        inflateEnd(&inflater);
        throw std::runtime_error("brotli: cannot create an encoder");
    }
    BrotliEncoderSetParameter(encoder, BROTLI_PARAM_QUALITY, static_cast<std::uint32_t>(m_options.quality));
    BrotliEncoderSetParameter(encoder, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT);
    BrotliEncoderSetParameter(encoder, BROTLI_PARAM_SIZE_HINT, 0);
    auto out = std::make_shared<std::string>();
    bool ok = true, abandoned = false;
    inflater.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzip.data()));
    inflater.avail_in = static_cast<uInt>(gzip.size());
    unsigned char json[1 << 16];
    int inflated = Z_OK;
    while (ok && !abandoned) {
        std::size_t json_size = 0;
        if (inflated == Z_OK) {
            inflater.next_out = json;
            inflater.avail_out = sizeof json;
            inflated = inflate(&inflater, Z_NO_FLUSH);
            if (inflated != Z_OK && inflated != Z_STREAM_END) ok = false;
            json_size = sizeof json - inflater.avail_out;
        }
        const bool last = inflated == Z_STREAM_END;
        const std::uint8_t* next_in = json;
        std::size_t available_in = json_size;
        do {
            std::uint8_t buffer[1 << 16];
            std::uint8_t* next_out = buffer;
            std::size_t available_out = sizeof buffer;
            if (!BrotliEncoderCompressStream(encoder, last ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_PROCESS,
                                             &available_in, &next_in, &available_out, &next_out, nullptr)) {
                ok = false;
                break;
            }
            out->append(reinterpret_cast<const char*>(buffer), sizeof buffer - available_out);
        } while (available_in > 0 || BrotliEncoderHasMoreOutput(encoder) ||
                 (last && !BrotliEncoderIsFinished(encoder)));
        if (last) break;
        std::lock_guard lock(m_mutex);
        abandoned = m_stopping || (m_queued && m_queued->revision > m_working_revision);
    }
    BrotliEncoderDestroyInstance(encoder);
    inflateEnd(&inflater);
    if (!ok) throw std::runtime_error("the gzip snapshot could not be read or brotli failed");
    if (abandoned) return nullptr;
    out->shrink_to_fit();
    return out;
}

}  // namespace prd::server
