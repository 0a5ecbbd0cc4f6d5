#include "api/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace prd::server {

int RateLimiter::take(const std::string& key, std::chrono::steady_clock::time_point now) {
    std::lock_guard lock(m_mutex);
    // Forget full buckets now and then, so a stream of one-off addresses cannot grow the map
    // forever. The next sweep waits until the map has doubled, so when most buckets are still in
    // use a write does not scan them all each time (the cost stays constant per write on average).
    if (m_buckets.size() >= m_sweep_at) {
        std::erase_if(m_buckets, [&](const auto& entry) {
            const double idle = std::chrono::duration<double>(now - entry.second.updated).count();
            return entry.second.tokens + idle * m_per_second >= m_burst;
        });
        ++m_sweeps;
        m_sweep_at = std::max(kFirstSweep, 2 * m_buckets.size());
    }
    auto [it, inserted] = m_buckets.try_emplace(key, Bucket{m_burst, now});
    Bucket& bucket = it->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(m_burst, bucket.tokens + std::max(0.0, elapsed) * m_per_second);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / m_per_second)));
}

std::size_t RateLimiter::sweeps() const {
    std::lock_guard lock(m_mutex);
    return m_sweeps;
}

std::size_t RateLimiter::size() const {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

}  // namespace prd::server
