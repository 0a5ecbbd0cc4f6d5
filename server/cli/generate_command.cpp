// partnership generate: fills an empty data folder with a synthetic registry grown from the
// built-in one, for benchmarks at sizes the real registry has not reached.

#include <chrono>
#include <cstdio>

#include "api/registry_service.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "generate/synthetic_registry.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"

namespace prd::cli {

int generate_command(const Args& args) {
    std::string data_dir;
    server::GenerateOptions options;
    CommandParser parser("generate");
    parser.add_option("--data", data_dir, "an empty data folder");
    parser.add_option("--municipalities", options.municipalities, "how many in all")
        ->transform(whole_number(1, 10000000));
    parser.add_option("--partnerships", options.partnerships, "how many in all")->transform(whole_number(0, 10000000));
    parser.add_option("--seed", options.seed, "the same seed grows the same registry")
        ->transform(whole_number(0, UINT64_MAX / 10));
    parse_options(parser, args);
    if (data_dir.empty()) throw UsageError("--data DIR is required: an empty folder that serve --data DIR then uses");
    const auto started = std::chrono::steady_clock::now();
    auto store = std::make_unique<server::SqliteStore>(data_dir);
    if (store->revision() != 0)
        throw UsageError(data_dir + " already holds a registry (revision " + std::to_string(store->revision()) +
                         "); generate fills only an empty data folder");
    const auto snapshot = server::generate_registry(server::default_snapshot(), options);
    // An empty store is seeded with the snapshot: every record checked, one transaction.
    const server::RegistryService registry(std::move(store), snapshot);
    const auto counts = registry.counts();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr,
                 "generated %zu municipalities and %zu partnerships (seed %llu) in %s at revision %lld in %.1f s\n",
                 counts.municipalities, counts.partnerships, static_cast<unsigned long long>(options.seed),
                 data_dir.c_str(), static_cast<long long>(registry.revision()), seconds);
    return 0;
}

}  // namespace prd::cli
