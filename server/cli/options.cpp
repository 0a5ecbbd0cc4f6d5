#include "cli/options.hpp"

#include <cstdio>
#include <cstdlib>

namespace prd::cli {

namespace {

std::string summary_of(std::string_view name) {
    for (const auto& command : commands())
        if (command.name == name) return std::string(command.summary);
    return {};
}

std::string data_description(const char* env) {
    return std::string("the server's data folder") + (env ? std::string(" (or ") + env + ")" : "");
}

bool is_option(const std::string& word) { return word.size() > 1 && word[0] == '-'; }

// The words as typed, quoted: "--role admin".
std::string quoted(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
    return "\"" + out + "\"";
}

}  // namespace

CommandParser::CommandParser(std::string_view name) : CLI::App(summary_of(name), "partnership " + std::string(name)) {
    // As before CLI11: ./dev run passes its own --data first, and one given after it wins.
    option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

ActionParser::ActionParser(std::string_view name, std::string& data_dir, const char* data_env)
    : CommandParser(name), m_data_dir(data_dir), m_data_env(data_env) {
    // One action per command line. Set before the actions are added: each copies it.
    require_subcommand(0, 1);
    get_formatter()->label("SUBCOMMAND", "ACTION");
    add_option("--data", m_data_before_action, data_description(data_env) + ", before the action or after it");
}

CLI::App& ActionParser::add_action(const std::string& name, const std::string& description) {
    CLI::App* action = add_subcommand(name, description);
    action->group("Actions");
    action->add_option("--data", m_data_dir, data_description(m_data_env));
    m_actions.push_back(name);
    return *action;
}

std::string ActionParser::actions_list() const {
    std::string out;
    for (std::size_t i = 0; i < m_actions.size(); ++i)
        out += (i == 0 ? "" : i + 1 == m_actions.size() ? " or " : ", ") + m_actions[i];
    return out;
}

std::string ActionParser::parse(const Args& args) {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    std::string error;
    try {
        CLI::App::parse(reversed);
    } catch (const CLI::CallForHelp&) {
        std::fputs(help().c_str(), stdout);  // the action's help when one was named
        throw HelpShown{};
    } catch (const CLI::ExtrasError&) {
        // The words nothing took are named below, with what was wrong with them.
    } catch (const CLI::ParseError& e) {
        error = e.what();
    }
    const std::vector<CLI::App*> chosen = get_subcommands();
    const std::vector<std::string> before = remaining();  // what the command itself did not take
    if (chosen.empty()) {
        // The first word that is neither an option nor, by its place, an option's value was meant
        // as the action: `token frob` names an unknown action, `token --role admin` none.
        for (std::size_t i = 0; i < before.size(); ++i) {
            const bool value = i > 0 && is_option(before[i - 1]) && before[i - 1].find('=') == std::string::npos;
            if (!is_option(before[i]) && !value)
                throw UsageError("unknown action \"" + before[i] + "\": expected " + actions_list());
        }
        if (!error.empty()) throw UsageError(error);
        throw UsageError("name an action: " + actions_list() + (before.empty() ? "" : ", then its options"));
    }
    const std::string action = chosen.front()->get_name();
    const std::string help_hint = " (see: " + get_name() + " " + action + " --help)";
    if (!before.empty())
        throw UsageError(quoted(before) + " comes before the action; an action's options follow it" + help_hint);
    if (!error.empty()) throw UsageError(error);
    if (const std::vector<std::string> extra = chosen.front()->remaining(); !extra.empty())
        throw UsageError(get_name() + " " + action + " takes no " + quoted(extra) + help_hint);
    if (m_data_dir.empty()) m_data_dir = m_data_before_action;
    if (m_data_dir.empty() && m_data_env)
        if (const char* value = std::getenv(m_data_env)) m_data_dir = value;
    return action;
}

void parse_options(CLI::App& parser, const Args& args) {
    // CLI11 takes the arguments last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        parser.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        std::fputs(parser.help().c_str(), stdout);
        throw HelpShown{};
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what());
    }
}

CLI::Option* add_data_option(CLI::App& parser, std::string& data_dir) {
    return parser.add_option("--data", data_dir, "the server's data folder")->envname("PARTNERSHIP_DATA_DIR");
}

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
    const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [min, max, range](std::string& text) {
            std::uint64_t value = 0;
            bool ok = !text.empty() && text.size() <= 19;
            for (const char c : text) {
                if (c < '0' || c > '9')
                    ok = false;
                else
                    value = value * 10 + static_cast<std::uint64_t>(c - '0');
            }
            if (!ok || value < min || value > max) return "expected a whole number " + range + ", got \"" + text + "\"";
            // CLI11 reads numbers as C does (base 0): without this "010" would be eight.
            text = std::to_string(value);
            return std::string();
        },
        "N " + range);
}

}  // namespace prd::cli
