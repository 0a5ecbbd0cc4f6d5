// The text version (/registry/...), fetched from a real server: the core's search behind the form,
// a municipality's names in every language marked with lang, partnerships and declarations, the gap
// figures, both languages, caching, escaping of hostile names, the sitemap and the page structure
// a screen reader relies on.
#include <gtest/gtest.h>

#include <regex>

#include "html/escape.hpp"
#include "html/labels.hpp"
#include "model/json_codec.hpp"
#include "running_server.hpp"
#include "search/search_index.hpp"

namespace prd::server {
namespace {

constexpr const char* kLviv = "UA46060250000025047";
constexpr const char* kDeclaration = "seed-2022-brussels-declaration";

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

/// What a screen reader relies on: one h1, headings that never skip a level, every table with a
/// caption and header cells, a skip link to main, no script and no inline style.
void expect_accessible_structure(const std::string& page, const std::string& what) {
    EXPECT_EQ(count(page, "<h1"), 1u) << what;
    int previous = 0;
    const std::regex heading("<h([1-6])[ >]");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), heading); it != std::sregex_iterator(); ++it) {
        const int level = std::stoi((*it)[1]);
        EXPECT_LE(level, previous + 1) << what << ": h" << level << " after h" << previous;
        previous = level;
    }
    EXPECT_EQ(count(page, "<table"), count(page, "<caption")) << what;
    EXPECT_GE(count(page, "<th scope=\"col\""), count(page, "<table")) << what;
    EXPECT_NE(page.find("<a class=\"skip\" href=\"#main\">"), std::string::npos) << what;
    EXPECT_NE(page.find("<main id=\"main\""), std::string::npos) << what;
    EXPECT_NE(page.find("<nav aria-label="), std::string::npos) << what;
    EXPECT_EQ(page.find("<script"), std::string::npos) << what;
    EXPECT_EQ(page.find(" style="), std::string::npos) << what;
    EXPECT_NE(page.find("<link rel=\"canonical\""), std::string::npos) << what;
    EXPECT_NE(page.find("<meta name=\"description\" content=\""), std::string::npos) << what;
}

class TextVersionTest : public ::testing::Test {
protected:
    TextVersionTest() : m_server(m_dir, {}) {}

    test::RawResponse get(const std::string& target, const std::string& headers = "") {
        return test::http_get(m_server.port(), target, headers);
    }

    /// Puts a record as a moderator would, through the same path as the API.
    void put(RecordKind kind, const nlohmann::json& record) {
        Principal moderator;
        moderator.role = Role::moderator;
        Change change{kind, Change::Op::put, record["id"], 0, record, {}};
        const auto results = m_server.registry().push(moderator, {change}, "2026-11-29T12:00:00Z");
        ASSERT_EQ(results.front().json["status"], "applied") << results.front().json.dump();
    }

    test::TempDir m_dir;
    test::RunningServer m_server;
};

TEST_F(TextVersionTest, AnOldSpellingFindsLvivInTheSearchForm) {
    const auto page = get("/registry/?q=Lemberg&lang=en");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.headers.at("content-type"), "text/html; charset=utf-8");
    const auto results = page.body.find("<ol class=\"results\"");
    ASSERT_NE(results, std::string::npos) << page.body;
    const auto first = page.body.find("<li>", results);
    EXPECT_EQ(page.body.find(std::string("<a href=\"/registry/m/") + kLviv + "?lang=en\">", first), first + 4);
    EXPECT_NE(page.body.find("found by the spelling “Lemberg”"), std::string::npos);
    EXPECT_NE(page.body.find("value=\"Lemberg\""), std::string::npos) << "the form keeps what was typed";
    EXPECT_NE(page.body.find("href=\"/#/search?q=Lemberg\""), std::string::npos) << "Open in the app";
    expect_accessible_structure(page.body, "search");

    // Ukrainian, percent-encoded in the URL, with a filter; the form remembers the filter.
    const auto uk = get("/registry/?q=" + html::url_encode("Львів") + "&country=UA&lang=uk");
    EXPECT_NE(uk.body.find(std::string("/registry/m/") + kLviv), std::string::npos);
    EXPECT_NE(uk.body.find("<option value=\"UA\" selected>Україна</option>"), std::string::npos);
}

TEST_F(TextVersionTest, SearchPagesAreNumberedAndBadParametersAreNamed) {
    const auto first = get("/registry/?country=PL&lang=en");
    EXPECT_NE(first.body.find("rel=\"next\" href=\"/registry/?country=PL&amp;page=2&amp;lang=en\""), std::string::npos);
    const auto second = get("/registry/?country=PL&page=2&lang=en");
    EXPECT_NE(second.body.find("<ol class=\"results\" start=\"21\">"), std::string::npos);
    EXPECT_NE(second.body.find("rel=\"prev\""), std::string::npos);

    const auto bad = get("/registry/?kind=spaceship&lang=en");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("kind: unknown value"), std::string::npos) << bad.body;
    EXPECT_EQ(get("/registry/?page=0").status, 400);
    EXPECT_EQ(get("/registry/m/UA00000000000000000").status, 404);
    EXPECT_EQ(get("/registry/nothing-here").status, 404);
    const auto moved = get("/registry?q=Lviv");
    EXPECT_EQ(moved.status, 301);
    EXPECT_EQ(moved.headers.at("location"), "/registry/?q=Lviv");
}

TEST_F(TextVersionTest, LvivsPageNamesItInEveryLanguageAndMarksEachOne) {
    const auto uk = get(std::string("/registry/m/") + kLviv + "?lang=uk");
    ASSERT_EQ(uk.status, 200);
    EXPECT_NE(uk.body.find("<html lang=\"uk\">"), std::string::npos);
    EXPECT_NE(uk.body.find("<h1>Львівська міська громада</h1>"), std::string::npos);
    EXPECT_NE(uk.body.find("<span lang=\"en\">Lvivska city hromada</span>"), std::string::npos);
    EXPECT_NE(uk.body.find("Львів / <span lang=\"en\">Lviv</span>"), std::string::npos) << "its centre";
    EXPECT_NE(uk.body.find("Lemberg"), std::string::npos) << "other spellings, for search engines too";
    // Partners in Polish, marked as Polish, linked to their pages and to the partnership's.
    for (const char* polish : {"Wrocław", "Kraków", "Przemyśl", "Łódź"})
        EXPECT_NE(uk.body.find(std::string("<span lang=\"pl\">") + polish + "</span>"), std::string::npos) << polish;
    EXPECT_NE(uk.body.find("href=\"/registry/p/twin-pl-3081368-ua46060250000025047?lang=uk\""), std::string::npos);
    EXPECT_NE(uk.body.find("Вільнюс (<span lang=\"lt\">Vilnius</span>)"), std::string::npos);
    EXPECT_NE(uk.body.find("<caption id=\"suggestions\">"), std::string::npos) << "suggested partners";
    EXPECT_NE(uk.body.find("Схожа за розміром"), std::string::npos) << "a suggestion's reason";
    EXPECT_NE(uk.body.find("777\u00a0234"), std::string::npos) << "population";
    EXPECT_NE(uk.body.find("<span lang=\"en\">KSE-Loc-Data-Hub hromadas"), std::string::npos) << "source";
    EXPECT_NE(uk.body.find(std::string("href=\"/#/m/") + kLviv + "\""), std::string::npos) << "Open in the app";
    EXPECT_NE(uk.body.find(std::string("hreflang=\"en\" lang=\"en\">English</a>")), std::string::npos) << "switch";
    expect_accessible_structure(uk.body, "Lviv uk");

    const auto en = get(std::string("/registry/m/") + kLviv + "?lang=en");
    EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(en.body.find("<h1>Lvivska city hromada</h1>"), std::string::npos);
    EXPECT_NE(en.body.find("<span lang=\"uk\">Львівська міська громада</span>"), std::string::npos);
    EXPECT_NE(en.body.find("<span lang=\"pl\">Wrocław</span>"), std::string::npos);
    EXPECT_NE(en.body.find("Lviv Oblast"), std::string::npos);
    EXPECT_NE(en.body.find("Similar size (population"), std::string::npos) << "a suggestion's reason";
    EXPECT_NE(en.body.find("777,234"), std::string::npos);
    EXPECT_NE(en.body.find("hreflang=\"uk\" lang=\"uk\">Українською</a>"), std::string::npos);
    expect_accessible_structure(en.body, "Lviv en");
}

TEST_F(TextVersionTest, TheLanguageComesFromTheLinkElseFromAcceptLanguage) {
    const auto german = get(std::string("/registry/m/") + kLviv, "Accept-Language: de-DE,de;q=0.9,en;q=0.8\r\n");
    EXPECT_NE(german.body.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_EQ(german.headers.at("content-language"), "en");
    EXPECT_NE(german.headers.at("vary").find("Accept-Language"), std::string::npos);
    const auto ukrainian = get(std::string("/registry/m/") + kLviv, "Accept-Language: uk,en;q=0.5\r\n");
    EXPECT_NE(ukrainian.body.find("<html lang=\"uk\">"), std::string::npos);
    EXPECT_NE(get(std::string("/registry/m/") + kLviv).body.find("<html lang=\"uk\">"), std::string::npos);
    const auto chosen = get(std::string("/registry/m/") + kLviv + "?lang=uk", "Accept-Language: en\r\n");
    EXPECT_NE(chosen.body.find("<html lang=\"uk\">"), std::string::npos);
    EXPECT_EQ(chosen.headers.at("vary").find("Accept-Language"), std::string::npos);
    // The canonical link names the language; both versions are offered to search engines.
    const std::string base = "http://127.0.0.1/registry/m/" + std::string(kLviv);
    EXPECT_NE(chosen.body.find("<link rel=\"canonical\" href=\"" + base + "?lang=uk\">"), std::string::npos) << chosen.body;
    EXPECT_NE(chosen.body.find("<link rel=\"alternate\" hreflang=\"en\" href=\"" + base + "?lang=en\">"), std::string::npos);
}

TEST_F(TextVersionTest, PagesRevalidateByTheRegistryRevision) {
    const std::string lviv = std::string("/registry/m/") + kLviv + "?lang=en";
    const auto first = get(lviv);
    const std::string etag = first.headers.at("etag");
    EXPECT_EQ(first.headers.at("cache-control"), "no-cache");
    const auto again = get(lviv, "If-None-Match: " + etag + "\r\n");
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_NE(get(std::string("/registry/m/") + kLviv + "?lang=uk").headers.at("etag"), etag) << "per language";

    auto record = m_server.registry().record(RecordKind::municipality, kLviv, Principal{});
    record["description"]["en"] = "Changed since.";
    Principal moderator;
    moderator.role = Role::moderator;
    const Change change{RecordKind::municipality, Change::Op::put, kLviv, record["revision"], record, {}};
    ASSERT_EQ(m_server.registry().push(moderator, {change}, "2026-11-29T12:00:00Z").front().json["status"], "applied");
    const auto changed = get(lviv, "If-None-Match: " + etag + "\r\n");
    EXPECT_EQ(changed.status, 200);
    EXPECT_NE(changed.body.find("Changed since."), std::string::npos);

    const auto css = get("/registry/style.css");
    EXPECT_EQ(css.headers.at("content-type"), "text/css; charset=utf-8");
    EXPECT_NE(css.body.find(":focus-visible"), std::string::npos);
    EXPECT_EQ(get("/registry/style.css", "If-None-Match: " + css.headers.at("etag") + "\r\n").status, 304);
}

TEST_F(TextVersionTest, HostileNamesAreEscapedEverywhere) {
    const std::string hostile = "<script>alert(\"x\")</script> & 'Co'";
    const std::string escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;";
    put(RecordKind::municipality, {{"id", "PL-424242"}, {"kind", "foreign_municipality"}, {"country", "PL"},
                                   {"region", "\"><b>region</b>"}, {"languages", {"pl"}},
                                   {"names", {{"en", hostile}, {"native", "Łódź <i>&amp;</i>"}}},
                                   {"aliases", {"<img src=x onerror=alert(1)>"}},
                                   {"description", {{"en", "</p><script>1</script>"}}}});
    put(RecordKind::partnership, {{"id", "hostile-1"}, {"kind", "twinning"}, {"status", "signed"},
                                  {"parties", {{{"municipality", kLviv}}, {{"municipality", "PL-424242"}}}},
                                  {"title", {{"en", hostile}, {"uk", hostile}}}, {"place", "<u>Brussels</u>"}});
    for (const std::string& target : std::vector<std::string>{"/registry/m/PL-424242?lang=en", "/registry/m/PL-424242?lang=uk",
                                     "/registry/p/hostile-1?lang=en", std::string("/registry/m/") + kLviv,
                                     "/registry/?q=" + html::url_encode(hostile) + "&lang=en",
                                     "/registry/?q=" + html::url_encode("<script>") + "&lang=uk"}) {
        const auto page = get(target);
        ASSERT_EQ(page.status, 200) << target;
        EXPECT_EQ(page.body.find("<script"), std::string::npos) << target;
        EXPECT_EQ(page.body.find("<img"), std::string::npos) << target;
        EXPECT_EQ(page.body.find("<b>"), std::string::npos) << target;
        EXPECT_EQ(page.body.find("<i>"), std::string::npos) << target;
        EXPECT_EQ(page.body.find("<u>"), std::string::npos) << target;
    }
    const auto page = get("/registry/m/PL-424242?lang=en");
    EXPECT_NE(page.body.find("<title>" + escaped + " (Łódź &lt;i&gt;&amp;amp;&lt;/i&gt;) — "), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("<h1>" + escaped + " (<span lang=\"pl\">Łódź &lt;i&gt;&amp;amp;&lt;/i&gt;</span>)</h1>"),
              std::string::npos);
    EXPECT_NE(page.body.find("content=\"" + escaped), std::string::npos) << "the description attribute";
    EXPECT_NE(page.body.find("&quot;&gt;&lt;b&gt;region&lt;/b&gt;"), std::string::npos);
    const auto search = get("/registry/?q=" + html::url_encode(hostile) + "&lang=en");
    EXPECT_NE(search.body.find("value=\"" + escaped + "\""), std::string::npos) << "the query in the form";
}

TEST_F(TextVersionTest, APartnershipAndTheDeclarationsListTheirSignatories) {
    const auto page = get(std::string("/registry/p/") + kDeclaration + "?lang=en");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<h1>Joint declaration on the rapid and sustainable reconstruction"), std::string::npos);
    EXPECT_NE(page.body.find("<caption id=\"parties\">Parties to the partnership</caption>"), std::string::npos);
    EXPECT_NE(page.body.find("<span lang=\"pl\">Poznań</span>"), std::string::npos) << page.body;
    EXPECT_EQ(count(page.body, "<time>2022-11-28</time>"), 13u) << "signed on, and 12 signatories joined on";
    EXPECT_NE(page.body.find(std::string("href=\"/#/p/") + kDeclaration + "\""), std::string::npos);
    expect_accessible_structure(page.body, "declaration");

    const auto declarations = get("/registry/declarations?lang=uk");
    ASSERT_EQ(declarations.status, 200);
    EXPECT_NE(declarations.body.find("<h1>Спільні декларації</h1>"), std::string::npos);
    EXPECT_NE(declarations.body.find("Спільна декларація про швидку та сталу відбудову"), std::string::npos);
    EXPECT_NE(declarations.body.find("Підписанти: 12"), std::string::npos);
    EXPECT_NE(declarations.body.find("Київ"), std::string::npos);
    EXPECT_NE(declarations.body.find("<span lang=\"de\">Berlin</span>"), std::string::npos);
    expect_accessible_structure(declarations.body, "declarations");
}

TEST_F(TextVersionTest, StatsShowTheGapTheSearchFilterFinds) {
    const auto index = m_server.registry().read([](const Registry& r) { return SearchIndex::build(r); });
    SearchRequest gap;
    gap.filters.countries = {"UA"};
    gap.filters.no_foreign_partner = true;
    const auto without = index.search(gap);
    gap.filters.no_foreign_partner = false;
    const auto all = index.search(gap);
    ASSERT_GT(without.total, 0u);

    const auto en = get("/registry/stats?lang=en");
    ASSERT_EQ(en.status, 200);
    const auto row = en.body.find("<th scope=\"row\">Ukrainian communities with no foreign partner</th>");
    ASSERT_NE(row, std::string::npos) << en.body;
    const std::string cells = "<td class=\"number\">" + html::format_count(static_cast<std::int64_t>(without.total), html::Lang::en) +
                              "</td><td class=\"number\">" + html::format_share(without.total, all.total, html::Lang::en) + "</td>";
    EXPECT_EQ(en.body.find(cells, row), en.body.find("<td", row)) << "the count and share right after the label: " << cells;
    for (const char* caption : {"Communities with no foreign partner, by oblast", "Partnerships by kind",
                                "Partnerships of Ukrainian communities by partner country"})
        EXPECT_NE(en.body.find(std::string(">") + caption + "</caption>"), std::string::npos) << caption;
    EXPECT_NE(en.body.find(">Lviv Oblast</a></th>"), std::string::npos);
    EXPECT_NE(en.body.find("<th scope=\"row\">Poland</th>"), std::string::npos);
    EXPECT_NE(en.body.find("<th scope=\"row\">Twinning</th>"), std::string::npos);
    EXPECT_NE(en.body.find(html::escape("/registry/?country=UA&no_foreign_partner=1&region=")), std::string::npos)
        << "each oblast leads to its communities without a partner";
    expect_accessible_structure(en.body, "stats en");
    expect_accessible_structure(get("/registry/stats?lang=uk").body, "stats uk");
}

TEST_F(TextVersionTest, TheSitemapListsEveryPageInBothLanguages) {
    const auto sitemap = get("/sitemap.xml");
    ASSERT_EQ(sitemap.status, 200);
    EXPECT_EQ(sitemap.headers.at("content-type"), "application/xml; charset=utf-8");
    const auto [municipalities, partnerships] = m_server.registry().read(
        [](const Registry& r) { return std::pair{r.municipalities().size(), r.partnerships().size()}; });
    EXPECT_EQ(count(sitemap.body, "<url><loc>"), 2 * (3 + municipalities + partnerships));
    EXPECT_NE(sitemap.body.find(std::string("<loc>http://127.0.0.1/registry/m/") + kLviv + "?lang=uk</loc>"), std::string::npos);
    EXPECT_NE(sitemap.body.find(std::string("<loc>http://127.0.0.1/registry/m/") + kLviv + "?lang=en</loc>"), std::string::npos);
    EXPECT_NE(sitemap.body.find(std::string("<loc>http://127.0.0.1/registry/p/") + kDeclaration + "?lang=en</loc>"),
              std::string::npos);
    EXPECT_EQ(get("/sitemap.xml", "If-None-Match: " + sitemap.headers.at("etag") + "\r\n").status, 304);
    const auto robots = get("/robots.txt", "X-Forwarded-Proto: https\r\n");
    EXPECT_NE(robots.body.find("Sitemap: https://127.0.0.1/sitemap.xml"), std::string::npos) << robots.body;
}

TEST_F(TextVersionTest, PagesForbidScriptsAndTheAppStillOwnsOtherPaths) {
    const auto page = get("/registry/?lang=en");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("<meta name=\"robots\""), std::string::npos) << "the bare search page is for search engines";
    EXPECT_NE(get("/registry/?q=Lviv").body.find("<meta name=\"robots\" content=\"noindex, follow\">"), std::string::npos)
        << "search results are not";
    EXPECT_EQ(count(page.body, "<h1"), 1u);
    // The page's own policy comes with the server's: no script, no inline style, forms to itself.
    const std::string raw = test::send_raw(m_server.port(), "GET /registry/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
    EXPECT_NE(head.find("Content-Security-Policy: default-src 'none'; style-src 'self';"), std::string::npos) << head;
    EXPECT_EQ(get("/index.html").status, 404) << "other paths still go to the (here empty) web bundle";
    EXPECT_EQ(get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace prd::server
