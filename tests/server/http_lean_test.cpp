// What the HTTP layer adds around the API: lean headers, honest logs and byte counts, and the
// client address behind a trusted proxy.
#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include <nlohmann/json.hpp>

#include "api/client_address.hpp"
#include "http/request_log.hpp"
#include "running_server.hpp"

namespace prd::server {
namespace {

/// The server's log lines. A line is written after its response is sent, so readers wait for it.
class LogLines {
public:
    void add(const std::string& line) {
        std::lock_guard lock(m_mutex);
        m_text += line;
        m_added.notify_all();
    }
    /// The log once it has `lines` lines (or after 10 s, whatever it holds then).
    std::string text(std::size_t lines = 1) {
        std::unique_lock lock(m_mutex);
        m_added.wait_for(lock, std::chrono::seconds(10), [&] {
            return static_cast<std::size_t>(std::count(m_text.begin(), m_text.end(), '\n')) >= lines;
        });
        return m_text;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_added;
    std::string m_text;
};

TEST(HttpLean, TheUpToDateCheckIsSmallAndCarriesNoPageHeaders) {
    test::TempDir dir;
    test::RunningServer server(dir, {});
    const auto first = test::http_get(server.port(), "/api/v1/snapshot", "Accept-Encoding: gzip\r\n");
    ASSERT_EQ(first.status, 200);
    const auto raw = test::send_raw(server.port(),
                                    "GET /api/v1/snapshot HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                    "Accept-Encoding: gzip\r\nIf-None-Match: " +
                                        first.headers.at("etag") + "\r\n\r\n");
    auto response = test::parse_response(raw);
    EXPECT_EQ(response.status, 304);
    EXPECT_LE(raw.size(), 300u) << raw;
    EXPECT_EQ(response.headers.count("content-security-policy"), 0u);
    EXPECT_EQ(response.headers["x-content-type-options"], "nosniff");
    const auto revision = nlohmann::json::parse(test::http_get(server.port(), "/api/v1/health").body)["revision"];
    const auto changes =
        test::send_raw(server.port(), "GET /api/v1/changes?since=" + revision.dump() +
                                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAccept-Encoding: gzip\r\n\r\n");
    auto parsed = test::parse_response(changes);
    EXPECT_EQ(parsed.status, 200);
    EXPECT_EQ(parsed.headers.count("content-encoding"), 0u) << "a body of a few dozen bytes is not worth gzip";
    EXPECT_NO_THROW(nlohmann::json::parse(parsed.body));
    EXPECT_LE(changes.size(), 250u) << changes;
}

TEST(HttpLean, GzipSnapshotBytesAreLoggedAndCounted) {
    test::TempDir dir;
    auto log = std::make_shared<LogLines>();
    test::RunningServer server(dir, {},
                               [log](HttpOptions& http) { http.log = [log](const std::string& l) { log->add(l); }; });
    auto zipped = test::http_get(server.port(), "/api/v1/snapshot", "Accept-Encoding: gzip\r\n");
    ASSERT_EQ(zipped.headers["content-encoding"], "gzip");
    const auto size = std::to_string(zipped.body.size());
    EXPECT_NE(log->text().find("GET /api/v1/snapshot 200 " + size + " "), std::string::npos) << log->text();
    const auto metrics = test::http_get(server.port(), "/api/v1/metrics").body;
    const auto at = metrics.find("\npartnership_http_response_bytes_total ");
    ASSERT_NE(at, std::string::npos);
    EXPECT_GE(std::stoull(metrics.substr(at + 39)), zipped.body.size());
}

TEST(HttpLean, ControlCharactersInAPathCannotForgeALogLine) {
    test::TempDir dir;
    auto log = std::make_shared<LogLines>();
    test::RunningServer server(dir, {},
                               [log](HttpOptions& http) { http.log = [log](const std::string& l) { log->add(l); }; });
    test::http_get(server.port(), "/api/v1/x%0AGET%20/api/v1/health%20200%200%200.1ms%20admin%1B[2J");
    const auto text = log->text();
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
    EXPECT_NE(text.find("/api/v1/x%0AGET%20/api/v1/health%20200"), std::string::npos) << text;
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    EXPECT_EQ(request_log_line("GET", "/a\r\nb", 200, 5, 1.0, "-"), "GET /a%0D%0Ab 200 5 1.0ms -\n");
}

TEST(HttpLean, PageHeadersStayOnPages) {
    test::TempDir dir;
    test::RunningServer server(dir, {});
    auto page = test::http_get(server.port(), "/registry/");
    EXPECT_NE(page.headers["content-security-policy"].find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(page.headers["x-frame-options"], "DENY");
    const auto api = test::http_get(server.port(), "/api/v1/health");
    EXPECT_EQ(api.headers.count("content-security-policy"), 0u);
    EXPECT_EQ(api.headers.count("x-frame-options"), 0u);
}

TEST(ClientAddress, XForwardedForIsBelievedFromTrustedProxiesOnly) {
    const std::vector<Cidr> proxies = {*parse_cidr("10.0.0.0/8"), *parse_cidr("::1")};
    EXPECT_EQ(client_address("203.0.113.9", "198.51.100.1", proxies), "203.0.113.9");
    EXPECT_EQ(client_address("10.1.2.3", "198.51.100.1", proxies), "198.51.100.1");
    // The client can write anything at the left; only the entry the proxy added counts.
    EXPECT_EQ(client_address("10.1.2.3", "1.1.1.1, 198.51.100.1, 10.0.0.5", proxies), "198.51.100.1");
    EXPECT_EQ(client_address("10.1.2.3", "", proxies), "10.1.2.3");
    EXPECT_EQ(client_address("10.1.2.3", "junk, 10.0.0.5", proxies), "10.0.0.5");
    EXPECT_EQ(client_address("::1", "2001:db8::7", proxies), "2001:db8::7");
    EXPECT_EQ(client_address("::ffff:10.0.0.1", "192.0.2.4", proxies), "192.0.2.4");
    EXPECT_TRUE(parse_cidr("192.168.0.0/16")->contains("192.168.44.1"));
    EXPECT_FALSE(parse_cidr("192.168.0.0/16")->contains("192.169.0.1"));
    EXPECT_TRUE(parse_cidr("0.0.0.0/0")->contains("8.8.8.8"));
    EXPECT_FALSE(parse_cidr("0.0.0.0/0")->contains("::1"));
    for (const char* bad : {"", "10.0.0.0/33", "10.0.0/8", "::1/129", "10.0.0.0/", "10.0.0.0/8x", "host"})
        EXPECT_FALSE(parse_cidr(bad)) << bad;
}

TEST(ClientAddress, ClientsBehindATrustedProxyHaveTheirOwnRateLimit) {
    const auto run = [](bool trusted) {
        test::TempDir dir;
        test::RunningServer server(
            dir, {},
            [&](HttpOptions& http) {
                if (trusted) http.trusted_proxies = {*parse_cidr("127.0.0.1/32")};
            },
            WriteLimits{1, 0.001});
        std::vector<int> statuses;
        for (const char* client : {"198.51.100.1", "198.51.100.2"}) {
            auto token = make_token(Role::moderator, "", client, "2026-11-29T12:00:00Z");
            server.registry().store().add_token(token.record);
            const std::string body = R"({"changes": []})";
            const auto reply = test::send_raw(
                server.port(),
                "POST /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " +
                    token.secret + "\r\nX-Forwarded-For: " + client +
                    "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                    "\r\n\r\n" + body);
            statuses.push_back(test::parse_response(reply).status);
        }
        return statuses;
    };
    EXPECT_EQ(run(false), (std::vector<int>{200, 429}));
    EXPECT_EQ(run(true), (std::vector<int>{200, 200}));
}

}  // namespace
}  // namespace prd::server
