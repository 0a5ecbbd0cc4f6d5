#include "app/route.hpp"

#include <gtest/gtest.h>

namespace prd::web {
namespace {

TEST(Route, EmptyAndSlashAreFind) {
    EXPECT_EQ(parse_route("").page, Page::find);
    EXPECT_EQ(parse_route("/").page, Page::find);
    EXPECT_EQ(parse_route("#/").page, Page::find);
    EXPECT_EQ(parse_route("/search").page, Page::find);
}

TEST(Route, SearchKeepsItsQueryDecoded) {
    const Route r = parse_route("/search?q=%D0%9B%D1%8C%D0%B2%D1%96%D0%B2&country=UA&frontline=1");
    EXPECT_EQ(r.page, Page::find);
    EXPECT_EQ(r.param("q"), "Львів");
    EXPECT_EQ(r.param("country"), "UA");
    EXPECT_EQ(r.param("frontline"), "1");
    EXPECT_EQ(r.param("absent"), "");
}

TEST(Route, ARawUnicodeOrPlusQueryIsReadToo) {
    EXPECT_EQ(parse_route("/search?q=Львів").param("q"), "Львів");
    EXPECT_EQ(parse_route("/search?q=Nowy+Sącz").param("q"), "Nowy Sącz");
}

TEST(Route, RecordsAndTheEditor) {
    EXPECT_EQ(parse_route("/m/UA46060250000025047"), (Route{Page::municipality, "UA46060250000025047", {}}));
    EXPECT_EQ(parse_route("/m/UA46060250000025047/edit"), (Route{Page::edit_municipality, "UA46060250000025047", {}}));
    EXPECT_EQ(parse_route("/p/kyiv-dublin"), (Route{Page::partnership, "kyiv-dublin", {}}));
    EXPECT_EQ(parse_route("/m/PL-3088171/").id, "PL-3088171");
}

TEST(Route, UnknownAddressesAreNotFoundAndKeepTheirText) {
    const Route r = parse_route("/spaceship/7");
    EXPECT_EQ(r.page, Page::not_found);
    EXPECT_EQ(r.id, "spaceship/7");
    EXPECT_EQ(parse_route("/m").page, Page::not_found);
    EXPECT_EQ(parse_route("/m/UA1/delete").page, Page::not_found);
}

TEST(Route, FormatRoundTripsEveryPage) {
    const Route routes[] = {
        find_route("Львів — центр"),
        Route{Page::find, {}, {{"q", "a&b=c"}, {"country", "PL"}}},
        municipality_route("UA46060250000025047"),
        Route{Page::edit_municipality, "UA46060250000025047", {}},
        partnership_route("decl/2022 #1"),
        Route{Page::partnerships, {}, {}},
        Route{Page::declarations, {}, {}},
        Route{Page::community, {}, {}},
        Route{Page::signin, {}, {}},
        Route{Page::proposals, {}, {{"from", "UA1"}, {"to", "PL-2"}}},
        Route{Page::map, {}, {}},
        Route{
            Page::draft, "new", {{"from", "UA46060250000025047"}, {"to", "UA80000000000093317"}, {"kind", "twinning"}}},
        draft_route("0b6f8f3e-3c1a-4d7e-9a55-1f2e3d4c5b6a"),
        proposal_route("0b6f8f3e-3c1a-4d7e-9a55-1f2e3d4c5b6a"),
        Route{Page::join, "k3Yp-9x_Q", {}},
        Route{Page::admin, {}, {}},
    };
    for (const Route& route : routes) {
        const std::string text = format_route(route);
        EXPECT_EQ(parse_route(text), route) << text;
        // Safe to paste anywhere: nothing outside ASCII, no spaces.
        for (const char c : text) EXPECT_TRUE(c > 0x20 && c < 0x7F) << text;
    }
}

TEST(Route, FormatWritesTheDocumentedAddresses) {
    EXPECT_EQ(format_route(find_route("Lviv")), "/search?q=Lviv");
    EXPECT_EQ(format_route(find_route()), "/search");
    EXPECT_EQ(format_route(municipality_route("UA46060250000025047")), "/m/UA46060250000025047");
    EXPECT_EQ(format_route(Route{Page::signin, {}, {}}), "/signin");
    EXPECT_EQ(format_route(Route{Page::draft, "new", {{"from", "UA1"}, {"to", "UA2"}, {"kind", "twinning"}}}),
              "/draft/new?from=UA1&kind=twinning&to=UA2");
    EXPECT_EQ(parse_route("/draft/new?from=UA1&to=UA2&kind=memorandum").param("kind"), "memorandum");
    EXPECT_EQ(parse_route("/proposal/abc").page, Page::proposal);
    EXPECT_EQ(parse_route("/join/inv_abc").id, "inv_abc");
    EXPECT_EQ(parse_route("/draft").page, Page::not_found);
    EXPECT_EQ(parse_route("/draft/a/b").page, Page::not_found);
}

TEST(Route, MalformedEscapesStayAsTyped) {
    EXPECT_EQ(percent_decode("100%"), "100%");
    EXPECT_EQ(percent_decode("%zz%4"), "%zz%4");
    EXPECT_EQ(percent_decode("%41%42"), "AB");
}

}  // namespace
}  // namespace prd::web
