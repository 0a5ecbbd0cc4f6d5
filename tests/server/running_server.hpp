#pragma once
// A real HttpServer over a fresh data folder (seeded with the built-in registry), listening on an
// ephemeral port in a thread of the test process. It serves the API with the routes `partnership
// serve` plugs in, the text version and the web bundle, as `partnership serve` does.

#include <functional>
#include <memory>
#include <thread>

#include "api/dismissed_routes.hpp"
#include "api/map_routes.hpp"
#include "api/search_routes.hpp"
#include "api/stats_routes.hpp"
#include "html/text_version.hpp"
#include "http/http_server.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::test {

class RunningServer {
public:
    /// Serves `web_dir` (which may be empty) and the API; data lives in a folder of `dir`.
    RunningServer(const TempDir& dir, const std::filesystem::path& web_dir, std::string cors_origin = {})
        : RunningServer(dir, web_dir, [&](server::HttpOptions& http) { http.cors_origin = cors_origin; }) {}

    /// `configure` adjusts the HTTP options (proxies, log) before the server starts.
    RunningServer(const TempDir& dir, const std::filesystem::path& web_dir,
                  const std::function<void(server::HttpOptions&)>& configure, server::WriteLimits limits = {})
        : m_service(std::make_unique<server::SqliteStore>(dir.path() / "data"), server::default_snapshot()),
          m_api(m_service, {}, limits),
          m_text_version(m_service, std::make_shared<server::IndexCache>(m_service)),
          m_server(m_api, options(web_dir, m_text_version, configure)) {
        server::add_search_routes(m_api, m_service);
        server::add_stats_routes(m_api, m_service);
        server::add_dismissed_routes(m_api, m_service);
        server::add_map_routes(m_api);
        m_port = m_server.bind();
        m_thread = std::thread([this] { m_server.serve(); });
    }
    ~RunningServer() {
        m_server.stop();
        m_thread.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    int port() const { return m_port; }
    server::RegistryService& registry() { return m_service; }

private:
    static server::HttpOptions options(const std::filesystem::path& web_dir, const server::TextVersion& text_version,
                                       const std::function<void(server::HttpOptions&)>& configure) {
        server::HttpOptions http;
        http.port = 0;
        http.web_dir = web_dir;
        http.pages = [&text_version](const server::ApiRequest& request) { return text_version.handle(request); };
        if (configure) configure(http);
        return http;
    }

    server::RegistryService m_service;
    server::Api m_api;
    server::TextVersion m_text_version;
    server::HttpServer m_server;
    std::thread m_thread;
    int m_port = 0;
};

}  // namespace prd::test
