#pragma once
// The core's search index for the registry's current revision, shared by every reader of the
// server (the search API and the text version), built lazily and rebuilt when the revision moves.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "api/registry_service.hpp"
#include "search/search_index.hpp"

namespace prd::server {

class IndexCache {
public:
    explicit IndexCache(RegistryService& registry) : m_registry(registry) {}

    /// The index of the current revision. The first call after a write rebuilds it from a copy
    /// of the records, holding no lock while it indexes; callers that come meanwhile get the
    /// previous index at once (only the very first build is waited for). The index handed out
    /// stays valid while the caller holds it.
    std::shared_ptr<const SearchIndex> current();

    /// Runs `hook` each time an index is about to be built, outside every lock (tests hold the
    /// builder there). Set before serving.
    void before_indexing(std::function<void()> hook) { m_before_indexing = std::move(hook); }

private:
    RegistryService& m_registry;
    std::function<void()> m_before_indexing;
    std::mutex m_mutex;
    std::condition_variable m_built;
    std::shared_ptr<const SearchIndex> m_index;
    std::int64_t m_revision = -1;
    bool m_building = false;
};

}  // namespace prd::server
