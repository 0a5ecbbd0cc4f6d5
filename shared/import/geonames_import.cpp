// geonames-cities15000: GeoNames cities with more than 15,000 people. European cities become
// foreign municipalities with id "<ISO2>-<geonameid>" (the ids the seed uses), cities elsewhere
// wait in the reserve for a Ukrainian partnership, and Ukrainian entries lend their spellings
// (Kiev, Lwów, Lemberg, Kharkov, Odessa) to the hromada whose centre they are. Foreign cities keep
// their Latin and Cyrillic alternate names as aliases (Cracow, München, Мюнхен), filtered.

#include <map>

#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"

namespace prd::import {
namespace {

// GeoNames columns (cities15000.txt has no header; europe_cities15000.csv names the same columns).
enum Column : std::size_t {
    k_id = 0,
    k_name = 1,
    k_ascii = 2,
    k_alternates = 3,
    k_lat = 4,
    k_lon = 5,
    k_feature_code = 7,
    k_country = 8,
    k_admin1 = 10,
    k_population = 14,
};

// Sections of a city, historical and abandoned places: not municipalities.
bool is_municipality_feature(std::string_view code) {
    return code != "PPLX" && code != "PPLH" && code != "PPLQ" && code != "PPLW" && code != "PPLCH";
}

// A record an import completed gets a new revision and time (see number_changed_records).
void mark_changed(Municipality& record, const ImportOptions& options) {
    record.revision = 0;
    record.updated_at = options.updated_at;
}

struct City {
    std::size_t line;
    std::string geonameid, id, country, admin1, name, ascii;
    std::vector<std::string> alternates;
    GeoPoint point;
    std::optional<std::int64_t> population;
};

// What the localized names gave the European cities, for the report.
struct LocalizedCoverage {
    std::size_t cities = 0, uk = 0, en = 0, native = 0, native_same = 0, cyrillic = 0, overruled = 0;
    std::map<NameVerdict, std::size_t> native_refused;

    void count(const CityNames& names) {
        ++cities;
        uk += !names.uk.empty();
        en += names.en_verdict == NameVerdict::taken;
        native += names.native_verdict == NameVerdict::taken;
        native_same += names.native_verdict == NameVerdict::same;
        cyrillic += names.native_verdict == NameVerdict::cyrillic;
        overruled += names.en_verdict == NameVerdict::overruled || names.native_verdict == NameVerdict::overruled;
        if (names.native_verdict != NameVerdict::taken && names.native_verdict != NameVerdict::same &&
            names.native_verdict != NameVerdict::no_name && names.native_verdict != NameVerdict::cyrillic) {
            ++native_refused[names.native_verdict];
        }
    }

    void report(const LocalizedNames& localized, ImportReport& out) const {
        const auto of = [this](std::size_t n) { return std::to_string(n) + " of " + std::to_string(cities); };
        out.notes.push_back("localized names: " + std::to_string(localized.catalogues.size()) + " catalogues, " +
                            std::to_string(localized.name_count()) + " names");
        out.notes.push_back("names.uk from the Ukrainian catalogue for " + of(uk) + " European cities");
        out.notes.push_back("names.native from the country's language for " + of(native) +
                            " European cities (GeoNames' name was that already for " + std::to_string(native_same) +
                            ")");
        out.notes.push_back("names.en from the English catalogue for " + of(en) +
                            " European cities (GeoNames' name for the others)");
        out.notes.push_back("names.native in Serbian Cyrillic from GeoNames' alternate names for " +
                            std::to_string(cyrillic) + " Serbian cities named in Latin (Beograd -> Београд)");
        out.notes.push_back(std::to_string(overruled) +
                            " European cities with a catalogue name overruled by the exceptions table (Flushing for "
                            "Vlissingen)");
        const auto refused = [this](NameVerdict verdict) {
            const auto it = native_refused.find(verdict);
            return std::to_string(it == native_refused.end() ? 0 : it->second);
        };
        out.notes.push_back("catalogue names kept from names.native: " + refused(NameVerdict::qualified) +
                            " with a qualifier or a second name (Brussel (Ukkel)), " + refused(NameVerdict::script) +
                            " in a script the app's font lacks (Greek), " + refused(NameVerdict::longer_or_shorter) +
                            " only adding or dropping words (Wangen im Allgäu), " + refused(NameVerdict::plainer) +
                            " with fewer diacritics (Krakow)");
    }
};

}  // namespace

void import_geonames(std::string_view cities, std::string_view country_info, const LocalizedNames& localized,
                     RegistryDraft& draft, ImportReport& report, const ImportOptions& options) {
    report.source = "geonames";
    const CountryNames countries(country_info);
    const bool with_header = cities.substr(0, 9) == "geonameid";
    const CsvTable table = parse_csv(cities, with_header ? CsvOptions{.delimiter = ','}
                                                         : CsvOptions{.delimiter = '\t', .quotes = false, .header = false});
    // Ukrainian entries are matched against the hromadas as they stand before this import.
    const Matcher ukrainian(draft, false, options.match_radius_km);
    std::size_t ukrainian_matched = 0, reserved = 0, native_spellings = 0;
    LocalizedCoverage coverage;
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        City city;
        city.line = row.line;
        city.country = std::string(trim(cell(row, k_country)));
        city.geonameid = std::string(trim(cell(row, k_id)));
        city.id = city.country + "-" + city.geonameid;
        city.admin1 = std::string(trim(cell(row, k_admin1)));
        city.name = std::string(trim(cell(row, k_name)));
        city.ascii = std::string(trim(cell(row, k_ascii)));
        const auto lat = parse_number(cell(row, k_lat)), lon = parse_number(cell(row, k_lon));
        if (city.country.size() != 2 || city.name.empty() || !lat || !lon) {
            report.reject(row.line, "incomplete row (country, name or coordinates)", city.id);
            continue;
        }
        if (options.excluded(city.country)) {
            report.reject(row.line, "country left out of the registry (Russia, Belarus)", city.name + " (" + city.country + ")");
            continue;
        }
        if (!is_municipality_feature(trim(cell(row, k_feature_code)))) {
            report.reject(row.line, "a section of a city or a historical place, not a municipality",
                          city.name + " (" + city.country + ", " + std::string(cell(row, k_feature_code)) + ")");
            continue;
        }
        city.point = GeoPoint{round_to(*lat, 5), round_to(*lon, 5)};
        if (const auto population = parse_integer(cell(row, k_population)); population && *population > 0) {
            city.population = *population;
        }
        for (std::string_view alternate : split(cell(row, k_alternates), ',')) {
            alternate = trim(alternate);
            if (!alternate.empty()) city.alternates.emplace_back(alternate);
        }

        if (city.country == "UA") {
            MatchQuery query{{city.name, city.ascii}, "UA", city.point};
            query.names.insert(query.names.end(), city.alternates.begin(), city.alternates.end());
            const MatchResult match = ukrainian.match(query);
            if (match.status == MatchResult::Status::ambiguous) {
                report.ambiguity(row.line, "several hromada centres of that name nearby", city.name + ": " + match.detail);
                continue;
            }
            if (match.status != MatchResult::Status::matched) {
                report.reject(row.line,
                              match.status == MatchResult::Status::too_far
                                  ? "a hromada centre of that name lies too far"
                                  : "no hromada centre of that name (Crimea, Sevastopol or a city section)",
                              city.name + (match.detail.empty() ? "" : ": " + match.detail));
                continue;
            }
            Municipality& hromada = draft.municipalities.at(match.id);
            bool changed = false;
            for (const std::string* name : {&city.name, &city.ascii}) changed |= RegistryDraft::add_alias(hromada, *name);
            for (const std::string& alternate : city.alternates) {
                if (is_alias_worthy(alternate)) changed |= RegistryDraft::add_alias(hromada, alternate);
            }
            if (changed) mark_changed(hromada, options);
            ++ukrainian_matched;
            ++report.records_updated;
            continue;
        }

        Municipality m;
        m.id = city.id;
        m.kind = MunicipalityKind::foreign_municipality;
        m.country = city.country;
        const CityNames localized_names =
            localized_city_names(localized, city.geonameid, city.country, city.admin1, city.name, city.alternates);
        m.names.en = localized_names.en;
        m.names.uk = localized_names.uk;
        m.languages = countries.languages(city.country);
        if (localized_names.native_verdict == NameVerdict::taken ||
            localized_names.native_verdict == NameVerdict::cyrillic) {
            m.names.native = localized_names.native;
        } else {
            // GeoNames' name is at times the plain ASCII one; the spelling with diacritics is the native.
            const std::string_view language = m.languages.empty() ? std::string_view() : m.languages.front();
            m.names.native = diacritic_form(city.name, city.alternates, language).value_or(city.name);
            native_spellings += m.names.native != city.name;
        }
        m.location = city.point;
        m.population = city.population;
        m.revision = 0;
        m.updated_at = options.updated_at;
        m.extra["source"] = "GeoNames cities15000";
        // The spellings people type: other languages' names (Cracow, Monachium, Varsovie), GeoNames'
        // own name among them where the catalogues replaced it (Munich stays as names.en).
        std::vector<std::string> spellings = {city.name};
        spellings.insert(spellings.end(), city.alternates.begin(), city.alternates.end());
        spellings.insert(spellings.end(), localized_names.others.begin(), localized_names.others.end());
        for (const std::string& alias :
             foreign_aliases({m.names.native, m.names.en, m.names.uk, city.ascii}, spellings)) {
            RegistryDraft::add_alias(m, alias);
        }
        std::vector<std::string> names = city.alternates;
        names.push_back(city.ascii);
        draft.match_names[m.id] = std::move(names);

        if (!countries.in_europe(city.country)) {
            draft.reserve.emplace(m.id, std::move(m));
            ++reserved;
            continue;
        }
        coverage.count(localized_names);
        const auto existing = draft.municipalities.find(m.id);
        if (existing == draft.municipalities.end()) {
            draft.municipalities.emplace(m.id, std::move(m));
            ++report.records_made;
            continue;
        }
        // Already there (a seed city): its hand-written fields stay; GeoNames fills the gaps.
        Municipality& known = existing->second;
        bool changed = false;
        for (const std::string& alias : m.aliases) changed |= RegistryDraft::add_alias(known, alias);
        const Municipality before = known;
        if (known.names.en.empty()) known.names.en = m.names.en;
        if (known.names.uk.empty()) known.names.uk = m.names.uk;
        if (known.names.native.empty()) known.names.native = m.names.native;
        // The hand-written names stay; the catalogues' (Bruxelles, Брюсель) are spellings to find.
        for (const std::string* name : {&m.names.native, &m.names.uk, &m.names.en}) {
            if (!name->empty()) changed |= RegistryDraft::add_alias(known, *name);
        }
        if (!known.location) known.location = m.location;
        if (!known.population) known.population = m.population;
        if (known.languages.empty()) known.languages = m.languages;
        if (changed || !(before == known)) mark_changed(known, options);
        ++report.records_updated;
    }
    report.notes.push_back(std::to_string(ukrainian_matched) + " Ukrainian entries matched to hromadas (aliases added)");
    report.notes.push_back(std::to_string(native_spellings) +
                           " cities named in plain ASCII given their native spelling as names.native (Krakow -> Kraków)");
    report.notes.push_back(std::to_string(reserved) +
                           " cities outside Europe held in reserve for partnerships of Ukrainian communities");
    coverage.report(localized, report);
}

}  // namespace prd::import
