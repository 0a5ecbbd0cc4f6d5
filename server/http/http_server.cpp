// cpp-httplib adapter: the only translation unit that includes httplib. It converts requests to
// ApiRequest, serves the static bundle, logs one line per request and keeps exception text away
// from clients. Routing and behaviour live in api/; this file only carries bytes.

#include "http/http_server.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "api/gzip.hpp"
#include "http/request_log.hpp"
#include "http/static_files.hpp"
#include "store/store.hpp"

namespace prd::server {
namespace {

// The logger runs on the worker thread that answered, after the handler: these carry what it
// needs from the handler without touching the response.
thread_local std::chrono::steady_clock::time_point t_request_started;
thread_local std::string t_principal = "-";
thread_local std::size_t t_body_bytes = 0;  ///< a content provider's body, which res.body does not hold

ApiRequest to_api_request(const httplib::Request& req, const std::vector<Cidr>& trusted_proxies) {
    ApiRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [key, value] : req.params) request.query.emplace(key, value);
    for (const auto& [key, value] : req.headers) request.headers.emplace(key, value);
    request.body = req.body;
    request.remote_address = req.remote_addr;
    if (!trusted_proxies.empty()) {
        // Several X-Forwarded-For headers are one list, in order (RFC 9110 5.3).
        std::string forwarded;
        for (std::size_t i = 0, n = req.get_header_value_count("X-Forwarded-For"); i < n; ++i)
            forwarded += (forwarded.empty() ? "" : ",") + req.get_header_value("X-Forwarded-For", "", i);
        request.remote_address = client_address(req.remote_addr, forwarded, trusted_proxies);
    }
    return request;
}

/// Moves the response into httplib's: a body of tens of megabytes is never copied per request.
void write_response(ApiResponse&& response, httplib::Response& res) {
    res.status = response.status;
    bool encoded = false;
    for (const auto& [name, value] : response.headers) {
        res.set_header(name, value);
        encoded = encoded || name == "Content-Encoding";
    }
    if (response.content_type.empty()) return;
    std::shared_ptr<const std::string> body = response.shared_body;
    // httplib gzips every text body a client accepts gzip for; below this size that only adds
    // bytes (the up-to-date /changes answer grew from 62 to 72 bytes plus a Content-Encoding
    // header). A sized content provider is sent as it is.
    constexpr std::size_t kSmallestWorthCompressing = 860;
    if (!body && !encoded && response.body.size() < kSmallestWorthCompressing)
        body = std::make_shared<const std::string>(std::move(response.body));
    if (!body && !encoded) {
        t_body_bytes = response.body.size();
        res.set_content(std::move(response.body), response.content_type);
        return;
    }
    if (!body) body = std::make_shared<const std::string>(std::move(response.body));
    t_body_bytes = body->size();
    // Already compressed or shared: a sized content provider is sent as it is, where set_content
    // would copy it and compress it a second time.
    res.set_content_provider(body->size(), response.content_type,
                             [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return sink.write(body->data() + offset, std::min(length, body->size() - offset));
                             });
}

bool read_file(const std::filesystem::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = std::move(buffer).str();
    return true;
}

}  // namespace

struct HttpServer::Impl {
    Impl(const Api& a, HttpOptions o) : api(a), options(std::move(o)) {}
    const Api& api;
    HttpOptions options;
    httplib::Server server;
    int port = 0;

    /// The gzip form of a bundle file, made once per content (a rebuilt file is compressed anew).
    std::string compressed(const std::filesystem::path& path, const std::string& content) {
        std::lock_guard lock(gzip_mutex);
        auto& entry = gzip_cache[path.string()];
        if (entry.first != content) entry = {content, gzip_compress(content)};
        return entry.second;
    }
    std::mutex gzip_mutex;
    std::map<std::string, std::pair<std::string, std::string>> gzip_cache;  ///< path -> (content, gzip)
};

HttpServer::HttpServer(const Api& api, HttpOptions options) : m_impl(std::make_unique<Impl>(api, std::move(options))) {
    auto& server = m_impl->server;
    server.set_payload_max_length(1 << 20);
    server.set_read_timeout(10, 0);
    server.set_write_timeout(10, 0);
    server.set_keep_alive_timeout(5);
    server.set_keep_alive_max_count(1000);
    const std::size_t threads = std::max<std::size_t>(4, m_impl->options.threads);
    // The queue bound makes an overloaded server refuse connections instead of hoarding them.
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads, 4 * threads); };
    server.set_tcp_nodelay(true);

    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        t_request_started = std::chrono::steady_clock::now();
        t_principal = "-";
        t_body_bytes = 0;
        return httplib::Server::HandlerResponse::Unhandled;
    });

    auto api_handler = [this](const httplib::Request& req, httplib::Response& res) {
        // The page's headers (CSP, framing) mean nothing to JSON; only sniffing is worth refusing,
        // and an up-to-date check stays a few hundred bytes.
        res.set_header("X-Content-Type-Options", "nosniff");
        const auto& cors = m_impl->options.cors_origin;
        if (!cors.empty() && req.get_header_value("Origin") == cors) {
            res.set_header("Access-Control-Allow-Origin", cors);
            res.set_header("Vary", "Origin");
            if (req.method == "OPTIONS") {  // the preflight of a cross-origin write
                res.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
                res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match");
                res.set_header("Access-Control-Expose-Headers", "ETag, Retry-After");
                res.set_header("Access-Control-Max-Age", "600");
                res.status = 204;
                return;
            }
            res.set_header("Access-Control-Expose-Headers", "ETag, Retry-After");
        }
        auto response = m_impl->api.handle(to_api_request(req, m_impl->options.trusted_proxies));
        t_principal = response.principal;
        write_response(std::move(response), res);
    };
    for (const char* pattern : {R"(/api/.*)"}) {
        server.Get(pattern, api_handler);
        server.Post(pattern, api_handler);
        server.Put(pattern, api_handler);
        server.Patch(pattern, api_handler);
        server.Delete(pattern, api_handler);
        server.Options(pattern, api_handler);
    }

    server.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
        for (const auto& [name, value] : security_headers()) res.set_header(name, value);
        if (m_impl->options.pages) {
            if (auto page = m_impl->options.pages(to_api_request(req, m_impl->options.trusted_proxies))) {
                write_response(std::move(*page), res);
                return;
            }
        }
        const auto file = resolve_static_file(m_impl->options.web_dir, req.path);
        std::string body;
        if (!file || !read_file(file->path, body)) {
            write_response(error_response(404, "not_found", "no such file: " + req.path), res);
            return;
        }
        res.set_header("Cache-Control", file->cache_control);
        res.set_header("Vary", "Accept-Encoding");
        // httplib compresses text types itself but not WebAssembly or the font package, the bulk
        // of the download: those are compressed here, once per file version.
        const bool binary = file->content_type == "application/wasm" || file->content_type == "application/octet-stream";
        if (binary && req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos) {
            ApiResponse compressed;
            compressed.content_type = file->content_type;
            compressed.body = m_impl->compressed(file->path, body);
            compressed.headers = {{"Content-Encoding", "gzip"}};
            write_response(std::move(compressed), res);
            return;
        }
        res.set_content(std::move(body), file->content_type);
    });

    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        bool unavailable = false;
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const StoreUnavailable& e) {
            what = e.what();
            unavailable = true;
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "error: %s %s: %s\n", req.method.c_str(), escape_for_log(req.path).c_str(),
                     escape_for_log(what).c_str());
        if (unavailable) {
            // The database is down or out of reach: nothing was changed, and trying again later is right.
            auto response =
                error_response(503, "store_unavailable",
                               "the registry's database cannot be reached; nothing was changed, try again shortly");
            response.headers.emplace_back("Retry-After", "5");
            write_response(std::move(response), res);
            return;
        }
        write_response(error_response(500, "internal_error", "the server could not answer this request"), res);
    });

    server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_request_started);
        const std::size_t bytes = std::max(res.body.size(), t_body_bytes);
        m_impl->api.metrics().observe(res.status, bytes, elapsed.count());
        const auto line = request_log_line(req.method, req.path, res.status, bytes, elapsed.count(), t_principal);
        if (m_impl->options.log)
            m_impl->options.log(line);
        else
            std::fputs(line.c_str(), stderr);
    });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
    auto& impl = *m_impl;
    if (impl.options.port == 0) {
        impl.port = impl.server.bind_to_any_port(impl.options.host);
    } else {
        impl.port = impl.server.bind_to_port(impl.options.host, impl.options.port) ? impl.options.port : -1;
    }
    if (impl.port <= 0)
        throw std::runtime_error("cannot listen on " + impl.options.host + ":" + std::to_string(impl.options.port) +
                                 " (address in use or not available)");
    return impl.port;
}

void HttpServer::serve() { m_impl->server.listen_after_bind(); }

void HttpServer::stop() { m_impl->server.stop(); }

}  // namespace prd::server
