// The real server on an ephemeral port, spoken to over a socket.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "http/http_server.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

class HttpServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(m_dir.path() / "web");
        std::ofstream(m_dir.path() / "web" / "index.html") << "<!doctype html><title>Партнерство</title>";
        std::ofstream(m_dir.path() / "web" / "app.wasm") << std::string("\0asm", 4);
        std::ofstream(m_dir.path() / "secret.txt") << "TOP-SECRET-CONTENT";
        m_service = std::make_unique<RegistryService>(std::make_unique<SqliteStore>(m_dir.path() / "data"), default_snapshot());
        m_api = std::make_unique<Api>(*m_service);
        m_server = std::make_unique<HttpServer>(*m_api, HttpOptions{"127.0.0.1", 0, m_dir.path() / "web"});
        m_port = m_server->bind();
        m_thread = std::thread([this] { m_server->serve(); });
    }
    void TearDown() override {
        m_server->stop();
        m_thread.join();
    }

    test::TempDir m_dir;
    std::unique_ptr<RegistryService> m_service;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<HttpServer> m_server;
    std::thread m_thread;
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
    EXPECT_LT(zipped.body.size(), plain.body.size());
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
