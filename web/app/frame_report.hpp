#pragma once
// What the current frame showed, collected while drawing and published for tests (window.prdState).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/route.hpp"

namespace prd::web {

/// A rectangle in CSS pixels relative to the canvas, where a click reaches the named control.
struct Target {
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;
};

struct ReportedHit {
    std::string id;
    double score = 0;
    std::string reason;  ///< "exact", "prefix", "alias Lemberg", "fuzzy Kharkov"; "" for no query
};

struct ReportedConflict {
    std::string field;
    std::string mine;
    std::string theirs;
};

/// Find's facet counts for the filters that show a number (when the filters are open).
struct ReportedFacets {
    std::size_t frontline = 0;
    std::size_t no_foreign_partner = 0;
    std::size_t has_foreign_partner = 0;
};

struct FrameReport {
    static constexpr std::size_t max_rows = 50;

    std::size_t rows_shown = 0;            ///< rows of the current view after filtering
    std::vector<std::string> rows;         ///< the first max_rows of them, cells joined by " | "
    std::map<std::string, Target> targets;    ///< e.g. "nav.find", "lang.en", "result.<id>"
    Page view = Page::find;                   ///< the page drawn this frame (the route may have changed during it)
    double search_ms = -1;                    ///< Find's last search, in milliseconds (-1 when Find is not shown)
    int searches = 0;                         ///< how many searches Find has run
    float search_scroll = 0;                  ///< how far Find's results are scrolled, in CSS pixels
    std::size_t search_total = 0;             ///< how many records match Find's query and filters
    std::string selected;                     ///< the record whose page is open ("" for none)
    std::optional<ReportedFacets> facets;
    std::vector<ReportedHit> search_results;  ///< the first 20 results of Find
    std::vector<ReportedHit> suggestions;     ///< partner suggestions on a profile
    std::vector<ReportedConflict> conflicts;  ///< fields in conflict on the profile editor
    nlohmann::json map;                       ///< prdState.map on the map (null elsewhere)
    nlohmann::json dashboard;                 ///< prdState.dashboard on the dashboard (null elsewhere)
    nlohmann::json dashboard_sort;            ///< the oblast table's sort and rows in the order shown
};

}  // namespace prd::web
