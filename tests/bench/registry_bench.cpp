// How long the native core takes to load the built-in registry, and how much memory the loaded
// registry holds. Run by ./dev bench; never by ctest (a test never times).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "registry/registry.hpp"

namespace {

const std::string& registry_text() {
    static const std::string text = [] {
        std::ifstream in(PRD_SOURCE_DIR "/shared/seed/default_registry.json", std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        return buffer.str();
    }();
    return text;
}

long resident_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

void BM_ParseJson(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(nlohmann::json::parse(registry_text()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * registry_text().size()));
}
BENCHMARK(BM_ParseJson)->Unit(benchmark::kMillisecond);

void BM_LoadRegistry(benchmark::State& state) {
    for (auto _ : state) {
        auto registry = prd::Registry::from_snapshot(prd::snapshot_from_json(nlohmann::json::parse(registry_text())));
        benchmark::DoNotOptimize(registry.revision());
    }
}
BENCHMARK(BM_LoadRegistry)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    const long before = resident_kb();
    const auto text_kb = static_cast<long>(registry_text().size() / 1024);
    {
        const long with_text = resident_kb();
        auto registry = prd::Registry::from_snapshot(prd::snapshot_from_json(nlohmann::json::parse(registry_text())));
        const long loaded = resident_kb();
        std::printf("built-in registry: %zu municipalities, %zu partnerships, file %ld KB\n",
                    registry.municipalities().size(), registry.partnerships().size(), text_kb);
        std::printf("resident memory: %ld KB before, %ld KB with the file read, %ld KB with the registry loaded "
                    "(+%ld KB; includes allocator slack from parsing)\n\n",
                    before, with_text, loaded, loaded - with_text);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
