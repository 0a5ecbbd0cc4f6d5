#pragma once
// Small helpers for reading --flag VALUE options, shared by the subcommands.

#include <optional>
#include <stdexcept>
#include <string>

#include "cli/commands.hpp"

namespace prd::cli {

/// Bad command-line usage; the message names the option and what it needs.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Reads "--name VALUE" or "--name=VALUE" at args[i] (advancing i past the value) or nothing
/// when args[i] is another option. Throws UsageError when the value is missing.
std::optional<std::string> option_value(const Args& args, std::size_t& i, const std::string& name);

}  // namespace prd::cli
