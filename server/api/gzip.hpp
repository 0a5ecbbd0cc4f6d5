#pragma once
// gzip compression for bodies that are compressed once and served many times (the snapshot).

#include <memory>
#include <string>
#include <string_view>

namespace prd::server {

/// The gzip (RFC 1952) form of `data`. Throws std::runtime_error if zlib fails.
std::string gzip_compress(std::string_view data);

/// gzip compression of data handed in pieces, so the uncompressed whole never has to exist.
class GzipWriter {
public:
    /// Throws std::runtime_error if zlib cannot start.
    explicit GzipWriter(int level = 9);
    ~GzipWriter();
    GzipWriter(const GzipWriter&) = delete;
    GzipWriter& operator=(const GzipWriter&) = delete;

    void write(std::string_view data);
    std::size_t bytes_in() const { return m_in; }
    /// The whole gzip stream; the writer takes no more data after it.
    std::string finish();

private:
    void run(int flush);
    struct State;
    std::unique_ptr<State> m_state;
    std::string m_out;
    std::size_t m_in = 0;
};

/// The data a gzip stream holds. Throws std::runtime_error when `data` is not one whole stream.
std::string gzip_decompress(std::string_view data);

}  // namespace prd::server
