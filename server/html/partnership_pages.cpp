// /registry/p/<id> (one partnership and its parties), /registry/declarations (every joint
// declaration with its signatories), and the pages that say something is missing or wrong.

#include <algorithm>

#include "html/pages.hpp"
#include "html/places.hpp"
#include "model/json_codec.hpp"

namespace prd::server::html {
namespace {

constexpr std::size_t k_parties_in_a_row = 4;  ///< a declaration's row names this many, then "+N"

std::string extra_string(const nlohmann::json& extra, const char* key) {
    const auto it = extra.find(key);
    return it != extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string time_element(std::string_view date) {
    if (date.empty()) return {};
    return "<time>" + escape(date) + "</time>";
}

void partnership_facts(std::string& out, const Partnership& p, Lang lang) {
    out += "<dl class=\"facts\">\n";
    dl_item(out, Label::col_kind, escape(label(p.kind, code(lang))), lang);
    dl_item(out, Label::status, escape(label(p.status, code(lang))), lang);
    if (!p.signed_on.empty()) dl_item(out, Label::signed_on, time_element(p.signed_on), lang);
    if (const auto ends = extra_string(p.extra, "ends_on"); !ends.empty()) dl_item(out, Label::ends_on, time_element(ends), lang);
    std::string dd;
    // The seed writes places and events in English; the cooperation register's forms are Ukrainian.
    if (!p.place.empty()) {
        text_in(dd, p.place, "en", lang);
        dl_item(out, Label::place, dd, lang);
    }
    if (!p.event.empty()) {
        dd.clear();
        text_in(dd, p.event, "en", lang);
        dl_item(out, Label::event, dd, lang);
    }
    if (const auto form = extra_string(p.extra, "cooperation_form"); !form.empty()) {
        dd.clear();
        text_in(dd, form, "uk", lang);
        dl_item(out, Label::cooperation_form, dd, lang);
    }
    if (!p.areas.empty()) {
        dd.clear();
        for (const Sector area : p.areas) {
            if (!dd.empty()) dd += ", ";
            append_escaped(dd, sector_label(area, code(lang)));
        }
        dl_item(out, Label::areas, dd, lang);
    }
    if (p.open_to_join) dl_item(out, Label::open_to_join, escape(text(Label::yes, lang)), lang);
    if (!p.source.empty()) {
        dd.clear();
        text_in(dd, p.source, "en", lang);
        dl_item(out, Label::source_heading, dd, lang);
    }
    out += "</dl>\n";
}

void parties_table(std::string& out, const Registry& registry, const Partnership& p, std::string_view id,
                   std::string_view caption, Lang lang) {
    begin_table(out, id, caption,
                {text(Label::col_municipality, lang), text(Label::col_country, lang), text(Label::col_region, lang),
                 text(Label::col_joined, lang)});
    for (const Party& party : p.parties) {
        const Municipality* m = registry.find_municipality(party.municipality);
        out += "<tr><th scope=\"row\">";
        if (m) municipality_link(out, *m, lang);
        else append_escaped(out, party.municipality);
        out += "</th><td>";
        if (m) append_escaped(out, country_name(m->country, lang));
        out += "</td><td>";
        if (m) region_text(out, *m, lang);
        out += "</td><td>";
        out += time_element(party.joined_on);
        out += "</td></tr>\n";
    }
    end_table(out);
}

}  // namespace

void write_partnership_row(std::string& out, const Registry& registry, const Partnership& p,
                           std::string_view except_municipality, Lang lang) {
    out += "<tr><th scope=\"row\"><a href=\"";
    append_escaped(out, page_url("/registry/p/" + url_encode(p.id), lang));
    out += "\">";
    partnership_title(out, p, lang);
    out += "</a></th><td>";
    std::size_t written = 0, others = 0;
    for (const Party& party : p.parties) {
        if (party.municipality == except_municipality) continue;
        ++others;
        if (written == k_parties_in_a_row) continue;
        if (written++ > 0) out += ", ";
        if (const Municipality* m = registry.find_municipality(party.municipality)) municipality_link(out, *m, lang);
        else append_escaped(out, party.municipality);
    }
    if (others > written) out += ", +" + std::to_string(others - written);
    out += "</td><td>";
    append_escaped(out, label(p.kind, code(lang)));
    out += "</td><td>";
    append_escaped(out, label(p.status, code(lang)));
    out += "</td><td>";
    out += time_element(p.signed_on);
    out += "</td></tr>\n";
}

HtmlPage partnership_page(const PageContext& context, std::string_view id) {
    const Lang lang = context.lang;
    const Partnership* p = context.registry.find_partnership(id);
    if (!p) return not_found_page(lang, "/registry/p/" + url_encode(id));

    HtmlPage page;
    page.path = "/registry/p/" + url_encode(p->id);
    page.app_link = "/#/p/" + url_encode(p->id);
    page.title = partnership_title_text(*p, lang);
    std::string parties;
    for (const Party& party : p->parties) {
        if (!parties.empty()) parties += ", ";
        const Municipality* m = context.registry.find_municipality(party.municipality);
        parties += m ? municipality_title(*m, lang) : party.municipality;
    }
    page.description = format(Label::partnership_description, lang, label(p->kind, code(lang)), parties);

    std::string& out = page.main;
    out += "<h1>";
    partnership_title(out, *p, lang);
    out += "</h1>\n";
    partnership_facts(out, *p, lang);
    out += "<h2>";
    append_escaped(out, text(Label::parties_heading, lang));
    out += " (" + std::to_string(p->parties.size()) + ")</h2>\n";
    parties_table(out, context.registry, *p, "parties", text(Label::parties_caption, lang), lang);
    return page;
}

HtmlPage declarations_page(const PageContext& context) {
    const Lang lang = context.lang;
    HtmlPage page;
    page.path = "/registry/declarations";
    page.app_link = "/";
    page.title = text(Label::declarations_title, lang);
    page.description = text(Label::declarations_description, lang);

    std::vector<const Partnership*> declarations;
    for (const auto& [id, p] : context.registry.partnerships())
        if (p.kind == PartnershipKind::joint_declaration) declarations.push_back(&p);
    std::stable_sort(declarations.begin(), declarations.end(),
                     [](const Partnership* a, const Partnership* b) { return a->signed_on > b->signed_on; });

    std::string& out = page.main;
    out += "<h1>";
    append_escaped(out, page.title);
    out += "</h1>\n<p>";
    append_escaped(out, text(Label::declarations_intro, lang));
    out += "</p>\n";
    if (declarations.empty()) {
        out += "<p class=\"muted\">";
        append_escaped(out, text(Label::no_declarations, lang));
        out += "</p>\n";
    }
    std::size_t n = 0;
    for (const Partnership* p : declarations) {
        const std::string heading_id = "declaration-" + std::to_string(++n);
        out += "<section aria-labelledby=\"" + heading_id + "\">\n<h2 id=\"" + heading_id + "\"><a href=\"";
        append_escaped(out, page_url("/registry/p/" + url_encode(p->id), lang));
        out += "\">";
        partnership_title(out, *p, lang);
        out += "</a></h2>\n";
        partnership_facts(out, *p, lang);
        parties_table(out, context.registry, *p, "signatories-" + std::to_string(n),
                      format(Label::signatories_caption, lang, std::to_string(p->parties.size())), lang);
        out += "</section>\n";
    }
    return page;
}

HtmlPage not_found_page(Lang lang, std::string_view path) {
    HtmlPage page;
    page.status = 404;
    page.path = std::string(path);
    page.indexable = false;
    page.title = text(Label::not_found_title, lang);
    page.description = text(Label::not_found_text, lang);
    page.main = "<h1>" + escape(page.title) + "</h1>\n<p>" + escape(text(Label::not_found_text, lang)) + "</p>\n<p><a href=\"" +
                escape(page_url("/registry/", lang)) + "\">" + escape(text(Label::search_title, lang)) + "</a></p>\n";
    return page;
}

HtmlPage bad_request_page(Lang lang, std::string_view message) {
    HtmlPage page;
    page.status = 400;
    page.path = "/registry/";
    page.indexable = false;
    page.title = text(Label::bad_request_title, lang);
    page.description = page.title;
    // The message names the parameter and its rule, in English like every API message.
    std::string said;
    text_in(said, message, "en", lang);
    page.main = "<h1>" + escape(page.title) + "</h1>\n<p>" + said + "</p>\n<p><a href=\"" +
                escape(page_url("/registry/", lang)) + "\">" + escape(text(Label::search_title, lang)) + "</a></p>\n";
    return page;
}

}  // namespace prd::server::html
