// partnership stats: the gap figures of the core (stats/gap_stats.hpp) for the registry of a data
// folder, or the built-in one: as JSON (the same as GET /api/v1/stats), as one CSV table, or as
// tables for people (the CSV's cells, aligned).

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/registry_service.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/store_option.hpp"
#include "import/csv.hpp"
#include "registry/registry.hpp"
#include "seed/default_registry.hpp"
#include "stats/gap_stats.hpp"
#include "store/sqlite_store.hpp"

namespace prd::cli {
namespace {

struct StatsArgs {
    std::string by;
    bool json = false;
    bool csv = false;
    std::string lang = "uk";
    stats::Filter filter;
    StoreChoice store;  ///< none: the built-in registry
};

/// Throws UsageError naming the option when the reader found its value broke a rule.
void check(const std::string& option, const std::string& rule) {
    if (!rule.empty()) throw UsageError(option + ": " + rule);
}

StatsArgs parse(const Args& args) {
    StatsArgs parsed;
    std::vector<std::string> kinds;
    std::string country, years;
    CommandParser parser("stats");
    parser.add_option("--by", parsed.by, "one table: " + stats::table_choices())
        ->check(CLI::Validator(
            [](std::string& by) {
                return stats::is_table(by) ? std::string()
                                           : "must be one of " + stats::table_choices() + ", got \"" + by + "\"";
            },
            "TABLE"));
    parser.add_flag("--json", parsed.json, "print JSON, as GET /api/v1/stats");
    parser.add_flag("--csv", parsed.csv, "print one table as CSV");
    parser.add_option("--lang", parsed.lang, "names and headers in uk or en")->check(CLI::IsMember({"uk", "en"}));
    parser.add_option("--kind", kinds, "only partnerships of these kinds (repeatable or a comma list)")
        ->allow_extra_args(false);
    parser.add_option("--partner-country", country, "only partnerships with this country (CC)");
    parser.add_option("--years", years, "only partnerships started in FROM-TO");
    add_store_options(parser, parsed.store);
    parse_options(parser, args);
    check_store_choice(parsed.store, false);
    for (const std::string& kind : kinds) check("--kind", stats::read_kinds(kind, parsed.filter));
    if (parser.count("--partner-country") > 0)
        check("--partner-country", stats::read_partner_country(country, parsed.filter));
    if (parser.count("--years") > 0) check("--years", stats::read_years(years, parsed.filter));
    if (parsed.json && parsed.csv) throw UsageError("--json and --csv: give one of them");
    if (parsed.csv && parsed.by.empty())
        throw UsageError("--csv: one table per file, so it needs --by TABLE (" + stats::table_choices() + ")");
    return parsed;
}

/// The figures of the data folder's registry (a folder never served holds the built-in registry,
/// as serve would seed it), or of the built-in registry when no folder is given.
stats::GapStats compute(const StatsArgs& args) {
    if (args.store.data_dir.empty() && args.store.address.empty())
        return stats::compute(Registry::from_snapshot(server::default_snapshot()), args.filter);
    server::RegistryService registry(open_store(args.store), std::function<Snapshot()>(server::default_snapshot));
    return registry.read([&](const Registry& r) { return stats::compute(r, args.filter); });
}

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

/// Columns on a terminal count characters, not bytes (Cyrillic takes two bytes in UTF-8).
std::size_t width(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// One table, as its CSV holds it, with columns padded; numbers to the right.
void print_table(const stats::GapStats& figures, std::string_view table, const std::string& lang) {
    const import::CsvTable csv = import::parse_csv(stats::to_csv(figures, table, lang), {',', true, true});
    std::vector<std::size_t> widths(csv.header.size());
    const auto measure = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], width(cells[i]));
    };
    measure(csv.header);
    for (const auto& row : csv.rows) measure(row.cells);
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string out = " ";
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
            const bool number = !cells[i].empty() && cells[i].find_first_not_of("0123456789") == std::string::npos;
            const std::string pad(widths[i] - width(cells[i]), ' ');
            out += " " + (number ? pad + cells[i] : cells[i] + pad);
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        print(out + "\n");
    };
    print("[" + std::string(table) + "]\n");
    line(csv.header);
    for (const auto& row : csv.rows) line(row.cells);
}

void print_readable(const stats::GapStats& figures, const StatsArgs& args) {
    const double percent = stats::share_without(figures) * 100;
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", percent);
    if (args.lang == "uk")
        print("Громад без іноземного партнера: " + std::to_string(figures.no_foreign_partner) + " з " +
              std::to_string(figures.hromadas) + " (" + share + "), ревізія реєстру " +
              std::to_string(figures.revision) + "\n\n");
    else
        print("Hromadas without a foreign partner: " + std::to_string(figures.no_foreign_partner) + " of " +
              std::to_string(figures.hromadas) + " (" + share + "), registry revision " +
              std::to_string(figures.revision) + "\n\n");
    for (const std::string_view table : stats::k_tables) {
        // The list of communities is long: shown when asked for by name.
        if (!args.by.empty() ? table != args.by : table == "without") continue;
        print_table(figures, table, args.lang);
        print("\n");
    }
    if (args.by.empty()) print("(the communities themselves: partnership stats --by without)\n");
}

}  // namespace

int stats_command(const Args& args) {
    const StatsArgs parsed = parse(args);
    const stats::GapStats figures = compute(parsed);
    if (parsed.json) {
        print(stats::to_json(figures, parsed.by).dump(2) + "\n");
    } else if (parsed.csv) {
        print(stats::to_csv(figures, parsed.by, parsed.lang));
    } else {
        print_readable(figures, parsed);
    }
    return 0;
}

}  // namespace prd::cli
