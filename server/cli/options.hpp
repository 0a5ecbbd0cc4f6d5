#pragma once
// The subcommands' option parsing: one CLI11 parser per subcommand, its errors turned into
// UsageError (exit 2) and its --help printed.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace prd::cli {

/// Bad command-line usage; the message names the option and what it needs.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Thrown after a subcommand's --help was printed; the command line then exits with 0.
struct HelpShown {};

/// The parser of the subcommand `name` ("partnership NAME"), described by its summary in
/// commands(). The caller adds its options; unknown options and extra arguments are refused, and
/// an option given twice takes its last value.
class CommandParser : public CLI::App {
public:
    explicit CommandParser(std::string_view name);
};

/// The parser of a command made of actions, "partnership token create|revoke|list": each action is
/// a subcommand with only its own options, so an option of one action given to another is refused.
/// Every action reads --data DIR, which may also come before the action, as it always could.
class ActionParser : public CommandParser {
public:
    /// --data's value goes to `data_dir`: the one after the action wins over one before it, and
    /// `data_env` (when not null) is read when neither is given.
    ActionParser(std::string_view name, std::string& data_dir, const char* data_env = nullptr);

    /// Adds the action `name` ("partnership NAME ACTION") with its --data option; the caller adds
    /// the others, marking those it cannot do without ->required().
    CLI::App& add_action(const std::string& name, const std::string& description);

    /// Reads args and returns the action given. Throws UsageError for no action, a word that is no
    /// action, an option or word the action does not take (naming it), an option before the action
    /// that only an action takes, and what parse_options refuses; prints the action's help (or the
    /// command's, listing the actions) and throws HelpShown for --help.
    std::string parse(const Args& args);

private:
    std::string actions_list() const;  // "create, revoke or list"

    std::string& m_data_dir;
    std::string m_data_before_action;
    const char* m_data_env;
    std::vector<std::string> m_actions;
};

/// Reads args with the parser. Throws UsageError naming the option for an unknown option, a
/// missing value or a value that breaks its rule; prints the help and throws HelpShown for --help.
void parse_options(CLI::App& parser, const Args& args);

/// --data DIR, the server's data folder; PARTNERSHIP_DATA_DIR when the option is not given.
CLI::Option* add_data_option(CLI::App& parser, std::string& data_dir);

/// For ->transform(): a whole number from `min` to `max` written in digits only ("5abc", "-1",
/// "1e3", "0x10" are refused; "010" is ten, not octal eight).
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

}  // namespace prd::cli
