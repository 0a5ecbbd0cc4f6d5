#pragma once
// Country names for people, in Ukrainian and English, by ISO 3166-1 alpha-2 code: every country
// of the registry and the rest of Europe.

#include <string_view>

namespace prd {

/// "PL" -> "Польща" (lang "uk") / "Poland" (anything else). An unknown code is returned as it is.
std::string_view country_name(std::string_view code, std::string_view lang);

}  // namespace prd
