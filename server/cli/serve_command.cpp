// partnership serve: loads (or seeds) the data folder and serves the app and the API until
// SIGINT or SIGTERM, which finish the requests in flight and close the store cleanly.

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

#include "api/admin_routes.hpp"
#include "api/api.hpp"
#include "api/dismissed_routes.hpp"
#include "api/map_routes.hpp"
#include "api/openapi_routes.hpp"
#include "api/proposal_routes.hpp"
#include "api/registry_service.hpp"
#include "api/search_routes.hpp"
#include "api/stats_routes.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/store_option.hpp"
#include "federation/follower.hpp"
#include "html/text_version.hpp"
#include "http/http_client.hpp"
#include "http/http_server.hpp"
#include "seed/default_registry.hpp"

namespace prd::cli {
namespace {

struct ServeOptions {
    StoreChoice store{"partnership-data", {}, nullptr};
    std::string listen = "127.0.0.1:8080";
    std::string web_dir;
    std::string cors_origin;
    std::string public_url;
    std::string upstream;        ///< follow this instance (federation/follower.hpp)
    std::string upstream_token;  ///< this instance's token there
    std::vector<std::string> trusted_proxies;
    std::size_t threads = 256;
    std::uint64_t write_burst = 60;
    double write_rate = 1;
};

std::string shown(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

/// For ->check(): a number from `min` to `max` written in full (no sign, exponent or trailing text).
CLI::Validator decimal_number(double min, double max) {
    const std::string range = "from " + shown(min) + " to " + shown(max);
    return CLI::Validator(
        [min, max, range](std::string& text) {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0' || !(value >= min && value <= max) ||
                text.find_first_of("+-eExXnN ") != std::string::npos)
                return "expected a number " + range + ", got \"" + text + "\"";
            return std::string();
        },
        "NUMBER " + range);
}

std::filesystem::path default_web_dir() {
    // build/bin/partnership serves build/web when nothing else is said.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const auto dir = exe.parent_path().parent_path() / "web";
    return std::filesystem::is_directory(dir, ec) ? dir : std::filesystem::path();
}

ServeOptions parse(const Args& args) {
    ServeOptions options;
    CommandParser parser("serve");
    add_store_options(parser, options.store);
    const auto option = [&](const char* name, std::string& into, const char* env, const char* what) {
        return parser.add_option(name, into, what)->envname(env);
    };
    option("--listen", options.listen, "PARTNERSHIP_LISTEN", "HOST:PORT (port 0 picks a free port)");
    option("--web", options.web_dir, "PARTNERSHIP_WEB_DIR", "the built web app (default ../web beside the binary)");
    option("--cors-origin", options.cors_origin, "PARTNERSHIP_CORS_ORIGIN", "pages of this origin may call the API");
    option("--public-url", options.public_url, "PARTNERSHIP_PUBLIC_URL", "the address people use");
    option("--upstream", options.upstream, "PARTNERSHIP_UPSTREAM", "follow this instance");
    option("--upstream-token", options.upstream_token, "PARTNERSHIP_UPSTREAM_TOKEN", "this instance's token there");
    // Repeatable; a comma-separated list in the environment.
    parser.add_option("--trusted-proxy", options.trusted_proxies, "a proxy's address or network (CIDR)")
        ->envname("PARTNERSHIP_TRUSTED_PROXY")
        ->delimiter(',')
        ->allow_extra_args(false);
    parser.add_option("--threads", options.threads, "worker threads")
        ->envname("PARTNERSHIP_THREADS")
        ->transform(whole_number(4, 4096));
    parser.add_option("--write-burst", options.write_burst, "writes at once per token and per client address")
        ->envname("PARTNERSHIP_WRITE_BURST")
        ->transform(whole_number(1, 1000000));
    parser.add_option("--write-rate", options.write_rate, "writes a second regained per token and per client address")
        ->envname("PARTNERSHIP_WRITE_RATE")
        ->check(decimal_number(0.001, 1e6));
    parse_options(parser, args);
    check_store_choice(options.store, true);
    if (options.web_dir.empty()) options.web_dir = default_web_dir().string();
    if (std::string why; !options.upstream.empty() && !server::usable_upstream_url(options.upstream, why))
        throw UsageError("--upstream: " + why);
    if (!options.upstream.empty() && !options.store.address.empty() && options.store.address.rfind("sqlite:", 0) != 0)
        throw UsageError("--upstream: a follower keeps its own SQLite data folder; it cannot share a PostgreSQL store");
    if (options.upstream.empty() && !options.upstream_token.empty())
        throw UsageError("--upstream-token: name the upstream too (--upstream URL)");
    if (!options.public_url.empty() && options.public_url.rfind("https://", 0) != 0 && options.public_url.rfind("http://", 0) != 0)
        throw UsageError("--public-url: expected the address people use, e.g. https://partners.example.org, got \"" +
                         options.public_url + "\"");
    return options;
}

server::HttpOptions http_options(const ServeOptions& options) {
    server::HttpOptions http;
    const auto colon = options.listen.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw UsageError("--listen: expected HOST:PORT, e.g. 127.0.0.1:8080, got \"" + options.listen + "\"");
    http.host = options.listen.substr(0, colon);
    if (http.host.size() > 2 && http.host.front() == '[' && http.host.back() == ']')
        http.host = http.host.substr(1, http.host.size() - 2);
    const auto port_text = options.listen.substr(colon + 1);
    char* end = nullptr;
    const long port = std::strtol(port_text.c_str(), &end, 10);
    if (port_text.empty() || *end != '\0' || port < 0 || port > 65535)
        throw UsageError("--listen: the port must be a number from 0 to 65535, got \"" + port_text + "\"");
    http.port = static_cast<int>(port);
    http.web_dir = options.web_dir;
    http.cors_origin = options.cors_origin;
    for (const auto& text : options.trusted_proxies) {
        const auto cidr = server::parse_cidr(text);
        if (!cidr)
            throw UsageError("--trusted-proxy: expected an address or a network such as 10.0.0.0/8 or ::1, got \"" +
                             text + "\"");
        http.trusted_proxies.push_back(*cidr);
    }
    http.threads = options.threads;
    return http;
}

}  // namespace

int serve_command(const Args& args) {
    ServeOptions options;
    server::HttpOptions http;
    server::WriteLimits limits;
    try {
        options = parse(args);
        http = http_options(options);
        limits.burst = static_cast<double>(options.write_burst);
        limits.per_second = options.write_rate;
    } catch (const UsageError& e) {
        std::fprintf(stderr, "partnership serve: %s\n", e.what());
        return 2;
    }

    // Signals are taken by one thread with sigwait, so stopping runs as ordinary code rather than
    // inside a signal handler. Blocked before any other thread starts, so all threads inherit it.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    std::unique_ptr<server::Store> store;
    try {
        store = open_store(options.store);
    } catch (const server::StoreError& e) {
        std::fprintf(stderr, "partnership serve: %s\n", e.what());
        return 1;
    }
    const std::string store_name = store->describe();
    server::RegistryService registry(std::move(store), std::function<Snapshot()>(server::default_snapshot));
    server::Api api(registry, {}, limits);
    auto index = std::make_shared<server::IndexCache>(registry);
    server::add_search_routes(api, registry, index);
    server::add_stats_routes(api, registry);
    server::add_dismissed_routes(api, registry);
    server::add_proposal_routes(api, registry);
    server::add_admin_routes(api, registry, {options.public_url});
    server::add_openapi_route(api);
    server::add_map_routes(api);
    std::unique_ptr<server::Follower> follower;
    if (!options.upstream.empty()) {
        registry.store().set_meta("upstream_url", options.upstream);
        const std::string upstream = options.upstream;
        follower = std::make_unique<server::Follower>(
            registry, api, server::FollowerOptions{upstream, options.upstream_token},
            [upstream](const HttpCall& call, std::string& error) { return server::http_fetch(upstream, call, error); });
    }
    const server::TextVersion text_version(registry, index, {options.public_url});
    http.pages = [&text_version](const server::ApiRequest& request) { return text_version.handle(request); };
    server::HttpServer http_server(api, http);
    const int port = http_server.bind();

    const auto counts = registry.counts();
    std::fprintf(stderr, "start: store %s (%s), revision %lld, %zu municipalities, %zu partnerships, web %s\n",
                 store_name.c_str(), registry.seeded() ? "seeded from the built-in registry" : "loaded",
                 static_cast<long long>(registry.revision()), counts.municipalities, counts.partnerships,
                 http.web_dir.empty() ? "(none: API only)" : http.web_dir.c_str());
    if (registry.dismissals_moved() > 0)
        std::fprintf(stderr, "start: moved the dismissed suggestions of %zu municipalities out of their public records\n",
                     registry.dismissals_moved());
    const std::string shown_host = http.host.find(':') != std::string::npos ? "[" + http.host + "]" : http.host;
    std::printf("listening on http://%s:%d\n", shown_host.c_str(), port);
    std::fflush(stdout);
    if (registry.store().shared()) {
        // Other servers write to the same database: learn of their commits as they happen.
        registry.follow_store();
        std::fprintf(stderr, "start: shared store: following other servers' writes\n");
    }
    if (follower) {
        std::fprintf(stderr, "start: following %s from its revision %lld\n", options.upstream.c_str(),
                     static_cast<long long>(registry.store().upstream_revision()));
        follower->start();
    }

    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        std::fprintf(stderr, "stop: %s received, finishing requests in flight\n", signal == SIGINT ? "SIGINT" : "SIGTERM");
        http_server.stop();
    });
    http_server.serve();
    // serve() also returns when the listening socket fails; wake the stopper so it can be joined.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (follower) follower->stop();
    registry.stop_following();
    std::fprintf(stderr, "stop: store closed at revision %lld\n", static_cast<long long>(registry.revision()));
    return 0;
}

}  // namespace prd::cli
