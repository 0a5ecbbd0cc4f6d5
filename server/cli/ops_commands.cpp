// partnership dump | restore | export: copies of a data folder for backups and for people and
// scripts. dump is safe while the server runs; restore wants it stopped.

#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "api/registry_service.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/store_option.hpp"
#include "export/municipalities_csv.hpp"
#include "model/json_codec.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"

namespace prd::cli {
namespace {

struct OpsArgs {
    StoreChoice store;
    std::string file;
    std::string format = "json";
};

/// `name`'s options: dump and restore name a FILE, export may name one with --out and picks a --format.
OpsArgs parse(const char* name, const Args& args, bool wants_file) {
    OpsArgs parsed;
    CommandParser parser(name);
    const bool any_store = std::string_view(name) != "restore";  // restore replaces a data folder's file
    if (any_store)
        add_store_options(parser, parsed.store);
    else
        parsed.store.data_option = add_data_option(parser, parsed.store.data_dir);
    if (wants_file) {
        parser.add_option("FILE", parsed.file, "the dump");
    } else {
        parser.add_option("--format", parsed.format, "json (the registry) or csv (its municipalities)")
            ->check(CLI::IsMember({"json", "csv"}));
        parser.add_option("--out", parsed.file, "write to FILE instead of the standard output");
    }
    parse_options(parser, args);
    if (any_store)
        check_store_choice(parsed.store, true);
    else if (parsed.store.data_dir.empty())
        throw UsageError("--data DIR is required (or PARTNERSHIP_DATA_DIR)");
    if (wants_file && parsed.file.empty()) throw UsageError("name the file");
    return parsed;
}

}  // namespace

int dump_command(const Args& args) {
    const auto parsed = parse("dump", args, true);
    if (std::filesystem::exists(parsed.file)) throw UsageError(parsed.file + " exists; dump never overwrites");
    const auto store = open_store(parsed.store);
    store->backup_to(parsed.file);
    server::SqliteStore::check_file(parsed.file);
    std::fprintf(stderr, "dumped %s (revision %lld) to %s\n", store->describe().c_str(),
                 static_cast<long long>(store->revision()), parsed.file.c_str());
    return 0;
}

int restore_command(const Args& args) {
    const auto parsed = parse("restore", args, true);
    server::SqliteStore::check_file(parsed.file);
    const std::filesystem::path dir = parsed.store.data_dir;
    std::filesystem::create_directories(dir);
    const auto target = dir / "registry.sqlite3";
    // Keep what was there, then move the new file in with a rename, so a failure halfway leaves
    // either the old store or the new one, never a mix.
    if (std::filesystem::exists(target)) {
        const auto kept = dir / "registry.sqlite3.before-restore";
        std::filesystem::remove(kept);
        { server::SqliteStore old(dir); old.backup_to(kept.string()); }
        std::fprintf(stderr, "kept the previous store as %s\n", kept.c_str());
    }
    const auto incoming = dir / "registry.sqlite3.restoring";
    std::filesystem::copy_file(parsed.file, incoming, std::filesystem::copy_options::overwrite_existing);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(dir / (std::string("registry.sqlite3") + suffix));
    std::filesystem::rename(incoming, target);
    server::SqliteStore restored(dir);
    std::fprintf(stderr, "restored %s at revision %lld (restart the server if it was running)\n", target.c_str(),
                 static_cast<long long>(restored.revision()));
    return 0;
}

int export_command(const Args& args) {
    const auto parsed = parse("export", args, false);
    // A folder never served holds the built-in registry, as serve would seed it.
    server::RegistryService registry(open_store(parsed.store), server::default_snapshot());
    std::ofstream file;
    if (!parsed.file.empty()) {
        file.open(parsed.file, std::ios::binary);
        if (!file) throw std::runtime_error("cannot write " + parsed.file);
    }
    std::ostream& out = parsed.file.empty() ? std::cout : file;
    if (parsed.format == "json") {
        out << registry.read([](const Registry& r) { return encode_snapshot(r.snapshot()); }) << "\n";
        return 0;
    }
    registry.read([&](const Registry& r) {
        server::write_municipalities_csv(r, out);
        return 0;
    });
    return 0;
}

}  // namespace prd::cli
