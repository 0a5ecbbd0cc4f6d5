#include <gtest/gtest.h>

#include <fstream>

#include "http/static_files.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(m_dir.path() / "web" / "fonts");
        for (const char* name : {"web/index.html", "web/app.js", "web/app.wasm", "web/app.0123abcd.wasm", "web/fonts/a.ttf",
                                 "secret.txt", "web/.hidden"})
            std::ofstream(m_dir.path() / name) << "x";
    }
    std::filesystem::path web() const { return m_dir.path() / "web"; }
    test::TempDir m_dir;
};

TEST_F(StaticFilesTest, RootServesTheUncachedPage) {
    const auto file = resolve_static_file(web(), "/");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->path.filename(), "index.html");
    EXPECT_EQ(file->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(file->cache_control, "no-cache");
}

TEST_F(StaticFilesTest, WasmHasItsOwnTypeAndHashedAssetsAreImmutable) {
    EXPECT_EQ(resolve_static_file(web(), "/app.wasm")->content_type, "application/wasm");
    EXPECT_EQ(resolve_static_file(web(), "/app.wasm")->cache_control, "no-cache");
    EXPECT_EQ(resolve_static_file(web(), "/app.0123abcd.wasm")->cache_control, "public, max-age=31536000, immutable");
    EXPECT_EQ(resolve_static_file(web(), "/fonts/a.ttf")->content_type, "font/ttf");
}

TEST_F(StaticFilesTest, PathsThatLeaveTheBundleAreRefused) {
    for (const char* path : {"/../secret.txt", "/fonts/../../secret.txt", "/./index.html", "//etc/passwd", "/.hidden",
                             "/fonts//a.ttf", "/app.js\\..\\..\\secret.txt", "relative", ""})
        EXPECT_FALSE(resolve_static_file(web(), path)) << path;
    EXPECT_FALSE(resolve_static_file(web(), std::string_view("/index.html\0x", 13))) << "NUL";
    EXPECT_FALSE(resolve_static_file(web(), "/missing.js"));
    EXPECT_FALSE(resolve_static_file(web(), "/fonts"));  // a folder is not a file
}

TEST_F(StaticFilesTest, NoBundleMeansNoFiles) { EXPECT_FALSE(resolve_static_file({}, "/index.html")); }

}  // namespace
}  // namespace prd::server
