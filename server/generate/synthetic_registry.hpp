#pragma once
// partnership generate: a large, realistic registry for benchmarks, grown from a real one. Names
// are spliced from real names of the same country (Ukrainian ones transliterated as the law says),
// places lie near real places of their country, sectors and partnerships are drawn at random.
// The same seed gives the same registry.

#include <cstdint>
#include <string>

#include "registry/registry.hpp"

namespace prd::server {

struct GenerateOptions {
    std::size_t municipalities = 100000;
    std::size_t partnerships = 60000;
    std::uint64_t seed = 1;
};

/// `real`'s records (as many as fit, partnerships only between kept municipalities), then made-up
/// ones until the counts are reached. Throws std::invalid_argument when `real` has no municipality
/// with a location to start from. Every record passes the core's validation.
Snapshot generate_registry(const Snapshot& real, const GenerateOptions& options);

}  // namespace prd::server
