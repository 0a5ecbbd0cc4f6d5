#include "cli/store_option.hpp"

#include "cli/options.hpp"
#include "store/postgres_store.hpp"
#include "store/sqlite_store.hpp"

namespace prd::cli {
namespace {

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

bool postgres_address(const std::string& address) {
    return starts_with(address, "postgres://") || starts_with(address, "postgresql://");
}

}  // namespace

void add_store_options(CLI::App& parser, StoreChoice& choice) {
    choice.data_option = add_data_option(parser, choice.data_dir);
    parser.add_option("--store", choice.address, "sqlite:DIR, or a PostgreSQL database: postgres://USER@HOST/DB")
        ->envname("PARTNERSHIP_STORE");
}

void check_store_choice(const StoreChoice& choice, bool required) {
    // Without the option object (an action parser fills data_dir itself), a folder named is a folder given.
    const bool data_given = !choice.data_dir.empty() && (!choice.data_option || choice.data_option->count() > 0);
    if (!choice.address.empty() && data_given)
        throw UsageError(
            "--store and --data both name a store; give one (PARTNERSHIP_STORE and PARTNERSHIP_DATA_DIR "
            "in the environment count too)");
    if (!choice.address.empty() && !starts_with(choice.address, "sqlite:") && !postgres_address(choice.address))
        throw UsageError("--store: expected sqlite:DIR or postgres://USER@HOST/DATABASE, got \"" + choice.address +
                         "\"");
    if (required && choice.address.empty() && choice.data_dir.empty())
        throw UsageError("--data DIR or --store ADDRESS is required (or PARTNERSHIP_DATA_DIR, PARTNERSHIP_STORE)");
}

std::unique_ptr<server::Store> open_store(const std::string& address, const char* option) {
    if (starts_with(address, "sqlite:")) {
        const auto dir = address.substr(7);
        if (dir.empty())
            throw UsageError(std::string(option) + ": sqlite: needs a folder, e.g. sqlite:/var/lib/partnership");
        return std::make_unique<server::SqliteStore>(dir);
    }
    if (postgres_address(address)) return std::make_unique<server::PostgresStore>(address);
    throw UsageError(std::string(option) + ": expected sqlite:DIR or postgres://USER@HOST/DATABASE, got \"" + address +
                     "\"");
}

std::unique_ptr<server::Store> open_store(const StoreChoice& choice) {
    if (!choice.address.empty()) return open_store(choice.address);
    return std::make_unique<server::SqliteStore>(choice.data_dir);
}

}  // namespace prd::cli
