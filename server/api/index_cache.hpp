#pragma once
// The core's search index for the registry's current revision, shared by every reader of the
// server (the search API and the text version), built lazily and rebuilt when the revision moves.

#include <cstdint>
#include <memory>
#include <mutex>

#include "api/registry_service.hpp"
#include "search/search_index.hpp"

namespace prd::server {

class IndexCache {
public:
    explicit IndexCache(RegistryService& registry) : m_registry(registry) {}

    /// The index of the current revision. The first call after a write rebuilds it (callers
    /// meanwhile wait); the index handed out stays valid while the caller holds it.
    std::shared_ptr<const SearchIndex> current();

private:
    RegistryService& m_registry;
    std::mutex m_mutex;
    std::shared_ptr<const SearchIndex> m_index;
    std::int64_t m_revision = -1;
};

}  // namespace prd::server
