#include "cli/commands.hpp"

#include "cli/options.hpp"

#include <cstdio>
#include <exception>
#include <string>

namespace prd::cli {
namespace {

int help_command(const Args&);

}  // namespace

const std::vector<Command>& commands() {
    static const std::vector<Command> list = {
        {"serve",
         "serve [--data DIR] [--listen HOST:PORT] [--web DIR] [--cors-origin ORIGIN] [--public-url URL] "
         "[--upstream URL --upstream-token TOKEN] [--trusted-proxy CIDR]... [--threads N] [--write-burst N] "
         "[--write-rate PER_SECOND]",
         "serve the web app, the API and the text version (data folder seeded from the built-in registry on first "
         "start)",
         serve_command},
        {"token", "token create|revoke|list --data DIR [--role ROLE] [--municipality ID] [--label TEXT] [TOKEN_ID]",
         "manage API tokens (printed once; only their hash is stored)", token_command},
        {"invite",
         "invite create|list|revoke --data DIR [--municipality ID] [--role ROLE] [--days N] [--public-url URL]",
         "one-time invitations: prints the link (https://HOST/#/join/CODE) that becomes its user's own token",
         invite_command},
        {"status", "status --data DIR [--url URL] [--json]",
         "a follower's upstream, lag, last error and outbox (writes waiting, refused or in conflict)", status_command},
        {"generate", "generate --data DIR [--municipalities N] [--partnerships M] [--seed S]",
         "fill an empty data folder with a synthetic registry grown from the built-in one (default 100,000 and 60,000)",
         generate_command},
        {"dump", "dump FILE --data DIR", "a consistent copy of the store, safe while serving", dump_command},
        {"restore", "restore FILE --data DIR", "replace the store with a dump (stop the server first)",
         restore_command},
        {"migrate", "migrate --from sqlite:DIR|postgres://... --to sqlite:DIR|postgres://...",
         "copy a whole store into an empty one (SQLite to PostgreSQL or back) and check the copy", migrate_command},
        {"export", "export --data DIR [--format json|csv] [--out FILE]",
         "the public registry as JSON, or its municipalities as CSV", export_command},
        {"import", "import SOURCE FILE... | import all --from DIR --out DIR [--json]",
         "import a public dataset, or rebuild the built-in registry from all of them", import_command},
        {"show", "show ID|NAME [--json]", "one municipality with its partnerships", show_command},
        {"stats",
         "stats [--by oblast|frontline|year|kind|country|open|without] [--json | --csv] [--lang uk|en] "
         "[--kind KIND]... [--partner-country CC] [--years FROM-TO] [--data DIR]",
         "the gap: hromadas with no foreign partner (by oblast, by distance to the border), partnerships by year, "
         "kind and partner country, open declarations and calls (the same numbers as GET /api/v1/stats)",
         stats_command},
        {"search", "search QUERY [--limit N] [--json]", "search the built-in registry, as the app and the API do",
         search_command},
        {"translit", "translit TEXT", "the official Ukrainian transliteration of TEXT", translit_command},
        {"match", "match ID [--limit N] [--json]", "suggest partners for a municipality, with the reasons",
         match_command},
        {"help", "help", "list the commands", help_command},
    };
    return list;
}

int run(int argc, char** argv) {
    const std::string name = argc > 1 ? argv[1] : "help";
    Args args(argv + (argc > 1 ? 2 : 1), argv + argc);
    if (name == "--help" || name == "-h") return help_command(args);
    for (const auto& command : commands()) {
        if (command.name != name) continue;
        try {
            return command.run(args);
        } catch (const HelpShown&) {
            return 0;
        } catch (const UsageError& e) {
            std::fprintf(stderr, "partnership %s: %s\n", std::string(name).c_str(), e.what());
            return 2;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "partnership %s: %s\n", std::string(name).c_str(), e.what());
            return 1;
        }
    }
    std::fprintf(stderr, "partnership: unknown command \"%s\" (try: partnership help)\n", name.c_str());
    return 2;
}

namespace {

int help_command(const Args&) {
    std::printf("partnership: the Partnership for Recovery and Development server and tools\n\nusage:\n");
    for (const auto& command : commands())
        std::printf("  partnership %.*s\n      %.*s\n", static_cast<int>(command.usage.size()), command.usage.data(),
                    static_cast<int>(command.summary.size()), command.summary.data());
    return 0;
}

}  // namespace
}  // namespace prd::cli
