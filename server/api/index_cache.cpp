#include "api/index_cache.hpp"

namespace prd::server {

std::shared_ptr<const SearchIndex> IndexCache::current() {
    const auto revision = m_registry.revision();
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (m_index && m_revision >= revision) return m_index;
            if (!m_building) break;
            if (m_index) return m_index;  // someone is indexing the new revision: the previous index now
            m_built.wait(lock);
        }
        m_building = true;
    }
    std::shared_ptr<const SearchIndex> index;
    std::int64_t built_revision = 0;
    try {
        if (m_before_indexing) m_before_indexing();
        // Only the copy holds the registry (shared: readers go on); indexing holds nothing.
        auto copy = m_registry.read([](const Registry& r) { return r.snapshot(); });
        built_revision = copy.revision;
        index = std::make_shared<const SearchIndex>(SearchIndex::build(copy.municipalities, copy.partnerships));
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_building = false;
        m_built.notify_all();
        throw;
    }
    release_free_memory();
    std::lock_guard lock(m_mutex);
    if (!m_index || m_revision < built_revision) {
        m_index = index;
        m_revision = built_revision;
    }
    m_building = false;
    m_built.notify_all();
    return index;
}

}  // namespace prd::server
