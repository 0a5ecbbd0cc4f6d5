// How long the server takes to answer the text version's pages (rendering included, sockets not):
// Lviv's page, a search and the statistics, on the built-in registry and on the same registry grown
// to 100,000 municipalities with synthetic ones. Run by ./dev bench; never by ctest.
//   html_bench [--size N] [google benchmark flags]

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "html/text_version.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "synthetic_registry.hpp"

namespace prd::bench {
namespace {

using server::ApiRequest;

struct Dataset {
    std::string name;
    std::filesystem::path dir;
    std::unique_ptr<server::RegistryService> registry;
    std::unique_ptr<server::TextVersion> text_version;
    std::size_t municipalities = 0;
};

std::vector<std::unique_ptr<Dataset>> g_datasets;

std::unique_ptr<Dataset> make_dataset(std::string name, const Snapshot& snapshot) {
    auto d = std::make_unique<Dataset>();
    d->name = std::move(name);
    std::random_device random;
    d->dir = std::filesystem::temp_directory_path() / ("prd-html-bench-" + std::to_string(random()));
    d->registry = std::make_unique<server::RegistryService>(std::make_unique<server::SqliteStore>(d->dir), snapshot);
    d->text_version = std::make_unique<server::TextVersion>(*d->registry, nullptr);
    d->municipalities = snapshot.municipalities.size();
    return d;
}

/// The built-in registry grown to `size` municipalities; Lviv and the real partnerships stay.
Snapshot grown(const Snapshot& real, std::size_t size) {
    Snapshot snapshot = real;
    std::set<std::string> ids;
    for (const auto& m : real.municipalities) ids.insert(m.id);
    for (auto& m : synthetic_registry({}, size - real.municipalities.size()))
        if (ids.insert(m.id).second) snapshot.municipalities.push_back(std::move(m));
    return snapshot;
}

ApiRequest request(std::string path, std::map<std::string, std::string> query) {
    ApiRequest r;
    r.path = std::move(path);
    r.query = std::move(query);
    r.headers["Host"] = "127.0.0.1:8080";
    return r;
}

void render(benchmark::State& state, Dataset* d, ApiRequest r) {
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto response = d->text_version->handle(r);
        if (!response || response->status != 200) {
            state.SkipWithError(("not 200: " + r.path).c_str());
            return;
        }
        bytes = response->body.size();
        benchmark::DoNotOptimize(response->body.data());
    }
    state.counters["KB"] = static_cast<double>(bytes) / 1024.0;
}

}  // namespace
}  // namespace prd::bench

int main(int argc, char** argv) {
    using namespace prd::bench;
    std::size_t size = 100000;
    std::vector<char*> rest = {argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--size" && i + 1 < argc) size = std::stoul(argv[++i]);
        else rest.push_back(argv[i]);
    }
    const prd::Snapshot& real = prd::server::default_snapshot();
    const auto t0 = std::chrono::steady_clock::now();
    g_datasets.push_back(make_dataset("built-in", real));
    if (size > real.municipalities.size()) g_datasets.push_back(make_dataset(std::to_string(size), grown(real, size)));
    std::fprintf(stderr, "stores seeded in %.1f s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

    const std::vector<std::pair<std::string, ApiRequest>> pages = {
        {"lviv", request("/registry/m/UA46060250000025047", {{"lang", "uk"}})},
        {"search_lemberg", request("/registry/", {{"q", "Lemberg"}, {"lang", "en"}})},
        {"search_oblast_gap", request("/registry/", {{"country", "UA"}, {"region", "Львівська область"}, {"no_foreign_partner", "1"}, {"lang", "uk"}})},
        {"search_all_page_2", request("/registry/", {{"page", "2"}, {"lang", "uk"}})},
        {"stats", request("/registry/stats", {{"lang", "en"}})},
    };
    for (auto& d : g_datasets) {
        std::fprintf(stderr, "%s: %zu municipalities\n", d->name.c_str(), d->municipalities);
        d->text_version->handle(pages.front().second);  // builds the search index once, outside the timing
        for (const auto& [name, r] : pages)
            benchmark::RegisterBenchmark((d->name + "/" + name).c_str(),
                                         [&d, r = r](benchmark::State& state) { render(state, d.get(), r); })
                ->Unit(benchmark::kMillisecond);
    }
    int bench_argc = static_cast<int>(rest.size());
    benchmark::Initialize(&bench_argc, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    for (auto& d : g_datasets) {
        d->text_version.reset();
        d->registry.reset();
        std::error_code ec;
        std::filesystem::remove_all(d->dir, ec);
    }
    return 0;
}
