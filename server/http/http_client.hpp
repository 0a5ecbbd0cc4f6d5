#pragma once
// Outgoing HTTP for a follower talking to its upstream: one call of the core's HttpCall shape
// made with cpp-httplib (kept in this folder like the server side). Plain http:// only: an
// https:// upstream is refused with a clear error until the build links TLS.

#include <chrono>
#include <optional>
#include <string>

#include "sync/sync_client.hpp"

namespace prd::server {

struct HttpClientOptions {
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds read_timeout{30000};
};

/// Makes `call` against `base_url` (http://HOST[:PORT][/PREFIX]; the call's path follows the
/// prefix). A network failure (refused, reset, timed out) gives nothing and sets `error`;
/// any HTTP answer is returned as it came.
std::optional<HttpReply> http_fetch(const std::string& base_url, const HttpCall& call, std::string& error,
                                    const HttpClientOptions& options = {});

/// Whether `url` is one http_fetch can use; otherwise says why in `error`.
bool usable_upstream_url(const std::string& url, std::string& error);

}  // namespace prd::server
