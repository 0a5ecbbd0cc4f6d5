#pragma once
// The `partnership` command line: one function per subcommand, listed in commands.cpp.
// Each returns the process exit status (0 ok, 1 failure, 2 bad usage) and prints its own errors.

#include <string>
#include <string_view>
#include <vector>

namespace prd::cli {

using Args = std::vector<std::string>;  ///< the arguments after the subcommand's name

struct Command {
    std::string_view name;
    std::string_view usage;    ///< e.g. "serve [--data DIR] [--listen HOST:PORT] [--web DIR]"
    std::string_view summary;  ///< one line
    int (*run)(const Args& args);
};

/// Every subcommand, in the order `partnership help` lists them.
const std::vector<Command>& commands();

/// Dispatches argv to a subcommand.
int run(int argc, char** argv);

// Subcommands, each in its own <name>_command.cpp.
int serve_command(const Args& args);
int generate_command(const Args& args);
int token_command(const Args& args);
int invite_command(const Args& args);
int status_command(const Args& args);  ///< status_command.cpp
int dump_command(const Args& args);     ///< ops_commands.cpp
int restore_command(const Args& args);  ///< ops_commands.cpp
int export_command(const Args& args);   ///< ops_commands.cpp
int migrate_command(const Args& args);  ///< migrate_command.cpp
int import_command(const Args& args);  ///< import_commands.cpp
int show_command(const Args& args);    ///< import_commands.cpp
int stats_command(const Args& args);   ///< stats_command.cpp
int search_command(const Args& args);    ///< search_commands.cpp
int translit_command(const Args& args);  ///< search_commands.cpp
int match_command(const Args& args);     ///< search_commands.cpp

}  // namespace prd::cli
