// /registry/stats: the gap figures as tables: Ukrainian communities with no foreign partner
// (in all, at the front line, by oblast), partnerships by kind and by partner country. The
// counts come from the core's search index with its no_foreign_partner and frontline filters,
// so they agree with what the search finds.

#include <algorithm>
#include <map>
#include <set>

#include "html/pages.hpp"
#include "html/places.hpp"
#include "model/json_codec.hpp"

namespace prd::server::html {
namespace {

std::size_t facet_count(const std::vector<FacetCount>& facets, const std::string& value) {
    for (const FacetCount& f : facets)
        if (f.value == value) return f.count;
    return 0;
}

void number_cell(std::string& out, std::size_t value, Lang lang) {
    out += "<td class=\"number\">" + format_count(static_cast<std::int64_t>(value), lang) + "</td>";
}

void summary_row(std::string& out, Label measure, std::size_t count, std::optional<std::size_t> whole, Lang lang) {
    out += "<tr><th scope=\"row\">";
    append_escaped(out, text(measure, lang));
    out += "</th>";
    number_cell(out, count, lang);
    out += "<td class=\"number\">" + (whole ? format_share(count, *whole, lang) : std::string()) + "</td></tr>\n";
}

struct CountryRow {
    std::string code;
    std::size_t partnerships = 0;
    std::set<std::string> ukrainian;
};

}  // namespace

HtmlPage stats_page(const PageContext& context) {
    const Lang lang = context.lang;
    HtmlPage page;
    page.path = "/registry/stats";
    page.app_link = "/";
    page.title = text(Label::stats_title, lang);
    page.description = text(Label::stats_description, lang);

    SearchRequest ukraine;
    ukraine.limit = 0;
    ukraine.filters.countries = {"UA"};
    const SearchResponse all = context.index.search(ukraine);
    SearchRequest gap = ukraine;
    gap.filters.no_foreign_partner = true;
    const SearchResponse without = context.index.search(gap);
    // Facets count each dimension with the other filters applied: in `all`, no_foreign_partner and
    // frontline are counts among Ukrainian communities; in `without`, frontline is those of them
    // with no foreign partner.
    const std::size_t communities = all.total, no_foreign = without.total;
    const std::size_t frontline = all.facets.frontline, frontline_no_foreign = without.facets.frontline;

    std::string& out = page.main;
    out += "<h1>";
    append_escaped(out, page.title);
    out += "</h1>\n<p>";
    append_escaped(out, text(Label::stats_note, lang));
    out += "</p>\n";

    begin_table(out, "overview", text(Label::summary_caption, lang),
                {text(Label::col_measure, lang), {text(Label::col_count, lang), true}, {text(Label::col_share, lang), true}});
    summary_row(out, Label::stat_municipalities, context.registry.municipalities().size(), std::nullopt, lang);
    summary_row(out, Label::stat_partnerships, context.registry.partnerships().size(), std::nullopt, lang);
    summary_row(out, Label::stat_ua_communities, communities, std::nullopt, lang);
    summary_row(out, Label::stat_no_foreign, no_foreign, communities, lang);
    summary_row(out, Label::stat_frontline, frontline, std::nullopt, lang);
    summary_row(out, Label::stat_frontline_no_foreign, frontline_no_foreign, frontline, lang);
    end_table(out);

    // By oblast, the largest gap first; each oblast links to its communities without a partner.
    struct OblastRow {
        std::string region;
        std::size_t communities, without;
    };
    std::vector<OblastRow> oblasts;
    for (const FacetCount& region : all.facets.regions)
        oblasts.push_back({region.value, region.count, facet_count(without.facets.regions, region.value)});
    std::sort(oblasts.begin(), oblasts.end(), [lang](const OblastRow& a, const OblastRow& b) {
        const double share_a = static_cast<double>(a.without) / static_cast<double>(a.communities);
        const double share_b = static_cast<double>(b.without) / static_cast<double>(b.communities);
        if (share_a != share_b) return share_a > share_b;
        return sort_key(region_name(a.region, lang), lang) < sort_key(region_name(b.region, lang), lang);
    });
    out += "<h2>";
    append_escaped(out, text(Label::by_oblast_caption, lang));
    out += "</h2>\n";
    begin_table(out, "by-oblast", text(Label::by_oblast_caption, lang),
                {text(Label::col_oblast, lang), {text(Label::col_communities, lang), true},
                 {text(Label::col_without, lang), true}, {text(Label::col_share, lang), true}},
                false);
    for (const OblastRow& row : oblasts) {
        out += "<tr><th scope=\"row\"><a href=\"";
        append_escaped(out, page_url("/registry/", lang, {{"country", "UA"}, {"region", row.region}, {"no_foreign_partner", "1"}}));
        out += "\">";
        append_escaped(out, region_name(row.region, lang));
        out += "</a></th>";
        number_cell(out, row.communities, lang);
        number_cell(out, row.without, lang);
        out += "<td class=\"number\">" + format_share(row.without, row.communities, lang) + "</td></tr>\n";
    }
    end_table(out);

    // Partnerships by kind, and those with a Ukrainian side by the partner's country.
    std::map<PartnershipKind, std::pair<std::size_t, std::size_t>> by_kind;  // all, in force
    std::map<std::string, CountryRow> by_country;
    for (const auto& [id, p] : context.registry.partnerships()) {
        auto& kind = by_kind[p.kind];
        ++kind.first;
        if (p.status == PartnershipStatus::signed_ || p.status == PartnershipStatus::active) ++kind.second;
        std::vector<std::string> ukrainian;
        std::set<std::string> countries;
        for (const Party& party : p.parties) {
            const Municipality* m = context.registry.find_municipality(party.municipality);
            if (!m) continue;
            if (m->country == "UA") ukrainian.push_back(m->id);
            else countries.insert(m->country);
        }
        if (ukrainian.empty()) continue;
        for (const std::string& country : countries) {
            auto& row = by_country[country];
            row.code = country;
            ++row.partnerships;
            row.ukrainian.insert(ukrainian.begin(), ukrainian.end());
        }
    }
    out += "<h2>";
    append_escaped(out, text(Label::by_kind_caption, lang));
    out += "</h2>\n";
    begin_table(out, "by-kind", text(Label::by_kind_caption, lang),
                {text(Label::col_kind, lang), {text(Label::col_count, lang), true}, {text(Label::col_in_force, lang), true}},
                false);
    for (const auto& [kind, counts] : by_kind) {
        out += "<tr><th scope=\"row\">";
        append_escaped(out, label(kind, code(lang)));
        out += "</th>";
        number_cell(out, counts.first, lang);
        number_cell(out, counts.second, lang);
        out += "</tr>\n";
    }
    end_table(out);

    std::vector<const CountryRow*> countries;
    for (const auto& [code, row] : by_country) countries.push_back(&row);
    std::sort(countries.begin(), countries.end(), [lang](const CountryRow* a, const CountryRow* b) {
        if (a->partnerships != b->partnerships) return a->partnerships > b->partnerships;
        return sort_key(country_name(a->code, lang), lang) < sort_key(country_name(b->code, lang), lang);
    });
    out += "<h2>";
    append_escaped(out, text(Label::by_country_caption, lang));
    out += "</h2>\n";
    begin_table(out, "by-country", text(Label::by_country_caption, lang),
                {text(Label::col_country, lang), {text(Label::col_partnerships, lang), true},
                 {text(Label::col_ua_communities, lang), true}},
                false);
    for (const CountryRow* row : countries) {
        out += "<tr><th scope=\"row\">";
        append_escaped(out, country_name(row->code, lang));
        out += "</th>";
        number_cell(out, row->partnerships, lang);
        number_cell(out, row->ukrainian.size(), lang);
        out += "</tr>\n";
    }
    end_table(out);
    return page;
}

}  // namespace prd::server::html
