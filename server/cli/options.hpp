#pragma once
// Small helpers for reading --flag VALUE options, shared by the subcommands.

#include <cstdint>
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

/// `text` as a whole number from `min` to `max`, written in full ("5abc", "-1", "1e3" are refused).
/// Throws UsageError naming the option.
std::uint64_t whole_number(const std::string& name, const std::string& text, std::uint64_t min, std::uint64_t max);

}  // namespace prd::cli
