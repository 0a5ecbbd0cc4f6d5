// Hostile requests against the real server: each gets a clear 4xx and the server keeps serving.
#include <gtest/gtest.h>

#include <zlib.h>

#include <nlohmann/json.hpp>

#include "running_server.hpp"

namespace prd::server {
namespace {

std::string gzip(const std::string& data) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, data.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

class HostileInputTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(m_dir.path() / "web");
        m_server = std::make_unique<test::RunningServer>(m_dir, m_dir.path() / "web");
        m_port = m_server->port();
    }
    void TearDown() override {
        EXPECT_EQ(test::http_get(m_port, "/api/v1/health").status, 200) << "the server stopped serving";
    }

    test::RawResponse post_changes(const std::string& headers, const std::string& body) {
        return test::parse_response(test::send_raw(
            m_port, "POST /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n" +
                        headers + "\r\n" + body));
    }

    static void expect_client_error(const test::RawResponse& response, int status) {
        EXPECT_EQ(response.status, status) << response.body;
        EXPECT_EQ(response.body.find("exception"), std::string::npos) << response.body;
        EXPECT_EQ(response.body.find("what()"), std::string::npos) << response.body;
    }

    test::TempDir m_dir;
    std::unique_ptr<test::RunningServer> m_server;
    int m_port = 0;
};

TEST_F(HostileInputTest, AnOversizedBodyIs413) {
    const std::string body(2 << 20, 'x');
    expect_client_error(post_changes("Content-Length: " + std::to_string(body.size()) + "\r\n", body), 413);
}

TEST_F(HostileInputTest, ACompressedBombIsRefused) {
    const std::string bomb = gzip(std::string(64 << 20, '0'));  // 64 MB of zeros in about 64 KB
    ASSERT_LT(bomb.size(), 1u << 20);
    const auto response = post_changes("Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n", bomb);
    EXPECT_GE(response.status, 400);
    EXPECT_LT(response.status, 500);
}

TEST_F(HostileInputTest, MalformedChunkedEncodingIs400) {
    expect_client_error(post_changes("Transfer-Encoding: chunked\r\n", "zz\r\nnot hex\r\n0\r\n\r\n"), 400);
}

TEST_F(HostileInputTest, BadJsonAndWrongTypesNameTheProblem) {
    // Anonymous writes are refused before the body is read for meaning, so sign in first.
    auto token = make_token(Role::moderator, "", "test", "2026-11-29T00:00:00Z");
    m_server->registry().store().add_token(token.record);
    const std::string auth = "Authorization: Bearer " + token.secret + "\r\n";
    for (const std::string& body : {std::string("{\"changes\": [1, 2"), std::string("{\"changes\": \"all\"}")}) {
        const auto response = post_changes(auth + "Content-Length: " + std::to_string(body.size()) + "\r\n", body);
        expect_client_error(response, 400);
        const auto message = nlohmann::json::parse(response.body)["error"]["message"].get<std::string>();
        EXPECT_TRUE(message.rfind("body:", 0) == 0 || message.rfind("changes:", 0) == 0) << message;
    }
}

TEST_F(HostileInputTest, TooManyHeadersOrALongUriIsRefused) {
    std::string headers;
    for (int i = 0; i < 200; ++i) headers += "X-Filler-" + std::to_string(i) + ": x\r\n";
    const auto many = test::parse_response(
        test::send_raw(m_port, "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n"));
    EXPECT_GE(many.status, 400);
    EXPECT_LT(many.status, 500);
    const auto long_uri = test::http_get(m_port, "/api/v1/search?q=" + std::string(10000, 'a'));
    EXPECT_GE(long_uri.status, 400);
    EXPECT_LT(long_uri.status, 500);
}

TEST_F(HostileInputTest, UnknownRecordKindsAreNamed) {
    auto token = make_token(Role::admin, "", "test", "2026-11-29T00:00:00Z");
    m_server->registry().store().add_token(token.record);
    const std::string body = R"({"changes":[{"client_change_id":"a","kind":"spaceship","id":"x","record":{}}]})";
    const auto response = post_changes("Authorization: Bearer " + token.secret + "\r\nContent-Length: " +
                                           std::to_string(body.size()) + "\r\n",
                                       body);
    expect_client_error(response, 400);
    EXPECT_NE(response.body.find("changes[0].kind"), std::string::npos);
}

}  // namespace
}  // namespace prd::server
