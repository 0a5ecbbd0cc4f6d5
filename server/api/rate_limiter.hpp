#pragma once
// Token buckets per key (a token id or a remote address), so one caller cannot flood the write
// path. Thread-safe; the clock is passed in so tests need not sleep.

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace prd::server {

class RateLimiter {
public:
    /// Each key may spend `burst` requests at once and regains `per_second` each second.
    RateLimiter(double burst, double per_second) : m_burst(burst), m_per_second(per_second) {}

    /// Takes one request from the key's bucket. Returns 0 when allowed, otherwise how many whole
    /// seconds to wait (for Retry-After).
    int take(const std::string& key, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

    /// How many times the buckets were swept for full ones, and how many are held (for tests).
    std::size_t sweeps() const;
    std::size_t size() const;

    /// Buckets held before the first sweep; after a sweep, the next comes when the map has doubled.
    static constexpr std::size_t kFirstSweep = 100000;

private:
    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point updated;
    };
    double m_burst;
    double m_per_second;
    mutable std::mutex m_mutex;
    std::map<std::string, Bucket> m_buckets;
    std::size_t m_sweep_at = kFirstSweep;
    std::size_t m_sweeps = 0;
};

}  // namespace prd::server
