#include "html/layout.hpp"

#include "html/places.hpp"
#include "model/json_codec.hpp"

namespace prd::server::html {
namespace {

void nav_item(std::string& out, std::string_view path, Label label, Lang lang, std::string_view current) {
    out += "<li><a href=\"";
    append_escaped(out, page_url(path, lang));
    out += path == current ? "\" aria-current=\"page\">" : "\">";
    append_escaped(out, text(label, lang));
    out += "</a></li>";
}

const std::string& shown(const std::string& preferred, const std::string& fallback) {
    return preferred.empty() ? fallback : preferred;
}

}  // namespace

std::string page_url(std::string_view path, Lang lang, const Query& query) {
    std::string url(path);
    char separator = '?';
    for (const auto& [key, value] : query) {
        if (key == "lang") continue;
        url += separator;
        url += url_encode(key) + "=" + url_encode(value);
        separator = '&';
    }
    url += separator;
    url += "lang=";
    url += code(lang);
    return url;
}

std::string render_document(const HtmlPage& page, Lang lang, std::string_view base_url, const Query& query) {
    std::string out;
    out.reserve(page.main.size() + 4096);
    out += "<!doctype html>\n<html lang=\"";
    out += code(lang);
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    append_escaped(out, page.title);
    out += " — ";
    append_escaped(out, text(Label::site_name, lang));
    out += "</title>\n<meta name=\"description\" content=\"";
    append_escaped(out, page.description);
    out += "\">\n";
    if (!page.indexable) out += "<meta name=\"robots\" content=\"noindex, follow\">\n";
    out += "<link rel=\"canonical\" href=\"";
    append_escaped(out, std::string(base_url) + page_url(page.path, lang, page.path_query));
    out += "\">\n";
    for (const Lang each : {Lang::uk, Lang::en}) {
        out += "<link rel=\"alternate\" hreflang=\"";
        out += code(each);
        out += "\" href=\"";
        append_escaped(out, std::string(base_url) + page_url(page.path, each, page.path_query));
        out += "\">\n";
    }
    out += "<link rel=\"stylesheet\" href=\"/registry/style.css\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">";
    append_escaped(out, text(Label::skip_to_content, lang));
    out += "</a>\n<header>\n<p class=\"site\"><a href=\"";
    append_escaped(out, page_url("/registry/", lang));
    out += "\">";
    append_escaped(out, text(Label::site_name, lang));
    out += "</a></p>\n<nav aria-label=\"";
    append_escaped(out, text(Label::nav_label, lang));
    out += "\"><ul>";
    nav_item(out, "/registry/", Label::nav_search, lang, page.path);
    nav_item(out, "/registry/declarations", Label::nav_declarations, lang, page.path);
    nav_item(out, "/registry/stats", Label::nav_stats, lang, page.path);
    out += "</ul></nav>\n<ul class=\"tools\"><li><a href=\"";
    append_escaped(out, page_url(page.path, other(lang), query));
    out += "\" hreflang=\"";
    out += code(other(lang));
    out += "\" lang=\"";
    out += code(other(lang));
    out += "\">";
    append_escaped(out, text(Label::language_switch, other(lang)));
    out += "</a></li>";
    if (!page.app_link.empty()) {
        out += "<li><a href=\"";
        append_escaped(out, page.app_link);
        out += "\">";
        append_escaped(out, text(Label::open_in_app, lang));
        out += "</a> <span class=\"hint\">";
        append_escaped(out, text(Label::open_in_app_hint, lang));
        out += "</span></li>";
    }
    out += "</ul>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n";
    out += page.main;
    out += "</main>\n<footer>\n<p>";
    append_escaped(out, text(Label::text_version_note, lang));
    out += "</p>\n<p>";
    append_escaped(out, text(Label::footer_data, lang));
    out += " <a href=\"/api/v1/about\">";
    append_escaped(out, text(Label::footer_sources, lang));
    out += "</a></p>\n</footer>\n</body>\n</html>\n";
    return out;
}

void text_in(std::string& out, std::string_view text, std::string_view text_lang, Lang page) {
    if (text_lang.empty() || text_lang == code(page)) {
        append_escaped(out, text);
        return;
    }
    out += "<span lang=\"";
    append_escaped(out, text_lang);
    out += "\">";
    append_escaped(out, text);
    out += "</span>";
}

std::string_view native_language(const Municipality& m) {
    if (!m.languages.empty()) return m.languages.front();
    return m.country == "UA" ? "uk" : "";
}

namespace {

struct NamePart {
    const std::string* text = nullptr;
    std::string_view lang;
};

// The name in the page's language, else the other first-class one, else the native one. A name
// equal to the native name is in the native language (Wrocław is Polish on an English page too).
NamePart main_name(const Municipality& m, Lang lang) {
    const std::string& own = lang == Lang::uk ? m.names.uk : m.names.en;
    const std::string& second = lang == Lang::uk ? m.names.en : m.names.uk;
    NamePart part;
    if (!own.empty()) part = {&own, code(lang)};
    else if (!m.names.native.empty()) part = {&m.names.native, native_language(m)};
    else part = {&second, code(other(lang))};
    if (*part.text == m.names.native && !native_language(m).empty()) part.lang = native_language(m);
    return part;
}

}  // namespace

void municipality_name(std::string& out, const Municipality& m, Lang lang) {
    const NamePart part = main_name(m, lang);
    text_in(out, *part.text, part.lang, lang);
    if (m.country != "UA" && !m.names.native.empty() && m.names.native != *part.text) {
        out += " (";
        text_in(out, m.names.native, native_language(m), lang);
        out += ")";
    }
}

std::string municipality_title(const Municipality& m, Lang lang) {
    const NamePart part = main_name(m, lang);
    std::string title = *part.text;
    if (m.country != "UA" && !m.names.native.empty() && m.names.native != title) title += " (" + m.names.native + ")";
    return title;
}

void municipality_link(std::string& out, const Municipality& m, Lang lang) {
    out += "<a href=\"";
    append_escaped(out, page_url("/registry/m/" + url_encode(m.id), lang));
    out += "\">";
    municipality_name(out, m, lang);
    out += "</a>";
}

std::string partnership_title_text(const Partnership& p, Lang lang) {
    const std::string& own = lang == Lang::uk ? p.title.uk : p.title.en;
    const std::string& second = lang == Lang::uk ? p.title.en : p.title.uk;
    const std::string& title = shown(own, second);
    return title.empty() ? std::string(label(p.kind, code(lang))) : title;
}

void partnership_title(std::string& out, const Partnership& p, Lang lang) {
    const std::string& own = lang == Lang::uk ? p.title.uk : p.title.en;
    if (!own.empty() || (p.title.uk.empty() && p.title.en.empty())) append_escaped(out, partnership_title_text(p, lang));
    else text_in(out, lang == Lang::uk ? p.title.en : p.title.uk, code(other(lang)), lang);
}

void region_text(std::string& out, const Municipality& m, Lang lang) {
    if (m.region.empty()) return;
    // Oblasts are stored in Ukrainian and have English names; a foreign region is stored as
    // GeoNames writes it, in English.
    if (m.country == "UA") append_escaped(out, region_name(m.region, lang));
    else text_in(out, m.region, "en", lang);
}

void dl_item(std::string& out, Label term, std::string_view escaped_definition, Lang lang) {
    out += "<dt>";
    append_escaped(out, text(term, lang));
    out += "</dt><dd>";
    out += escaped_definition;
    out += "</dd>\n";
}

void begin_table(std::string& out, std::string_view id, std::string_view caption, std::initializer_list<Column> columns,
                 bool caption_shown) {
    out += "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"";
    append_escaped(out, id);
    out += "\"><table><caption id=\"";
    append_escaped(out, id);
    out += caption_shown ? "\">" : "\" class=\"visually-hidden\">";
    append_escaped(out, caption);
    out += "</caption><thead><tr>";
    for (const Column& column : columns) {
        out += column.number ? "<th scope=\"col\" class=\"number\">" : "<th scope=\"col\">";
        append_escaped(out, column.label);
        out += "</th>";
    }
    out += "</tr></thead><tbody>\n";
}

void end_table(std::string& out) { out += "</tbody></table></div>\n"; }

std::string_view stylesheet() {
    // Colours: text #1a1f29 and links #0b4f9c on white (15.9:1 and 8.3:1), muted text #4a5261
    // (8.0:1), focus ring #c2410c (at least 3:1 against white and the link colour's surroundings).
    static constexpr std::string_view css = R"css(/* The text version of the registry. */
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: #1a1f29; line-height: 1.5;
  font-family: "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 0.25rem solid #0057b7; padding-top: 0.5rem; padding-bottom: 0.5rem; }
header ul { list-style: none; margin: 0.25rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.site { margin: 0; font-size: 1.25rem; font-weight: bold; }
.site a { color: #0057b7; text-decoration: none; }
.hint { color: #4a5261; font-size: 0.9rem; }
a { color: #0b4f9c; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #5b2a86; }
a:hover { text-decoration-thickness: 0.15em; }
a[aria-current="page"] { font-weight: bold; text-decoration: none; }
:focus { outline: 0.2rem solid #c2410c; outline-offset: 0.15rem; }
:focus:not(:focus-visible) { outline: none; }
:focus-visible { outline: 0.2rem solid #c2410c; outline-offset: 0.15rem; }
main:focus { outline: none; }
.skip { position: absolute; left: 0.5rem; top: -10rem; background: #fff; color: #0b4f9c; padding: 0.5rem 1rem;
  border: 0.15rem solid #0b4f9c; z-index: 10; }
.skip:focus { top: 0.5rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.25rem 0 0.75rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p, li, dd, td, th { overflow-wrap: break-word; }
.lead { font-size: 1.1rem; color: #1a1f29; }
.muted { color: #4a5261; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
@media (max-width: 30rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: 0.5rem; } }
/* On a narrow screen a table keeps readable columns and scrolls sideways inside its region
   (WCAG 1.4.10 allows that for data tables); the page itself never does. */
.table { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; min-width: 30rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #c9d0da; }
thead th { border-bottom: 0.15rem solid #4a5261; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
form.search { margin: 1rem 0; }
form.search label, form.search legend { display: block; font-weight: bold; }
fieldset { border: 1px solid #c9d0da; margin: 1rem 0; padding: 0.5rem 1rem 1rem; }
.fields { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; }
.fields > div { min-width: 12rem; flex: 1 1 12rem; }
input[type="search"], select { font: inherit; width: 100%; max-width: 100%; padding: 0.4rem; color: #1a1f29;
  background: #fff; border: 1px solid #4a5261; border-radius: 0.2rem; }
.check { display: flex; gap: 0.5rem; align-items: flex-start; margin-top: 0.5rem; }
.check input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; }
.check label { font-weight: normal; }
button { font: inherit; padding: 0.5rem 1.25rem; border: 0.15rem solid #0057b7; border-radius: 0.2rem;
  background: #0057b7; color: #fff; cursor: pointer; }
ol.results { padding-left: 1.5rem; }
ol.results li { margin: 0 0 0.75rem; }
ol.results p { margin: 0; }
nav.pages ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
footer { border-top: 1px solid #c9d0da; margin-top: 3rem; padding-top: 0.5rem; padding-bottom: 2rem; color: #4a5261;
  font-size: 0.9rem; }
)css";
    return css;
}

}  // namespace prd::server::html
