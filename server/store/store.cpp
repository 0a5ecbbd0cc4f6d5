#include "store/store.hpp"

#include <thread>

namespace prd::server {

bool Store::wait_for_change(std::int64_t, std::chrono::milliseconds timeout) {
    std::this_thread::sleep_for(timeout);
    return false;
}

std::optional<int> Store::take_rate(const std::string&, double, double) { return std::nullopt; }

}  // namespace prd::server
