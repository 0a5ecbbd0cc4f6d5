#pragma once
// Find: the core's search over every municipality, as you type, ranked and spelling-tolerant
// ("Lemberg" finds Lviv), with the reason each result matched, and facets to narrow it down.
// The query and filters live in the address (#/search?q=...&country=PL), so Back restores them.

#include <map>
#include <string>

#include "panels/panel.hpp"
#include "search/search_index.hpp"

namespace prd::web {

class FindPanel final : public Panel {
public:
    Page page() const override { return Page::find; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    void draw_filters(UiContext& ui);
    void draw_results(UiContext& ui);
    /// Runs the search when the route (query, filters) or the registry changed.
    void refresh(UiContext& ui);
    void set_param(UiContext& ui, const std::string& name, std::string value);

    std::string m_query;         ///< what the search box shows
    std::string m_routed_query;  ///< the query the address had when the box last followed it
    std::string m_searched;      ///< the route + generation the results are for
    std::size_t m_limit = 100;
    bool m_filters_open = false;
    bool m_have_facets = false;   ///< whether m_response carries facet counts  ///< as last drawn: facets are counted only while they show
    SearchResponse m_response;
    double m_search_ms = 0;  ///< how long the last search took (for the benchmark)
    int m_searches = 0;
    std::map<std::string, int, std::less<>> m_partnership_counts;
    int m_counts_generation = -1;
};

}  // namespace prd::web
