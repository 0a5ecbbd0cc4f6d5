#pragma once
// Names GeoNames' catalogues give that are not the city's name in their language, though
// localized_city_names' rules would take them: an exonym English no longer uses (Flushing for
// Vlissingen), a contested name where GeoNames has chosen the other (Londonderry for Derry).

#include <string_view>

namespace prd::import {

/// True when `name`, the catalogue `language`'s name (ISO 639-1) of the city `geonameid`, is listed
/// as not being its name in that language. An entry names the name itself, so it lapses by itself
/// should the catalogue change.
bool is_name_exception(std::string_view language, std::string_view geonameid, std::string_view name);

}  // namespace prd::import
