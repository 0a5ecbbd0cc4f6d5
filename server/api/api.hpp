#pragma once
// The HTTP API as plain functions of plain values: a request struct in, a response struct out.
// No sockets here (server/http/ adapts cpp-httplib to these), so every route is tested directly.

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/brotli_snapshots.hpp"
#include "api/rate_limiter.hpp"
#include "api/registry_service.hpp"

namespace prd::server {

/// Header names compare case-insensitively, as HTTP says.
struct CaseInsensitiveLess {
    bool operator()(const std::string& a, const std::string& b) const;
};

struct ApiRequest {
    std::string method = "GET";
    std::string path;  ///< without the query string, e.g. /api/v1/snapshot
    std::map<std::string, std::string> query;
    std::map<std::string, std::string, CaseInsensitiveLess> headers;
    std::string body;
    std::string remote_address;
};

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";  ///< JSON is UTF-8 by definition (RFC 8259)
    std::string body;
    /// A large body shared with a cache instead of copied (the snapshot); when set, it is sent and
    /// `body` is empty.
    std::shared_ptr<const std::string> shared_body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string principal = "-";  ///< who asked, for the request log
};

/// {"error": {"code": CODE, "message": MESSAGE}} with the given status.
ApiResponse error_response(int status, std::string code, std::string message);

/// Counters for GET /api/v1/metrics. Updated by the HTTP layer after every response.
struct Metrics {
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::uint64_t> responses_2xx{0};
    std::atomic<std::uint64_t> responses_3xx{0};
    std::atomic<std::uint64_t> responses_4xx{0};
    std::atomic<std::uint64_t> responses_5xx{0};
    std::atomic<std::uint64_t> bytes_sent{0};
    std::atomic<std::uint64_t> microseconds{0};
    std::atomic<std::uint64_t> changes_applied{0};
    std::atomic<std::uint64_t> changes_conflicted{0};
    void observe(int status, std::size_t bytes, double milliseconds);
};

/// Extra routes a later part plugs in (search, matching, dismissals) under /api/v1/. A handler is
/// given the request, who asked (already authenticated, and rate limited when it writes) and the
/// path segments that matched the pattern's {}.
/// How many writes one token or one address may make: `burst` at once, then `per_second`.
struct WriteLimits {
    double burst = 60;
    double per_second = 1;
};

using RouteHandler =
    std::function<ApiResponse(const ApiRequest&, const Principal&, const std::vector<std::string>& path_params)>;

class Api {
public:
    /// `clock` gives the current UTC time as ISO-8601; tests pass a fixed one.
    explicit Api(RegistryService& registry, std::function<std::string()> clock = {}, WriteLimits limits = {},
                 BrotliOptions brotli = {});

    /// Answers every path under /api/. Unknown paths answer 404, known paths with another
    /// method 405; bodies are JSON, errors are {"error": {...}} and never carry exception text.
    ApiResponse handle(const ApiRequest& request) const;

    /// Adds a route such as GET "/api/v1/search" or PUT "/api/v1/municipalities/{}/dismissed/{}".
    /// A GET route also answers HEAD; a known path asked with another method answers 405.
    void add_route(std::string method, std::string pattern, RouteHandler handler);

    /// Wraps the handling of every write (POST, PUT, PATCH, DELETE) that passed authentication and
    /// the rate limits: `handle` answers it as usual. A follower notes its writes this way. Set
    /// before serving.
    using WriteWrapper =
        std::function<ApiResponse(const ApiRequest&, const Principal&, const std::function<ApiResponse()>& handle)>;
    void wrap_writes(WriteWrapper wrapper) { m_wrap_writes = std::move(wrapper); }
    /// Adds to GET /api/v1/about (the function edits the answer) and to GET /api/v1/metrics (the
    /// function gives more lines in the Prometheus text format). Set before serving.
    void extend_about(std::function<void(nlohmann::json&)> extend) { m_about_extensions.push_back(std::move(extend)); }
    void extend_metrics(std::function<std::string()> lines) { m_metrics_extensions.push_back(std::move(lines)); }

    /// The routes this Api answers, as (method, pattern) with {} for a path segment: the built-in
    /// ones and those added. GET routes also answer HEAD.
    std::vector<std::pair<std::string, std::string>> routes() const;

    /// The current UTC time by the clock the Api was given.
    std::string now() const { return m_clock(); }

    Metrics& metrics() const { return m_metrics; }
    /// The snapshot's brotli forms, made in the background for clients that ask for br.
    BrotliSnapshots& brotli() const { return m_brotli; }

private:
    struct Route;
    ApiResponse dispatch(const ApiRequest& request, const Principal& principal) const;

    ApiResponse health() const;
    ApiResponse about() const;
    ApiResponse metrics_text() const;
    ApiResponse session(const Principal& principal) const;
    ApiResponse snapshot(const ApiRequest& request) const;
    ApiResponse changes(const ApiRequest& request, const Principal& principal) const;
    ApiResponse push(const ApiRequest& request, const Principal& principal) const;
    ApiResponse get_record(RecordKind kind, const std::string& id, const Principal& principal) const;
    ApiResponse put_municipality(const ApiRequest& request, const std::string& id, const Principal& principal) const;
    ApiResponse partnerships(const ApiRequest& request) const;
    ApiResponse create_proposal(const ApiRequest& request, const Principal& principal) const;
    ApiResponse patch_proposal(const ApiRequest& request, const std::string& id, const Principal& principal) const;
    ApiResponse list_proposals(const Principal& principal) const;
    ApiResponse write_one(const Change& change, const Principal& principal, int created_status) const;

    RegistryService& m_registry;
    std::function<std::string()> m_clock;
    struct ExtraRoute {
        std::string method;
        std::string pattern;
        RouteHandler handler;
    };
    std::vector<ExtraRoute> m_extra_routes;
    WriteWrapper m_wrap_writes;
    std::vector<std::function<void(nlohmann::json&)>> m_about_extensions;
    std::vector<std::function<std::string()>> m_metrics_extensions;
    mutable Metrics m_metrics;
    /// One write taken from the key's bucket: 0 when allowed, else the seconds to wait.
    int take_write(std::string_view scope, const std::string& key, RateLimiter& local) const;
    WriteLimits m_limits;
    // Writes per token and per address (by default 60 at once, then one a second).
    mutable RateLimiter m_token_writes;
    mutable RateLimiter m_address_writes;
    mutable BrotliSnapshots m_brotli;  ///< last: its worker stops before the rest is destroyed
};

}  // namespace prd::server
