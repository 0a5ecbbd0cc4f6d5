#include <gtest/gtest.h>

#include "api/rate_limiter.hpp"

namespace prd::server {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, ABurstThenOneASecond) {
    RateLimiter limiter(3, 1);
    const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
    EXPECT_EQ(limiter.take("a", t0), 0);
    EXPECT_EQ(limiter.take("a", t0), 0);
    EXPECT_EQ(limiter.take("a", t0), 0);
    EXPECT_EQ(limiter.take("a", t0), 1);
    EXPECT_EQ(limiter.take("b", t0), 0);
    EXPECT_EQ(limiter.take("a", t0 + 1s), 0);
}

TEST(RateLimiter, ManyBusyBucketsAreNotScannedOnEveryWrite) {
    RateLimiter limiter(2, 0.001);
    const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
    // Every caller has spent a token, so no bucket is full and a sweep frees nothing.
    for (std::size_t i = 0; i < RateLimiter::kFirstSweep + 2000; ++i) limiter.take("client-" + std::to_string(i), t0);
    EXPECT_EQ(limiter.sweeps(), 1u);
    EXPECT_EQ(limiter.size(), RateLimiter::kFirstSweep + 2000);
    // Once the callers are idle long enough for their buckets to be full, a later sweep forgets them.
    const auto later = t0 + 10000s;
    for (std::size_t i = 0; i < RateLimiter::kFirstSweep + 2; ++i) limiter.take("late-" + std::to_string(i), later);
    EXPECT_EQ(limiter.sweeps(), 2u);
    EXPECT_LT(limiter.size(), RateLimiter::kFirstSweep + 10);
}

}  // namespace
}  // namespace prd::server
