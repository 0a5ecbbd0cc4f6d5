// The real server on an ephemeral port, spoken to over a socket.
#include <gtest/gtest.h>

#include <zlib.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "running_server.hpp"

namespace prd::server {
namespace {

std::string gunzip(const std::string& data) {
    z_stream stream{};
    inflateInit2(&stream, 15 + 16);
    std::string out;
    char buffer[1 << 16];
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : std::string("(not gzip)");
}

class HttpServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(m_dir.path() / "web");
        std::ofstream(m_dir.path() / "web" / "index.html") << "<!doctype html><title>Партнерство</title>";
        std::ofstream(m_dir.path() / "web" / "app.wasm") << std::string("\0asm", 4);
        std::ofstream(m_dir.path() / "secret.txt") << "TOP-SECRET-CONTENT";
        m_server = std::make_unique<test::RunningServer>(m_dir, m_dir.path() / "web");
        m_port = m_server->port();
    }

    test::TempDir m_dir;
    std::unique_ptr<test::RunningServer> m_server;
    int m_port = 0;
};

TEST_F(HttpServerTest, ServesHealthAndSnapshotAsJson) {
    auto health = test::http_get(m_port, "/api/v1/health");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(nlohmann::json::parse(health.body)["status"], "ok");
    auto snapshot = test::http_get(m_port, "/api/v1/snapshot");
    EXPECT_EQ(snapshot.status, 200);
    EXPECT_EQ(snapshot.headers["content-type"], "application/json");
    EXPECT_NE(snapshot.body.find("Київ"), std::string::npos);
}

TEST_F(HttpServerTest, SnapshotIsGzippedForClientsThatAcceptIt) {
    auto plain = test::http_get(m_port, "/api/v1/snapshot");
    auto zipped = test::http_get(m_port, "/api/v1/snapshot", "Accept-Encoding: gzip\r\n");
    EXPECT_EQ(zipped.headers["content-encoding"], "gzip");
    EXPECT_LT(zipped.body.size(), plain.body.size() / 4);
    EXPECT_EQ(gunzip(zipped.body), plain.body);
}

TEST_F(HttpServerTest, ServesTheAppWithTypesAndSecurityHeaders) {
    auto page = test::http_get(m_port, "/");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_EQ(page.headers["cache-control"], "no-cache");
    EXPECT_EQ(page.headers["x-content-type-options"], "nosniff");
    EXPECT_NE(page.headers["content-security-policy"].find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_NE(page.body.find("Партнерство"), std::string::npos);
    EXPECT_EQ(test::http_get(m_port, "/app.wasm").headers.at("content-type"), "application/wasm");
}

TEST_F(HttpServerTest, WebAssemblyIsGzippedForClientsThatAcceptIt) {
    const std::string module = std::string("\0asm\1\0\0\0", 8) + std::string(20000, 'x');
    std::ofstream(m_dir.path() / "web" / "big.wasm", std::ios::binary) << module;
    auto plain = test::http_get(m_port, "/big.wasm");
    EXPECT_EQ(plain.body, module);
    EXPECT_EQ(plain.headers.count("content-encoding"), 0u);
    auto zipped = test::http_get(m_port, "/big.wasm", "Accept-Encoding: gzip, deflate\r\n");
    EXPECT_EQ(zipped.headers["content-encoding"], "gzip");
    EXPECT_EQ(zipped.headers["content-type"], "application/wasm");
    EXPECT_LT(zipped.body.size(), module.size() / 10);
    EXPECT_EQ(gunzip(zipped.body), module);
}

TEST_F(HttpServerTest, NothingOutsideTheBundleIsServed) {
    for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/missing.js"}) {
        auto response = test::http_get(m_port, target);
        EXPECT_GE(response.status, 400) << target;
        EXPECT_LT(response.status, 500) << target;
        EXPECT_EQ(response.body.find("TOP-SECRET-CONTENT"), std::string::npos) << target;
    }
}

TEST_F(HttpServerTest, UnknownApiRouteIsAJson404AndTheServerKeepsServing) {
    auto response = test::http_get(m_port, "/api/v1/no-such-thing");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "not_found");
    EXPECT_EQ(test::parse_response(test::send_raw(m_port, "GARBAGE\r\n\r\n")).status, 400);
    EXPECT_EQ(test::http_get(m_port, "/api/v1/health").status, 200);
}

}  // namespace
}  // namespace prd::server

namespace prd::server {
namespace {

TEST(HttpServerCors, OffUnlessAnOriginIsConfigured) {
    test::TempDir dir;
    const std::string preflight =
        "OPTIONS /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nOrigin: https://partners.example.org\r\n"
        "Access-Control-Request-Method: POST\r\n\r\n";
    {
        test::RunningServer off(dir, {});
        auto get = test::http_get(off.port(), "/api/v1/health", "Origin: https://partners.example.org\r\n");
        EXPECT_EQ(get.headers.count("access-control-allow-origin"), 0u);
        EXPECT_EQ(test::parse_response(test::send_raw(off.port(), preflight)).headers.count("access-control-allow-origin"), 0u);
    }
    test::TempDir other;
    test::RunningServer on(other, {}, "https://partners.example.org");
    auto allowed = test::parse_response(test::send_raw(on.port(), preflight));
    EXPECT_EQ(allowed.status, 204);
    EXPECT_EQ(allowed.headers["access-control-allow-origin"], "https://partners.example.org");
    EXPECT_NE(allowed.headers["access-control-allow-headers"].find("Authorization"), std::string::npos);
    auto stranger = test::http_get(on.port(), "/api/v1/health", "Origin: https://evil.example\r\n");
    EXPECT_EQ(stranger.headers.count("access-control-allow-origin"), 0u);
}

}  // namespace
}  // namespace prd::server
