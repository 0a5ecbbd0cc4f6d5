#pragma once
// Country names for people, in Ukrainian and English, for the countries the registry holds.

#include <string_view>

#include "app/ui_text.hpp"

namespace prd::web {

/// "Польща" / "Poland" for "PL"; the code itself for a country not in the list.
std::string_view country_name(std::string_view code, Lang lang);

}  // namespace prd::web
