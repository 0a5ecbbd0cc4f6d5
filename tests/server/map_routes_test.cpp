// GET /api/v1/map/outlines through a real server: the committed 1:50m outlines as JSON the core
// reads, gzip when asked (compressed once, not twice), and 304 for a client that has them.
#include "api/map_routes.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/gzip.hpp"
#include "import/build_registry.hpp"
#include "import/outlines.hpp"
#include "running_server.hpp"

namespace prd::server {
namespace {

TEST(MapOutlinesRoute, ServesTheCommittedOutlinesGzippedWhenAskedAndRevalidates) {
    test::TempDir dir;
    test::RunningServer server(dir, {});
    const std::string committed =
        import::read_text_file(std::string(PRD_SOURCE_DIR) + "/shared/seed/map_outlines.json");
    EXPECT_TRUE(map_outlines_text() == committed) << "the binary embeds the committed file";

    const auto plain = test::http_get(server.port(), "/api/v1/map/outlines");
    ASSERT_EQ(plain.status, 200);
    EXPECT_EQ(plain.headers.at("content-type"), "application/json");
    EXPECT_EQ(plain.headers.at("cache-control"), "public, max-age=86400");
    EXPECT_EQ(plain.headers.count("content-encoding"), 0u);
    EXPECT_TRUE(plain.body == committed);
    const import::Outlines outlines = import::outlines_from_json(nlohmann::json::parse(plain.body));
    ASSERT_NE(outlines.find_iso2("UA"), nullptr);
    EXPECT_GT(outlines.countries.size(), 40u);

    const auto zipped = test::http_get(server.port(), "/api/v1/map/outlines", "Accept-Encoding: gzip, br\r\n");
    ASSERT_EQ(zipped.status, 200);
    EXPECT_EQ(zipped.headers.at("content-encoding"), "gzip");
    EXPECT_EQ(zipped.headers.at("vary"), "Accept-Encoding");
    EXPECT_LT(zipped.body.size(), committed.size() / 2);
    EXPECT_TRUE(gzip_decompress(zipped.body) == committed);

    // A strong tag per encoding; either one revalidates.
    const std::string tag = plain.headers.at("etag");
    EXPECT_EQ(tag.front(), '"');
    EXPECT_NE(tag, zipped.headers.at("etag"));
    for (const std::string& known : {tag, zipped.headers.at("etag")}) {
        const auto again = test::http_get(server.port(), "/api/v1/map/outlines",
                                          "Accept-Encoding: gzip\r\nIf-None-Match: " + known + "\r\n");
        EXPECT_EQ(again.status, 304);
        EXPECT_TRUE(again.body.empty());
    }
    const auto changed = test::http_get(server.port(), "/api/v1/map/outlines", "If-None-Match: \"other\"\r\n");
    EXPECT_EQ(changed.status, 200);
}

}  // namespace
}  // namespace prd::server
