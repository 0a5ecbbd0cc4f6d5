#pragma once
// Where a command finds the registry: a data folder (SQLite, the default) or a PostgreSQL database
// shared by several servers.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "store/store.hpp"

namespace prd::cli {

struct StoreChoice {
    std::string data_dir;  ///< --data DIR
    std::string address;   ///< --store sqlite:DIR | postgres://... | postgresql://...
    CLI::Option* data_option = nullptr;  ///< tells a default data_dir from one given; null: non-empty is given
};

/// --data DIR (PARTNERSHIP_DATA_DIR) and --store ADDRESS (PARTNERSHIP_STORE).
void add_store_options(CLI::App& parser, StoreChoice& choice);

/// After parsing: UsageError when both name a store, or (when `required`) neither does.
void check_store_choice(const StoreChoice& choice, bool required);

/// Opens a store by address: "sqlite:DIR" or a PostgreSQL URI. UsageError naming `option` for
/// anything else; StoreError when the store cannot be opened.
std::unique_ptr<server::Store> open_store(const std::string& address, const char* option = "--store");

/// The chosen store: --store when given, else the data folder.
std::unique_ptr<server::Store> open_store(const StoreChoice& choice);

}  // namespace prd::cli
