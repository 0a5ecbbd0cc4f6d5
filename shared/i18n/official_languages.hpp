#pragma once
// The languages a country's place names are officially written in: the facts the importer needs
// to pick a city's own name (München, Warszawa, Praha) from GeoNames' names by language, where
// GeoNames' main name is often an English exonym (Munich, Warsaw, Prague).

#include <string_view>
#include <vector>

namespace prd {

/// The ISO 639-1 codes of the official languages of place names in `country` (ISO 3166-1 alpha-2),
/// the main one first; where a country's regions differ, those of the region `admin1` (GeoNames'
/// first-level code): Flanders Dutch and Wallonia French (BE), the cantons (CH), Catalonia,
/// Valencia and the Balearic Islands Catalan, the Basque Country Basque, Galicia Galician (ES).
/// Empty for a country not in the table (most outside Europe). Montenegro's "cnr" (Montenegrin)
/// has no ISO 639-1 code and no catalogue, so it names no language any catalogue has.
std::vector<std::string_view> place_name_languages(std::string_view country, std::string_view admin1 = {});

}  // namespace prd
