#pragma once
// Text and geometry helpers the importers share: name folding for matching, UTF-8 checks, and
// great-circle distance. Matching only; nothing here changes how a name is stored or shown.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.hpp"

namespace prd::import {

/// The form two names are compared in: lower case, Latin diacritics removed (Kraków -> krakow,
/// Łódź -> lodz, Straße -> strasse), Cyrillic lower-cased (Львів -> львів), apostrophes dropped
/// (Kam'ianets, Кам’янець), and hyphens, dots, commas and runs of spaces turned into one space.
/// With keep_diacritics, only case, apostrophes and separators are folded (Lwów and Lwow differ).
std::string fold_name(std::string_view text, bool keep_diacritics = false);

/// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view text);

/// Splits on one character; empty pieces are kept.
std::vector<std::string_view> split(std::string_view text, char separator);

/// True when every letter of the text is Latin or Cyrillic (digits, spaces and punctuation allowed).
bool is_latin_or_cyrillic(std::string_view text);
/// True when the text holds at least one Cyrillic letter.
bool has_cyrillic(std::string_view text);

/// Great-circle distance in kilometres.
double distance_km(const GeoPoint& a, const GeoPoint& b);

/// x rounded to `decimals` decimal places (so the JSON stays short).
double round_to(double x, int decimals);

/// Parses a decimal number; nothing for empty text, "NA" or anything that is not wholly a number.
std::optional<double> parse_number(std::string_view text);
/// Parses an integer written plainly or as a whole decimal/exponent ("9361", "2.547e+09").
std::optional<long long> parse_integer(std::string_view text);

}  // namespace prd::import
