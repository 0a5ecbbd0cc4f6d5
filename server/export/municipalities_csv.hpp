#pragma once
// partnership export --format csv: one row per municipality, safe to open in a spreadsheet.

#include <ostream>

#include "registry/registry.hpp"

namespace prd::server {

/// Writes the header row and one row per municipality (numbers as numbers, text through the
/// core's import::csv_text_cell, which neutralises formulas).
void write_municipalities_csv(const Registry& registry, std::ostream& out);

}  // namespace prd::server
