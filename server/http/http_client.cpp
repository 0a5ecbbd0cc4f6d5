#include "http/http_client.hpp"

#include <strings.h>

#include <httplib.h>

namespace prd::server {
namespace {

struct Target {
    std::string origin;  ///< http://host:port
    std::string prefix;  ///< "" or "/path" without a trailing slash
};

std::optional<Target> split_url(const std::string& url) {
    constexpr std::string_view scheme = "http://";
    if (url.rfind(scheme, 0) != 0) return std::nullopt;
    const auto slash = url.find('/', scheme.size());
    Target target;
    target.origin = url.substr(0, slash);
    if (target.origin.size() == scheme.size()) return std::nullopt;
    if (slash != std::string::npos) target.prefix = url.substr(slash);
    while (!target.prefix.empty() && target.prefix.back() == '/') target.prefix.pop_back();
    return target;
}

}  // namespace

bool usable_upstream_url(const std::string& url, std::string& error) {
    if (url.rfind("https://", 0) == 0) {
        error = "https:// upstreams need a build with TLS; reach it through a local TLS proxy (http://127.0.0.1:PORT)";
        return false;
    }
    if (!split_url(url)) {
        error = "expected http://HOST[:PORT], got \"" + url + "\"";
        return false;
    }
    return true;
}

std::optional<HttpReply> http_fetch(const std::string& base_url, const HttpCall& call, std::string& error,
                                    const HttpClientOptions& options) {
    const auto target = split_url(base_url);
    if (!target) {
        usable_upstream_url(base_url, error);
        return std::nullopt;
    }
    httplib::Client client(target->origin);
    client.set_connection_timeout(options.connect_timeout);
    client.set_read_timeout(options.read_timeout);
    client.set_write_timeout(options.read_timeout);
    client.set_keep_alive(false);
    httplib::Headers headers;
    std::string content_type = "application/json";
    for (const auto& [name, value] : call.headers) {
        if (strcasecmp(name.c_str(), "Content-Type") == 0) content_type = value;
        else headers.emplace(name, value);
    }
    const std::string path = target->prefix + call.path;
    httplib::Result result = call.method == "GET"      ? client.Get(path, headers)
                             : call.method == "POST"   ? client.Post(path, headers, call.body, content_type)
                             : call.method == "PUT"    ? client.Put(path, headers, call.body, content_type)
                             : call.method == "PATCH"  ? client.Patch(path, headers, call.body, content_type)
                             : call.method == "DELETE" ? client.Delete(path, headers, call.body, content_type)
                                                       : httplib::Result();
    if (!result) {
        error = call.method + " " + base_url + call.path + ": " + httplib::to_string(result.error());
        return std::nullopt;
    }
    HttpReply reply;
    reply.status = result->status;
    reply.body = std::move(result->body);
    for (const auto& [name, value] : result->headers) reply.headers.emplace_back(name, value);
    return reply;
}

}  // namespace prd::server
