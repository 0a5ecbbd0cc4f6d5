#pragma once
// The pages of the text version, as writer functions over the core's types. Each returns an
// HtmlPage (status, title, description, canonical path, content); text_version.hpp routes to
// them and puts them in the shared frame. No HTTP here and nothing that changes the registry.

#include <string>
#include <string_view>
#include <vector>

#include "html/layout.hpp"
#include "registry/registry.hpp"
#include "search/search_index.hpp"

namespace prd::server::html {

/// What every page writer reads: the registry and its search index at one revision, the page's
/// language and the request's query parameters.
struct PageContext {
    const Registry& registry;
    const SearchIndex& index;
    Lang lang = Lang::uk;
    const Query& query;
};

/// The choices the search form offers, taken from the registry (cached by the caller per revision).
struct SearchChoices {
    std::vector<std::string> countries;  ///< ISO codes present in the registry
    std::vector<std::string> oblasts;    ///< the regions of Ukrainian municipalities, as stored
};
SearchChoices search_choices(const SearchIndex& index);

/// /registry/: the search form and a page of results. `search` is the request parsed from the
/// query; a bad parameter is reported by the caller with bad_request_page().
HtmlPage search_page(const PageContext& context, const SearchRequest& search, std::size_t page_number,
                     const SearchChoices& choices);
/// /registry/m/<id>; 404 page when there is no such municipality.
HtmlPage municipality_page(const PageContext& context, std::string_view id);
/// /registry/p/<id>; 404 page when there is no such partnership.
HtmlPage partnership_page(const PageContext& context, std::string_view id);
/// /registry/declarations: every joint declaration with its signatories.
HtmlPage declarations_page(const PageContext& context);
/// /registry/stats: the gap figures as tables.
HtmlPage stats_page(const PageContext& context);

HtmlPage not_found_page(Lang lang, std::string_view path);
HtmlPage bad_request_page(Lang lang, std::string_view message);

/// The results a search page shows at once.
constexpr std::size_t k_page_size = 20;

/// One row of a partnerships table: title (a link), the other parties, kind, status, date.
void write_partnership_row(std::string& out, const Registry& registry, const Partnership& p,
                           std::string_view except_municipality, Lang lang);

}  // namespace prd::server::html
