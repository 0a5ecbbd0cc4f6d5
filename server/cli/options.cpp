#include "cli/options.hpp"

namespace prd::cli {

std::optional<std::string> option_value(const Args& args, std::size_t& i, const std::string& name) {
    const std::string& arg = args[i];
    if (arg == name) {
        if (i + 1 >= args.size()) throw UsageError(name + " needs a value");
        return args[++i];
    }
    if (arg.size() > name.size() + 1 && arg.compare(0, name.size(), name) == 0 && arg[name.size()] == '=')
        return arg.substr(name.size() + 1);
    return std::nullopt;
}

std::uint64_t whole_number(const std::string& name, const std::string& text, std::uint64_t min, std::uint64_t max) {
    std::uint64_t value = 0;
    bool ok = !text.empty() && text.size() <= 19;
    for (const char c : text) {
        if (c < '0' || c > '9')
            ok = false;
        else
            value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (!ok || value < min || value > max)
        throw UsageError(name + ": expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                         ", got \"" + text + "\"");
    return value;
}

}  // namespace prd::cli
