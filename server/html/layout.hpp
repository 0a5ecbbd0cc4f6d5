#pragma once
// The frame every page of the text version shares (head, skip link, header, navigation, language
// switch, footer), the stylesheet, and the small writers the pages build their content with.
// Everything that comes from the registry is escaped by these writers.

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "html/escape.hpp"
#include "html/labels.hpp"
#include "model/types.hpp"

namespace prd::server::html {

using Query = std::map<std::string, std::string>;

/// One page as a page writer makes it; render_document() puts it in the shared frame.
struct HtmlPage {
    int status = 200;
    std::string title;        ///< the page's own title (the site's name is added)
    std::string description;  ///< <meta name="description">: what a search engine shows
    std::string path;         ///< canonical path, e.g. /registry/m/UA46060250000025047
    Query path_query;         ///< the canonical URL's query, without lang
    std::string app_link;     ///< where "Open in the app" leads, e.g. /#/m/UA46060250000025047
    bool indexable = true;    ///< false for search results: robots follow their links but do not index them
    std::string main;         ///< the content of <main>, starting with the page's one <h1>
};

/// The whole HTML document in `lang`. `base_url` (scheme and host, no trailing slash) makes the
/// canonical and alternate links absolute; `query` is the request's, kept by the language switch.
std::string render_document(const HtmlPage& page, Lang lang, std::string_view base_url, const Query& query);

/// The stylesheet every page links (/registry/style.css): no inline styles, so the server's
/// Content-Security-Policy holds; visible focus, contrast of at least 4.5:1, reflow down to 320 px.
std::string_view stylesheet();

/// `path` with `query` and lang=code(lang) as its query string, e.g. /registry/?q=Lviv&lang=en.
std::string page_url(std::string_view path, Lang lang, const Query& query = {});

// ---- writers ----

/// Appends escaped text, wrapped in <span lang="..."> when `text_lang` is not the page's language.
void text_in(std::string& out, std::string_view text, std::string_view text_lang, Lang page);

/// The language a municipality's native name is written in: its first listed language, else
/// Ukrainian for Ukraine, else empty (unknown).
std::string_view native_language(const Municipality& m);

/// A municipality's name as a page in `lang` shows it, each part marked with its language: the
/// name in the page's language (or the other first-class one, or the native name), and for a
/// foreign municipality its native name too when that differs (Варшава (Warszawa)).
void municipality_name(std::string& out, const Municipality& m, Lang lang);
/// The same as plain text, for titles and descriptions.
std::string municipality_title(const Municipality& m, Lang lang);
/// The name as a link to the municipality's page.
void municipality_link(std::string& out, const Municipality& m, Lang lang);

/// A partnership's title in the page's language (or the other one, marked), or its kind.
void partnership_title(std::string& out, const Partnership& p, Lang lang);
std::string partnership_title_text(const Partnership& p, Lang lang);

/// The region as a person reads it: an oblast in the page's language, a foreign region as stored.
void region_text(std::string& out, const Municipality& m, Lang lang);

/// <dt>term</dt><dd>definition</dd>; the definition is markup, already escaped.
void dl_item(std::string& out, Label term, std::string_view escaped_definition, Lang lang);

/// <div class="table" ...><table><caption id=...>caption</caption><thead>...</thead><tbody>:
/// a table whose wrapper scrolls sideways on a narrow screen (and can be scrolled by keyboard).
/// `id` must be unique on the page; a caption that repeats the heading just above it is kept for
/// screen readers but not shown twice (`caption_shown` false). Close it with end_table().
struct Column {
    Column(std::string_view l, bool n = false) : label(l), number(n) {}
    std::string_view label;
    bool number = false;  ///< figures, right-aligned
};
void begin_table(std::string& out, std::string_view id, std::string_view caption, std::initializer_list<Column> columns,
                 bool caption_shown = true);
void end_table(std::string& out);

}  // namespace prd::server::html
