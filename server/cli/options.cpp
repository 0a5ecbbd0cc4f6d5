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

}  // namespace prd::cli
