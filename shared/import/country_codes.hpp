#pragma once
// ISO 3166-1 numeric codes and their alpha-2 and alpha-3 forms, for sources that name countries by
// number (TopoJSON world-atlas writes "804" for Ukraine).

#include <string_view>

namespace prd::import {

struct CountryCodes {
    std::string_view numeric;  ///< three digits, e.g. "804"
    std::string_view alpha2;   ///< e.g. "UA"
    std::string_view alpha3;   ///< e.g. "UKR"
};

/// The country with this ISO 3166-1 numeric code ("804", three digits), or nullptr when ISO
/// 3166-1 has none.
const CountryCodes* country_by_numeric(std::string_view numeric);

}  // namespace prd::import
