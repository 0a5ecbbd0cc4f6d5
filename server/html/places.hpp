#pragma once
// Place names for the text version: countries by ISO 3166-1 code and Ukraine's oblasts, in
// Ukrainian and English. The registry stores codes and the Ukrainian oblast names; these are
// what a person reads instead.

#include <string>
#include <string_view>

#include "html/labels.hpp"

namespace prd::server::html {

/// "PL" -> "Польща" / "Poland". An unknown code is returned as it is.
std::string_view country_name(std::string_view code, Lang lang);

/// An oblast (or region) as stored -> its name in the language: "Львівська область" -> "Lviv Oblast".
/// Other Ukrainian text is transliterated officially ("Львівський район" -> "Lvivskyi raion");
/// other text (a foreign region) is returned as it is.
std::string region_name(std::string_view stored, Lang lang);

/// A key that sorts names in the language's alphabetical order (Ukrainian: ґ after г, є after е,
/// і and ї after и), comparing case-insensitively enough for lists of place names.
std::u32string sort_key(std::string_view text, Lang lang);

}  // namespace prd::server::html
