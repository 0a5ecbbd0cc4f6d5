#pragma once
// The importers that turn the public datasets (../shared/data, each with a SOURCE.md) into
// registry records. Each reads the text of one file, adds to or completes a RegistryDraft, and
// fills an ImportReport. They never guess: a row that cannot be used, or a place that cannot be
// matched with confidence, is reported with the reason. Throws CsvError when a file is not the
// expected table at all (a missing column).

#include <map>
#include <string>
#include <string_view>

#include "import/draft.hpp"
#include "import/localized_names.hpp"
#include "import/report.hpp"

namespace prd::import {

/// One unit of the KATOTTG codifier.
struct CodifierUnit {
    char category = 0;  ///< O oblast, K special-status city, P raion, H hromada, M/X/C settlement, B city district
    std::string name;   ///< trimmed
    std::string oblast, raion, hromada;  ///< the codes of the levels above (empty where none)
};

struct Codifier {
    std::map<std::string, CodifierUnit, std::less<>> units;  ///< by the unit's own (deepest) code
    const CodifierUnit* find(std::string_view code) const;
};

/// ua-katottg/kodifikator-*.csv (';'-separated).
Codifier import_katottg(std::string_view text, ImportReport& report);

/// Every Ukrainian municipality of the draft checked against the codifier: a hromada must be a
/// category H unit of the oblast and raion it names, Kyiv category K. Problems are rejections.
void check_against_codifier(const RegistryDraft& draft, const Codifier& codifier, ImportReport& report);

/// ua-hromadas/full_dataset.csv: one hromada per row, plus Kyiv city when the draft lacks it.
/// With a non-empty codifier every code is checked and a row whose code it lacks is rejected.
void import_hromadas(std::string_view text, const Codifier& codifier, RegistryDraft& draft, ImportReport& report,
                     const ImportOptions& options = {});

/// "Lvivska" + city_hromada -> "Lvivska city hromada": a hromada's English name.
std::string hromada_english_name(std::string_view adjective, MunicipalityKind kind);

/// ua-hromadas-ocha-names/hromadas_adm3_ocha.csv: English names for the hromadas already in the
/// draft (joined on the first 9 characters of the code). A hromada renamed since 2023 keeps its
/// transliterated name.
void import_ocha_names(std::string_view text, RegistryDraft& draft, ImportReport& report);

/// geonames-cities15000: cities15000.txt (or europe_cities15000.csv) with countryInfo.tsv, and
/// GeoNames' names by language (geonames-localized-names; may be empty).
/// European cities become foreign municipalities (an id already in the draft, e.g. a seed city,
/// is completed, never overwritten); cities elsewhere go to the reserve; Ukrainian entries are
/// matched to their hromada centre and give it their spellings as aliases. A foreign city's
/// names.native, names.en and names.uk come from the catalogues by localized_city_names' rules
/// (München, not Munich), its other names become aliases; the report counts what each gave.
void import_geonames(std::string_view cities, std::string_view country_info, const LocalizedNames& localized,
                     RegistryDraft& draft, ImportReport& report, const ImportOptions& options = {});

/// twin-towns-wikidata-eu/sistercities_wikidata_eu25.tsv: twinnings between matched municipalities.
void import_twin_towns_wikidata(std::string_view text, std::string_view country_info, RegistryDraft& draft,
                                ImportReport& report, const ImportOptions& options = {});

/// twin-towns-wikipedia/twin_cities.csv: the pairs with a Ukrainian side, as twinnings.
void import_twin_towns_wikipedia(std::string_view text, std::string_view country_info, RegistryDraft& draft,
                                 ImportReport& report, const ImportOptions& options = {});

/// ua-hromada-cooperation/partnerships-all-settlements.csv: one inter-municipal cooperation
/// agreement per register number, between the hromadas of its participating councils.
void import_cooperation(std::string_view text, RegistryDraft& draft, ImportReport& report,
                        const ImportOptions& options = {});

/// Country name (English, as GeoNames, Wikidata or Wikipedia write it) -> ISO 3166-1 alpha-2.
class CountryNames {
public:
    explicit CountryNames(std::string_view country_info);
    /// "Czech Republic", "England, United Kingdom", "Georgia (country)" -> CZ, GB, GE; "" if unknown.
    std::string code(std::string_view name) const;
    /// True for a country GeoNames puts in Europe (continent EU).
    bool in_europe(std::string_view code) const;
    /// The country's ISO 639-1 languages, in GeoNames' order.
    std::vector<std::string> languages(std::string_view code) const;

private:
    std::map<std::string, std::string, std::less<>> m_by_name;
    std::map<std::string, std::string, std::less<>> m_continent;
    std::map<std::string, std::vector<std::string>, std::less<>> m_languages;
};

}  // namespace prd::import
