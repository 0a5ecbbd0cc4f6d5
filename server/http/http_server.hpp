#pragma once
// The HTTP front of the server: cpp-httplib adapted to the plain Api of api/api.hpp, plus the
// static web bundle. This header keeps httplib out of every other translation unit.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/api.hpp"
#include "api/client_address.hpp"

namespace prd::server {

struct HttpOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                  ///< 0 picks a free port
    std::filesystem::path web_dir;    ///< the web bundle; empty serves the API only
    /// Worker threads. httplib gives each open connection a worker while it is kept alive, so
    /// there must be more workers than idle keep-alive connections a client may hold, or they
    /// starve new clients. Idle threads cost little.
    std::size_t threads = 256;
    /// An origin (e.g. https://partners.example.org) whose pages may call the API from the
    /// browser. Empty: CORS is off and only the app's own origin can.
    std::string cors_origin;
    /// Server-rendered pages (the text version), asked first for every GET outside /api/: an
    /// answer is sent as it is; nothing falls through to the web bundle.
    std::function<std::optional<ApiResponse>(const ApiRequest&)> pages;
    /// Reverse proxies whose X-Forwarded-For is believed (rate limits then count the client
    /// behind them). Empty: the connection's address is the client's.
    std::vector<Cidr> trusted_proxies;
    /// Receives each request log line (with its newline). Empty: stderr.
    std::function<void(const std::string&)> log;
};

class HttpServer {
public:
    HttpServer(const Api& api, HttpOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds the listening socket and returns the port. Throws std::runtime_error naming the
    /// address when it cannot bind.
    int bind();
    /// Serves until stop() is called from another thread. Requests in flight are finished.
    void serve();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace prd::server
