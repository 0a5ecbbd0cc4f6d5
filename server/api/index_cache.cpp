#include "api/index_cache.hpp"

namespace prd::server {

std::shared_ptr<const SearchIndex> IndexCache::current() {
    const auto revision = m_registry.revision();
    std::lock_guard lock(m_mutex);
    if (!m_index || m_revision != revision) {
        m_index = m_registry.read([](const Registry& r) { return std::make_shared<const SearchIndex>(SearchIndex::build(r)); });
        m_revision = revision;
    }
    return m_index;
}

}  // namespace prd::server
