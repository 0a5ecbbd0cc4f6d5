// The OpenAPI description against the server's route table: every route served is described,
// every route described is served, and each described path parameter is declared.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "api/admin_routes.hpp"
#include "api/dismissed_routes.hpp"
#include "api/map_routes.hpp"
#include "api/openapi_routes.hpp"
#include "api/proposal_routes.hpp"
#include "api/search_routes.hpp"
#include "api/stats_routes.hpp"
#include "federation/follower.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
using Route = std::pair<std::string, std::string>;  // METHOD, /api/v1/pattern/{}

std::string upper(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

class OpenApiTest : public ::testing::Test {
protected:
    OpenApiTest() : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()), m_api(m_service) {
        // Every route `partnership serve --upstream ...` plugs in.
        add_search_routes(m_api, m_service);
        add_stats_routes(m_api, m_service);
        add_dismissed_routes(m_api, m_service);
        add_proposal_routes(m_api, m_service);
        add_admin_routes(m_api, m_service);
        add_openapi_route(m_api);
        add_map_routes(m_api);
        m_follower = std::make_unique<Follower>(m_service, m_api, FollowerOptions{"http://127.0.0.1:1", "t"},
                                                [](const HttpCall&, std::string& error) -> std::optional<HttpReply> {
                                                    error = "no upstream in this test";
                                                    return std::nullopt;
                                                });
        m_doc = Json::parse(openapi_text());
    }

    std::set<Route> described() const {
        std::set<Route> routes;
        for (const auto& [path, item] : m_doc["paths"].items())
            for (const auto& [method, operation] : item.items())
                routes.insert({upper(method), std::regex_replace(path, std::regex(R"(\{[^}]+\})"), "{}")});
        return routes;
    }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
    std::unique_ptr<Follower> m_follower;
    Json m_doc;
};

TEST_F(OpenApiTest, DescribesEveryRouteTheServerAnswersAndNoOther) {
    EXPECT_EQ(m_doc["openapi"], "3.1.0");
    std::set<Route> served;
    for (const auto& route : m_api.routes()) served.insert(route);
    const auto doc = described();
    for (const auto& route : served)
        EXPECT_TRUE(doc.count(route)) << route.first << " " << route.second << " is served but not described";
    for (const auto& route : doc)
        EXPECT_TRUE(served.count(route)) << route.first << " " << route.second << " is described but not served";
}

TEST_F(OpenApiTest, EveryDescribedRouteIsAnsweredByItsHandler) {
    // Asked with a made-up id, a route answers anything but "no such route" (404 naming the path)
    // or "method not allowed".
    for (const auto& [method, pattern] : described()) {
        ApiRequest request;
        request.method = method;
        request.path = std::regex_replace(pattern, std::regex(R"(\{\})"), "x");
        const auto response = m_api.handle(request);
        EXPECT_NE(response.status, 405) << method << " " << request.path;
        EXPECT_EQ(response.body.find("no such API route"), std::string::npos) << method << " " << request.path;
    }
}

TEST_F(OpenApiTest, PathParametersAreDeclaredAndEveryOperationSaysItsAnswers) {
    for (const auto& [path, item] : m_doc["paths"].items()) {
        std::set<std::string> in_path;
        const std::regex name(R"(\{([^}]+)\})");
        for (auto it = std::sregex_iterator(path.begin(), path.end(), name); it != std::sregex_iterator(); ++it)
            in_path.insert((*it)[1]);
        for (const auto& [method, operation] : item.items()) {
            std::set<std::string> declared;
            for (const auto& parameter : operation.value("parameters", Json::array()))
                if (parameter["in"] == "path") declared.insert(parameter["name"]);
            EXPECT_EQ(declared, in_path) << method << " " << path;
            EXPECT_FALSE(operation["responses"].empty()) << method << " " << path;
            EXPECT_TRUE(operation.contains("operationId")) << method << " " << path;
        }
    }
    ApiRequest request;
    request.path = "/api/v1/openapi.json";
    const auto served = m_api.handle(request);
    EXPECT_EQ(served.status, 200);
    EXPECT_EQ(Json::parse(served.body), m_doc);
}

}  // namespace
}  // namespace prd::server
