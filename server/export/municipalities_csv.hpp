#pragma once
// partnership export --format csv: one row per municipality, safe to open in a spreadsheet.

#include <ostream>
#include <string>
#include <string_view>

#include "registry/registry.hpp"

namespace prd::server {

/// One CSV cell holding text (RFC 4180 quoting). Text a spreadsheet would run as a formula (it
/// begins with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, as OWASP
/// advises, so an editor's municipality name cannot run anything on a reader's machine.
std::string csv_text_cell(std::string_view text);

/// Writes the header row and one row per municipality (numbers as numbers, text through
/// csv_text_cell).
void write_municipalities_csv(const Registry& registry, std::ostream& out);

}  // namespace prd::server
