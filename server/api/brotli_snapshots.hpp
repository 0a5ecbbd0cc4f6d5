#pragma once
// Brotli forms of the snapshot, made in the background: quality 11 costs seconds of CPU (minutes
// at 100,000 municipalities), so it never runs on the request path, runs at the lowest CPU
// priority, and only once the registry has been quiet for a while; a busy registry's every
// revision is not compressed. Until a revision's form is ready, its callers get gzip.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "api/registry_service.hpp"

namespace prd::server {

struct BrotliOptions {
    bool enabled = true;
    /// How long a revision must stay the newest before it is compressed.
    std::chrono::milliseconds quiet{10000};
    int quality = 11;
};

class BrotliSnapshots {
public:
    explicit BrotliSnapshots(BrotliOptions options = {});
    ~BrotliSnapshots();  ///< abandons the compression under way and joins the worker
    BrotliSnapshots(const BrotliSnapshots&) = delete;
    BrotliSnapshots& operator=(const BrotliSnapshots&) = delete;

    /// The brotli form of `snapshot`'s revision when it is ready; otherwise nothing, and the
    /// revision is queued in place of any older one waiting.
    std::shared_ptr<const std::string> find_or_queue(const std::shared_ptr<const EncodedSnapshot>& snapshot);

    /// Waits up to `timeout` for the brotli form of `revision` (tests).
    bool wait_for(std::int64_t revision, std::chrono::milliseconds timeout);

private:
    void work();
    /// Brotli of the JSON inside `gzip`, read and written in pieces; nothing when a newer
    /// revision was queued meanwhile (the work is abandoned).
    std::shared_ptr<const std::string> compress(const std::string& gzip);

    BrotliOptions m_options;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::shared_ptr<const EncodedSnapshot> m_queued;
    std::chrono::steady_clock::time_point m_queued_at;
    std::int64_t m_working_revision = -1;  ///< the revision being compressed, or -1
    std::int64_t m_ready_revision = -1;
    std::shared_ptr<const std::string> m_ready;
    bool m_stopping = false;
    std::thread m_worker;
};

}  // namespace prd::server
