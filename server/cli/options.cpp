#include "cli/options.hpp"

#include <cstdio>

namespace prd::cli {

namespace {

std::string summary_of(std::string_view name) {
    for (const auto& command : commands())
        if (command.name == name) return std::string(command.summary);
    return {};
}

}  // namespace

CommandParser::CommandParser(std::string_view name) : CLI::App(summary_of(name), "partnership " + std::string(name)) {
    // As before CLI11: ./dev run passes its own --data first, and one given after it wins.
    option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
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
