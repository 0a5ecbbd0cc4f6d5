#pragma once
// Country names for people, in Ukrainian and English, by ISO 3166-1 alpha-2 code: every country
// of the registry and the rest of Europe. And Ukraine's oblasts: the registry stores their
// Ukrainian names, these are what an English reader reads instead.

#include <string>
#include <string_view>

namespace prd {

/// "PL" -> "Польща" (lang "uk") / "Poland" (anything else). An unknown code is returned as it is.
std::string_view country_name(std::string_view code, std::string_view lang);

/// An oblast (or region) as stored -> its name in the language ("uk", or English for anything
/// else): "Львівська область" -> "Lviv Oblast". Other Ukrainian text is transliterated officially
/// ("Львівський район" -> "Lvivskyi raion"); other text (a foreign region) is returned as it is.
std::string region_name(std::string_view stored, std::string_view lang);

}  // namespace prd
