// /registry/: the search form (a plain GET form: it works without script) and a page of results
// from the core's search, the same as the app's and the API's, so "Lemberg" finds Lviv here too.

#include <algorithm>

#include "html/pages.hpp"
#include "html/places.hpp"
#include "model/json_codec.hpp"

namespace prd::server::html {
namespace {

std::string query_value(const Query& query, const char* name) {
    const auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
}

void open_field(std::string& out, const char* id, Label label, Lang lang) {
    out += "<div><label for=\"";
    out += id;
    out += "\">";
    append_escaped(out, text(label, lang));
    out += "</label>";
}

/// A select whose first option ("All") sends an empty value, which the search ignores.
void select(std::string& out, const char* name, Label label, Lang lang, const std::string& chosen,
            const std::vector<std::pair<std::string, std::string>>& options) {
    open_field(out, name, label, lang);
    out += "<select id=\"";
    out += name;
    out += "\" name=\"";
    out += name;
    out += "\"><option value=\"\">";
    append_escaped(out, text(Label::all, lang));
    out += "</option>";
    for (const auto& [value, shown] : options) {
        out += "<option value=\"";
        append_escaped(out, value);
        out += value == chosen ? "\" selected>" : "\">";
        append_escaped(out, shown);
        out += "</option>";
    }
    out += "</select></div>\n";
}

void checkbox(std::string& out, const char* name, Label label, Lang lang, bool checked) {
    out += "<div class=\"check\"><input type=\"checkbox\" id=\"";
    out += name;
    out += "\" name=\"";
    out += name;
    out += checked ? "\" value=\"1\" checked><label for=\"" : "\" value=\"1\"><label for=\"";
    out += name;
    out += "\">";
    append_escaped(out, text(label, lang));
    out += "</label></div>\n";
}

using Options = std::vector<std::pair<std::string, std::string>>;

Options sorted_by_name(Options options, Lang lang) {
    std::sort(options.begin(), options.end(),
              [lang](const auto& a, const auto& b) { return sort_key(a.second, lang) < sort_key(b.second, lang); });
    return options;
}

void search_form(std::string& out, const PageContext& context, const SearchRequest& search, const SearchChoices& choices) {
    const Lang lang = context.lang;
    out += "<form class=\"search\" method=\"get\" action=\"/registry/\" role=\"search\">\n"
           "<input type=\"hidden\" name=\"lang\" value=\"";
    out += code(lang);
    out += "\">\n<label for=\"q\">";
    append_escaped(out, text(Label::field_query, lang));
    out += "</label>\n<p class=\"hint\" id=\"q-hint\">";
    append_escaped(out, text(Label::field_query_hint, lang));
    out += "</p>\n<input type=\"search\" id=\"q\" name=\"q\" maxlength=\"200\" aria-describedby=\"q-hint\" value=\"";
    append_escaped(out, query_value(context.query, "q"));
    out += "\">\n<fieldset><legend>";
    append_escaped(out, text(Label::filters_legend, lang));
    out += "</legend>\n<div class=\"fields\">\n";

    Options countries, oblasts, kinds, sectors;
    for (const auto& country : choices.countries) countries.emplace_back(country, std::string(country_name(country, lang)));
    for (const auto& oblast : choices.oblasts) oblasts.emplace_back(oblast, region_name(oblast, lang));
    for (int k = 0; k <= static_cast<int>(MunicipalityKind::region); ++k) {
        const auto kind = static_cast<MunicipalityKind>(k);
        kinds.emplace_back(std::string(to_string(kind)), std::string(label(kind, code(lang))));
    }
    for (const SectorInfo& info : all_sectors()) sectors.emplace_back(std::string(info.code), std::string(lang == Lang::uk ? info.uk : info.en));

    const auto& f = search.filters;
    select(out, "country", Label::field_country, lang, f.countries.empty() ? "" : f.countries.front(), sorted_by_name(countries, lang));
    select(out, "region", Label::field_region, lang, f.regions.empty() ? "" : f.regions.front(), sorted_by_name(oblasts, lang));
    select(out, "kind", Label::field_kind, lang, f.kinds.empty() ? "" : std::string(to_string(f.kinds.front())), kinds);
    select(out, "needs", Label::field_needs, lang, f.needs.empty() ? "" : std::string(sector_info(f.needs.front()).code),
           sorted_by_name(sectors, lang));
    select(out, "offers", Label::field_offers, lang, f.offers.empty() ? "" : std::string(sector_info(f.offers.front()).code),
           sorted_by_name(sectors, lang));
    out += "</div>\n";
    checkbox(out, "no_foreign_partner", Label::field_no_foreign_partner, lang, f.no_foreign_partner);
    checkbox(out, "frontline", Label::field_frontline, lang, f.frontline);
    out += "</fieldset>\n<button type=\"submit\">";
    append_escaped(out, text(Label::search_button, lang));
    out += "</button>\n</form>\n";
}

void result_item(std::string& out, const Municipality& m, const SearchHit& hit, Lang lang) {
    out += "<li>";
    municipality_link(out, m, lang);
    out += "<p class=\"muted\">";
    append_escaped(out, label(m.kind, code(lang)));
    if (const auto centre = m.extra.find("centre"); centre != m.extra.end() && centre->is_object()) {
        const std::string name = centre->value(std::string(code(lang)), "");
        if (!name.empty()) {
            out += " · ";
            append_escaped(out, text(Label::centre, lang));
            out += ": ";
            append_escaped(out, name);
        }
    }
    if (!m.region.empty()) {
        out += " · ";
        region_text(out, m, lang);
    }
    out += " · ";
    append_escaped(out, country_name(m.country, lang));
    if (m.population) {
        out += " · ";
        append_escaped(out, text(Label::population, lang));
        out += ": " + format_count(*m.population, lang);
    }
    out += "</p>";
    // Say which spelling was found when it is not a name already shown (Lemberg for Lviv).
    const auto& n = m.names;
    if ((hit.match == MatchKind::alias || hit.match == MatchKind::fuzzy) && !hit.matched_name.empty() &&
        hit.matched_name != n.uk && hit.matched_name != n.en && hit.matched_name != n.native) {
        out += "<p class=\"muted\">";
        append_escaped(out, format(Label::matched_spelling, lang, hit.matched_name));
        out += "</p>";
    }
    out += "</li>\n";
}

void page_links(std::string& out, const PageContext& context, std::size_t page_number, std::size_t pages) {
    const Lang lang = context.lang;
    const auto link = [&](std::size_t number, const char* rel, Label label) {
        Query query = context.query;
        query.erase("page");
        if (number > 1) query["page"] = std::to_string(number);
        out += "<li><a rel=\"";
        out += rel;
        out += "\" href=\"";
        append_escaped(out, page_url("/registry/", lang, query));
        out += "\">";
        append_escaped(out, text(label, lang));
        out += "</a></li>";
    };
    out += "<nav class=\"pages\" aria-label=\"";
    append_escaped(out, text(Label::pages_nav, lang));
    out += "\"><ul>";
    if (page_number > 1) link(std::min(page_number - 1, pages), "prev", Label::previous_page);
    out += "<li>";
    append_escaped(out, format(Label::page_of, lang, std::to_string(page_number), std::to_string(pages)));
    out += "</li>";
    if (page_number < pages) link(page_number + 1, "next", Label::next_page);
    out += "</ul></nav>\n";
}

}  // namespace

SearchChoices search_choices(const SearchIndex& index) {
    SearchChoices choices;
    SearchRequest everything;
    everything.limit = 0;
    for (const FacetCount& country : index.search(everything).facets.countries) choices.countries.push_back(country.value);
    SearchRequest ukraine = everything;
    ukraine.filters.countries = {"UA"};
    for (const FacetCount& region : index.search(ukraine).facets.regions) choices.oblasts.push_back(region.value);
    return choices;
}

HtmlPage search_page(const PageContext& context, const SearchRequest& search, std::size_t page_number,
                     const SearchChoices& choices) {
    const Lang lang = context.lang;
    HtmlPage page;
    page.path = "/registry/";
    page.path_query = context.query;
    page.path_query.erase("lang");
    page.indexable = page.path_query.empty();
    page.app_link = search.query.empty() ? "/" : "/#/search?q=" + url_encode(search.query);
    page.description = text(Label::search_description, lang);
    const std::string typed = query_value(context.query, "q");
    page.title = typed.empty() ? std::string(text(Label::search_title, lang)) : format(Label::results_for, lang, typed);

    SearchRequest request = search;
    // A submitted query is finished: its last word is a whole word, not a prefix being typed.
    if (!request.query.empty() && request.query.back() != ' ') request.query += ' ';
    request.limit = k_page_size;
    request.offset = (page_number - 1) * k_page_size;
    request.want_facets = false;
    const SearchResponse response = context.index.search(request);
    const std::size_t pages = std::max<std::size_t>(1, (response.total + k_page_size - 1) / k_page_size);
    if (page_number > 1) page.title += " (" + format(Label::page_of, lang, std::to_string(page_number), std::to_string(pages)) + ")";

    std::string& out = page.main;
    out += "<h1>";
    append_escaped(out, text(Label::search_title, lang));
    out += "</h1>\n";
    search_form(out, context, search, choices);
    out += "<h2 id=\"results\">";
    append_escaped(out, typed.empty() ? std::string(text(Label::results_heading, lang)) : format(Label::results_for, lang, typed));
    out += "</h2>\n<p>";
    append_escaped(out, format(Label::results_count, lang, format_count(static_cast<std::int64_t>(response.total), lang)));
    out += "</p>\n";
    if (response.total == 0) {
        out += "<p>";
        append_escaped(out, text(Label::nothing_found, lang));
        out += "</p>\n";
        return page;
    }
    out += "<ol class=\"results\" start=\"" + std::to_string(request.offset + 1) + "\">\n";
    for (const SearchHit& hit : response.hits)
        if (const Municipality* m = context.registry.find_municipality(hit.id)) result_item(out, *m, hit, lang);
    out += "</ol>\n";
    if (pages > 1) page_links(out, context, page_number, pages);
    return page;
}

}  // namespace prd::server::html
