#pragma once
// GeoNames' city names by language (../shared/data/geonames-localized-names: one .mo catalogue per
// language, keyed by geonameid), and the rules that pick a city's names from them: names.native in
// the language of the country's (or region's) place names, names.uk and names.en, the rest aliases.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "import/mo_catalog.hpp"

namespace prd::import {

/// The catalogues, by ISO 639-1 language code.
struct LocalizedNames {
    std::map<std::string, MoCatalog, std::less<>> catalogues;

    /// The city's name in `language`, or nullptr.
    const std::string* find(std::string_view language, std::string_view geonameid) const;
    std::size_t name_count() const;
};

/// Every <language>.mo of the folder (other files are ignored). Throws std::runtime_error naming
/// the folder when it cannot be listed or holds no catalogue, and naming the file (MoError's
/// message after it) for a catalogue that cannot be read.
LocalizedNames read_localized_names(const std::string& dir);

/// Why a catalogue's name did not replace GeoNames' one.
enum class NameVerdict {
    taken,      ///< the catalogue's name is used
    same,       ///< it is GeoNames' name already (but for case and hyphens), or that of another official language
    no_name,    ///< the catalogue has none for this city (or the country is not in the table)
    qualified,  ///< it holds a qualifier or a second name: "Brussel (Ukkel)", "Zerbst/Anhalt"
    script,     ///< written in a script the app's font lacks (Greek, Georgian, Armenian) or the wrong one
    longer_or_shorter,  ///< it only adds or drops words: "Wangen im Allgäu", "Glostrup Kommune", "Thornaby"
    plainer,            ///< the same name with fewer diacritics: "Krakow" for Kraków, "Malmo" for Malmö
    overruled,          ///< the exceptions table says it is not the city's name: "Flushing" for Vlissingen
    cyrillic,           ///< (names.native) GeoNames' Serbian Cyrillic spelling of the Latin name is used:
                        ///< "Београд" for the catalogue's "Beograd"
};

/// What the catalogues make of one city.
struct CityNames {
    std::string native;  ///< names.native: the catalogue's name in the place-name language, or GeoNames' name
    std::string en;      ///< names.en: en.mo's name, or GeoNames' name
    std::string uk;      ///< names.uk: uk.mo's name (Cyrillic), or empty
    NameVerdict native_verdict = NameVerdict::no_name;
    NameVerdict en_verdict = NameVerdict::no_name;
    std::vector<std::string> others;  ///< every catalogue's name not used above, by language code
};

/// The names of the city `geonameid` in `country` (region `admin1`), whose GeoNames name is
/// `geonames_name` and alternate names `alternates`. names.native comes from the first language
/// prd::place_name_languages lists, unless GeoNames' name already is the name in one of the
/// official languages; a catalogue's name replaces GeoNames' only when it is a plain name in the
/// Latin or Cyrillic script (the app's font), with no qualifier, not merely GeoNames' name with
/// words added or dropped, and not listed in the exceptions table (import/name_exceptions.hpp).
/// The Albanian catalogue (definite forms: Durrësi) is never a source of names.native.
/// Where English is the language of place names, names.native is names.en. Where Serbian is, it
/// is written in Cyrillic: a Latin name gives way to the alternate name that spells it letter for
/// letter in Serbian Cyrillic (Beograd: Београд); with none, the Latin name stays.
CityNames localized_city_names(const LocalizedNames& names, std::string_view geonameid, std::string_view country,
                               std::string_view admin1, std::string_view geonames_name,
                               const std::vector<std::string>& alternates = {});

}  // namespace prd::import
