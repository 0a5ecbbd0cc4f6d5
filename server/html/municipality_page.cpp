// /registry/m/<id>: one municipality: its names in every language it has, facts, needs and
// offers, partnerships, suggested partners with their reasons, and where the data came from.

#include <algorithm>
#include <cstdio>

#include "html/pages.hpp"
#include "html/places.hpp"
#include "model/json_codec.hpp"
#include "search/matching.hpp"

namespace prd::server::html {
namespace {

std::string extra_string(const nlohmann::json& extra, const char* key) {
    const auto it = extra.find(key);
    return it != extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void names_section(std::string& out, const Municipality& m, Lang lang) {
    out += "<h2>";
    append_escaped(out, text(Label::names_heading, lang));
    out += "</h2>\n<dl class=\"facts\">\n";
    std::string dd;
    const auto item = [&](Label term, const std::string& name, std::string_view name_lang) {
        if (name.empty()) return;
        dd.clear();
        text_in(dd, name, name_lang, lang);
        dl_item(out, term, dd, lang);
    };
    item(Label::name_uk, m.names.uk, "uk");
    item(Label::name_en, m.names.en, "en");
    if (m.names.native != m.names.uk && m.names.native != m.names.en) item(Label::name_native, m.names.native, native_language(m));
    std::vector<std::string> shown = {m.names.uk, m.names.en, m.names.native};
    if (const auto centre = m.extra.find("centre"); centre != m.extra.end() && centre->is_object()) {
        const std::string uk = centre->value("uk", ""), en = centre->value("en", "");
        dd.clear();
        text_in(dd, lang == Lang::uk ? uk : en, code(lang), lang);
        const std::string& second = lang == Lang::uk ? en : uk;
        if (!second.empty() && second != (lang == Lang::uk ? uk : en)) {
            dd += " / ";
            text_in(dd, second, code(other(lang)), lang);
        }
        if (!uk.empty() || !en.empty()) dl_item(out, Label::centre, dd, lang);
        shown.push_back(uk);
        shown.push_back(en);
    }
    // Other spellings are proper names of mixed, unrecorded languages (WCAG 3.1.2 exempts those).
    dd.clear();
    for (const std::string& alias : m.aliases) {
        if (std::find(shown.begin(), shown.end(), alias) != shown.end()) continue;
        if (!dd.empty()) dd += ", ";
        append_escaped(dd, alias);
    }
    if (!dd.empty()) dl_item(out, Label::also_known_as, dd, lang);
    out += "</dl>\n";
}

void facts_section(std::string& out, const Municipality& m, Lang lang) {
    out += "<h2>";
    append_escaped(out, text(Label::facts_heading, lang));
    out += "</h2>\n<dl class=\"facts\">\n";
    dl_item(out, Label::kind, escape(label(m.kind, code(lang))), lang);
    dl_item(out, Label::country, escape(country_name(m.country, lang)), lang);
    std::string dd;
    region_text(dd, m, lang);
    if (!dd.empty()) dl_item(out, Label::region, dd, lang);
    if (!m.district.empty()) dl_item(out, Label::district, escape(region_name(m.district, lang)), lang);
    if (m.population) dl_item(out, Label::population, format_count(*m.population, lang), lang);
    if (m.area_km2)
        dl_item(out, Label::area, format_decimal(*m.area_km2, lang) + "\u00a0" + std::string(text(Label::km2, lang)), lang);
    if (m.location) {
        char coordinates[64];
        std::snprintf(coordinates, sizeof coordinates, "%.4f, %.4f", m.location->lat, m.location->lon);
        dl_item(out, Label::coordinates, coordinates, lang);
    }
    if (const auto f = m.extra.find("frontline"); f != m.extra.end() && f->is_object()) {
        if (const auto km = f->find("distance_to_russia_km"); km != f->end() && km->is_number())
            dl_item(out, Label::distance_to_russia,
                    format_decimal(km->get<double>(), lang) + "\u00a0" + std::string(text(Label::km, lang)), lang);
        if (const auto occupied = f->find("occupied_before_2022"); occupied != f->end() && occupied->is_boolean())
            dl_item(out, Label::occupied_before_2022, escape(text(occupied->get<bool>() ? Label::yes : Label::no, lang)), lang);
    }
    dl_item(out, Label::open_to_partners, escape(text(m.open_to_partners ? Label::yes : Label::no, lang)), lang);
    dl_item(out, Label::verified, escape(text(m.verified ? Label::yes : Label::no, lang)), lang);
    if (m.updated_at.size() >= 10) dl_item(out, Label::updated, "<time>" + escape(m.updated_at.substr(0, 10)) + "</time>", lang);
    out += "</dl>\n";

    const std::string& own = lang == Lang::uk ? m.description.uk : m.description.en;
    const std::string& second = lang == Lang::uk ? m.description.en : m.description.uk;
    if (!own.empty() || !second.empty()) {
        out += "<h2>";
        append_escaped(out, text(Label::description, lang));
        out += "</h2>\n<p>";
        if (!own.empty()) append_escaped(out, own);
        else text_in(out, second, code(other(lang)), lang);
        out += "</p>\n";
    }
}

void sectors_section(std::string& out, Label heading, const std::vector<SectorEntry>& entries, Lang lang) {
    out += "<h2>";
    append_escaped(out, text(heading, lang));
    out += "</h2>\n";
    if (entries.empty()) {
        out += "<p class=\"muted\">";
        append_escaped(out, text(Label::none_recorded, lang));
        out += "</p>\n";
        return;
    }
    auto sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(), [](const SectorEntry& a, const SectorEntry& b) { return a.priority < b.priority; });
    out += "<ul>\n";
    for (const SectorEntry& entry : sorted) {
        out += "<li>";
        append_escaped(out, sector_label(entry.sector, code(lang)));
        out += " (";
        append_escaped(out, format(Label::priority, lang, std::to_string(entry.priority)));
        out += ")";
        if (!entry.note.empty()) {
            out += ": ";
            append_escaped(out, entry.note);
        }
        out += "</li>\n";
    }
    out += "</ul>\n";
}

void partnerships_section(std::string& out, const Registry& registry, const Municipality& m, Lang lang) {
    auto list = registry.partnerships_of(m.id);
    out += "<h2>";
    append_escaped(out, text(Label::partnerships_heading, lang));
    out += " (" + std::to_string(list.size()) + ")</h2>\n";
    if (list.empty()) {
        out += "<p class=\"muted\">";
        append_escaped(out, text(Label::no_partnerships, lang));
        out += "</p>\n";
        return;
    }
    // Those in force first, then the newest.
    std::stable_sort(list.begin(), list.end(), [](const Partnership* a, const Partnership* b) {
        const bool a_ended = a->status == PartnershipStatus::ended, b_ended = b->status == PartnershipStatus::ended;
        if (a_ended != b_ended) return b_ended;
        return a->signed_on > b->signed_on;
    });
    begin_table(out, "partnerships", text(Label::partnerships_caption, lang),
                {text(Label::col_partnership, lang), text(Label::col_partners, lang), text(Label::col_kind, lang),
                 text(Label::col_status, lang), text(Label::col_signed, lang)});
    for (const Partnership* p : list) write_partnership_row(out, registry, *p, m.id, lang);
    end_table(out);
}

void suggestions_section(std::string& out, const Registry& registry, const Municipality& m, Lang lang) {
    // A public page: a community's hidden and declined suggestions are private to its editors, so
    // the plain ranking is shown (as the API shows anonymous callers).
    MatchOptions options;
    options.limit = 10;
    const auto suggestions = suggest_partners(registry, m.id, options);
    out += "<h2>";
    append_escaped(out, text(Label::suggestions_heading, lang));
    out += "</h2>\n<p>";
    append_escaped(out, text(Label::suggestions_intro, lang));
    out += "</p>\n";
    if (suggestions.empty()) {
        out += "<p class=\"muted\">";
        append_escaped(out, text(Label::no_suggestions, lang));
        out += "</p>\n";
        return;
    }
    begin_table(out, "suggestions", text(Label::suggestions_caption, lang),
                {text(Label::col_municipality, lang), text(Label::col_country, lang), text(Label::col_score, lang),
                 text(Label::col_reason, lang)});
    for (const PartnerSuggestion& s : suggestions) {
        const Municipality* partner = registry.find_municipality(s.id);
        if (!partner) continue;
        out += "<tr><th scope=\"row\">";
        municipality_link(out, *partner, lang);
        out += "</th><td>";
        append_escaped(out, country_name(partner->country, lang));
        out += "</td><td class=\"number\">" + std::to_string(static_cast<int>(s.score + 0.5)) + "</td><td>";
        const std::string& own = lang == Lang::uk ? s.reason.uk : s.reason.en;
        if (!own.empty()) append_escaped(out, own);
        else text_in(out, lang == Lang::uk ? s.reason.en : s.reason.uk, code(other(lang)), lang);
        out += "</td></tr>\n";
    }
    end_table(out);
}

}  // namespace

HtmlPage municipality_page(const PageContext& context, std::string_view id) {
    const Lang lang = context.lang;
    const Municipality* m = context.registry.find_municipality(id);
    if (!m) return not_found_page(lang, "/registry/m/" + url_encode(id));

    HtmlPage page;
    page.path = "/registry/m/" + url_encode(m->id);
    page.app_link = "/#/m/" + url_encode(m->id);
    std::string title = municipality_title(*m, lang);
    if (const auto centre = m->extra.find("centre"); centre != m->extra.end() && centre->is_object()) {
        const std::string name = centre->value(std::string(code(lang)), "");
        if (!name.empty() && title.find(name) == std::string::npos) title += " (" + name + ")";
    }
    page.title = title;
    page.description = format(Label::municipality_description, lang, title);

    std::string& out = page.main;
    out += "<h1>";
    municipality_name(out, *m, lang);
    out += "</h1>\n<p class=\"lead\">";
    append_escaped(out, label(m->kind, code(lang)));
    if (!m->region.empty()) {
        out += " · ";
        region_text(out, *m, lang);
    }
    out += " · ";
    append_escaped(out, country_name(m->country, lang));
    out += "</p>\n";
    names_section(out, *m, lang);
    facts_section(out, *m, lang);
    sectors_section(out, Label::needs_heading, m->needs, lang);
    sectors_section(out, Label::offers_heading, m->offers, lang);
    partnerships_section(out, context.registry, *m, lang);
    suggestions_section(out, context.registry, *m, lang);
    if (const std::string source = extra_string(m->extra, "source"); !source.empty()) {
        out += "<h2>";
        append_escaped(out, text(Label::source_heading, lang));
        out += "</h2>\n<p>";
        text_in(out, source, "en", lang);  // the importers write their sources in English
        out += "</p>\n";
    }
    return page;
}

}  // namespace prd::server::html
