#pragma once
// Ordering of names for people: Ukrainian alphabetical order (ґ after г, є after е,
// і ї after и), case-insensitive for Latin and Cyrillic. Not a full Unicode collation: other
// letters (ł, ü, ...) sort by code point after their plain Latin neighbours.

#include <cstdint>
#include <string>
#include <string_view>

namespace prd::web {

/// Lower case for Latin (incl. Latin-1 and Latin Extended-A) and Cyrillic; else unchanged.
char32_t fold_case(char32_t c);

/// A key whose byte order is the people's order of `text` (compare keys with <).
std::u32string sort_key(std::string_view text);

/// 2952301 -> "2 952 301" (uk, no-break spaces) or "2,952,301" (en).
std::string format_count(std::int64_t value, bool ukrainian);

}  // namespace prd::web
