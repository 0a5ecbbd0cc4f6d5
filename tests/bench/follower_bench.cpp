// How far a follower trails its upstream under a stream of upstream writes: a national instance
// and a follower on loopback in this process (real HTTP between them), the national registry
// edited at a steady rate, the follower's worker running as `partnership serve --upstream` runs
// it. Prints the lag in revisions (sampled every 50 ms) and in seconds (from each write upstream
// to its arrival on the follower). Run by ./dev bench; never by ctest (a test never times).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <numeric>
#include <unistd.h>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/registry_service.hpp"
#include "federation/follower.hpp"
#include "http/http_client.hpp"
#include "http/http_server.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"

using namespace prd;
using namespace prd::server;
using Clock = std::chrono::steady_clock;

namespace {

struct Served {
    explicit Served(const std::filesystem::path& data)
        : registry(std::make_unique<SqliteStore>(data), default_snapshot()), api(registry) {}
    void start() {
        HttpOptions http;
        http.port = 0;
        http.threads = 16;
        server = std::make_unique<HttpServer>(api, http);
        port = server->bind();
        thread = std::thread([this] { server->serve(); });
    }
    ~Served() {
        if (server) {
            server->stop();
            thread.join();
        }
    }
    RegistryService registry;
    Api api;
    std::unique_ptr<HttpServer> server;
    std::thread thread;
    int port = 0;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

}  // namespace

int main() {
    const int rate = 20;       // upstream writes a second
    const int seconds = 15;
    const auto dir = std::filesystem::temp_directory_path() / ("prd-follower-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);

    Served national(dir / "national");
    national.start();
    auto token = make_token(Role::moderator, {}, "bench", utc_now());
    national.registry.store().add_token(token.record);
    Served follower(dir / "follower");
    const std::string url = "http://127.0.0.1:" + std::to_string(national.port);
    Follower worker(follower.registry, follower.api, FollowerOptions{url, token.secret},
                    [url](const HttpCall& call, std::string& error) { return http_fetch(url, call, error); });
    follower.start();
    const auto snapshot_started = Clock::now();
    if (!worker.sync_once()) {
        std::fprintf(stderr, "follower_bench: the first sync failed: %s\n", worker.status().dump().c_str());
        return 1;
    }
    const double snapshot_s = std::chrono::duration<double>(Clock::now() - snapshot_started).count();
    worker.start();

    // The writer edits municipalities' descriptions upstream; each write's revision and time kept.
    std::vector<std::string> ids;
    national.registry.read([&](const Registry& r) {
        for (const auto& [id, m] : r.municipalities())
            if (m.country == "UA" && ids.size() < 500) ids.push_back(id);
        return 0;
    });
    const Principal moderator{Role::moderator, {}, token.record.id, "bench"};
    std::mutex mutex;
    std::map<std::int64_t, Clock::time_point> written;  // upstream revision -> when
    std::atomic<bool> done{false};
    std::thread writer([&] {
        const auto step = std::chrono::microseconds(1000000 / rate);
        auto next = Clock::now();
        for (int i = 0; i < rate * seconds; ++i) {
            const auto& id = ids[static_cast<std::size_t>(i) % ids.size()];
            auto record = national.registry.record(RecordKind::municipality, id, moderator);
            record["description"]["en"] = "Benchmark edit " + std::to_string(i);
            const Change change{RecordKind::municipality, Change::Op::put, id, record.value("revision", std::int64_t{0}),
                                record, "bench-" + std::to_string(i)};
            const auto results = national.registry.push(moderator, {change}, utc_now());
            if (results.front().json.value("status", "") == "applied") {
                std::lock_guard lock(mutex);
                written[results.front().json.value("revision", std::int64_t{0})] = Clock::now();
            }
            next += step;
            std::this_thread::sleep_until(next);
        }
        done = true;
    });

    std::vector<double> lag_revisions, lag_seconds;
    std::int64_t seen = 0;
    const auto deadline = Clock::now() + std::chrono::seconds(seconds + 30);
    while (Clock::now() < deadline) {
        const auto applied = worker.status()["revision"].get<std::int64_t>();
        const auto now = Clock::now();
        lag_revisions.push_back(static_cast<double>(std::max<std::int64_t>(0, national.registry.revision() - applied)));
        {
            std::lock_guard lock(mutex);
            for (auto it = written.upper_bound(seen); it != written.end() && it->first <= applied; ++it)
                lag_seconds.push_back(std::chrono::duration<double>(now - it->second).count());
            seen = std::max(seen, applied);
            if (done && !written.empty() && seen >= written.rbegin()->first) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    writer.join();
    worker.stop();

    std::printf("follower_bench: first sync (snapshot, revision %lld) %.2f s\n",
                static_cast<long long>(national.registry.revision() - rate * seconds), snapshot_s);
    std::printf("follower_bench: %d upstream writes/s for %d s, pull interval 2 s\n", rate, seconds);
    std::printf("follower_bench: lag in revisions   mean %.1f  p95 %.0f  max %.0f\n",
                lag_revisions.empty() ? 0.0 : std::accumulate(lag_revisions.begin(), lag_revisions.end(), 0.0) / static_cast<double>(lag_revisions.size()),
                percentile(lag_revisions, 0.95), percentile(lag_revisions, 1.0));
    std::printf("follower_bench: lag in seconds     mean %.2f  p95 %.2f  max %.2f  (%zu writes arrived)\n",
                lag_seconds.empty() ? 0.0 : std::accumulate(lag_seconds.begin(), lag_seconds.end(), 0.0) / static_cast<double>(lag_seconds.size()),
                percentile(lag_seconds, 0.95), percentile(lag_seconds, 1.0), lag_seconds.size());
    std::filesystem::remove_all(dir);
    return 0;
}
