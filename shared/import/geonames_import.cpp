// geonames-cities15000: GeoNames cities with more than 15,000 people. European cities become
// foreign municipalities with id "<ISO2>-<geonameid>" (the ids the seed uses), cities elsewhere
// wait in the reserve for a Ukrainian partnership, and Ukrainian entries lend their spellings
// (Kiev, Lwów, Lemberg, Kharkov, Odessa) to the hromada whose centre they are.

#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"

namespace prd::import {
namespace {

// GeoNames columns (cities15000.txt has no header; europe_cities15000.csv names the same columns).
enum Column : std::size_t {
    k_id = 0, k_name = 1, k_ascii = 2, k_alternates = 3, k_lat = 4, k_lon = 5, k_feature_code = 7,
    k_country = 8, k_population = 14,
};

// Sections of a city, historical and abandoned places: not municipalities.
bool is_municipality_feature(std::string_view code) {
    return code != "PPLX" && code != "PPLH" && code != "PPLQ" && code != "PPLW" && code != "PPLCH";
}

// GeoNames gives alternate names without language tags. A Cyrillic name with a letter only
// Ukrainian uses (і ї є ґ) and none Ukrainian lacks is very likely the Ukrainian one; it is kept
// as a searchable alias, never as names.uk, since Belarusian forms can pass the same test.
bool looks_ukrainian(std::string_view name) {
    static constexpr std::string_view k_ukrainian_only[] = {"і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ"};
    static constexpr std::string_view k_not_ukrainian[] = {"ы", "э", "ъ", "ё", "ў", "Ы", "Э", "Ъ", "Ё", "Ў"};
    bool has_ukrainian = false;
    for (std::string_view letter : k_ukrainian_only) has_ukrainian = has_ukrainian || name.find(letter) != name.npos;
    if (!has_ukrainian) return false;
    for (std::string_view letter : k_not_ukrainian) {
        if (name.find(letter) != name.npos) return false;
    }
    // Only Cyrillic letters of the Ukrainian alphabet, spaces, hyphens and apostrophes.
    std::size_t i = 0;
    while (i < name.size()) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c == ' ' || c == '-' || c == '\'') {
            ++i;
        } else if (c == 0xD0 || c == 0xD1 || c == 0xD2) {
            i += 2;
        } else if (name.compare(i, 3, "’") == 0) {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

// Whether an alternate name is fit to show as an alias of a Ukrainian hromada: a proper name in
// Latin letters or the Russian/Ukrainian Cyrillic alphabet, each word capitalised, not an airport
// code ("IEV"), a romanisation of another script ("ji fu") or a grammatical form ("Kiev osh").
bool is_alias_worthy(std::string_view name) {
    if (name.size() < 3 || name.size() > 40 || !is_latin_or_cyrillic(name)) return false;
    bool upper_ascii_only = true;
    bool word_start = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c >= '0' && c <= '9') return false;
        if (!(c >= 'A' && c <= 'Z')) upper_ascii_only = false;
        if (c == ' ') {
            word_start = true;
            continue;
        }
        if (c == 0xD3 || c == 0xD4) return false;  // Cyrillic letters of other languages (ӳ, ԥ)
        if (word_start) {
            const unsigned char next = i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
            const bool capital = (c >= 'A' && c <= 'Z') || (c == 0xC3 && next >= 0x80 && next <= 0x9E) ||
                                 (c == 0xC4 || c == 0xC5) ||  // Latin Extended-A: capitals and small alike
                                 (c == 0xD0 && next >= 0x80 && next <= 0xAF) || (c == 0xD2 && next == 0x90);
            if (!capital) return false;
            word_start = false;
        }
    }
    return !upper_ascii_only;
}

// A record an import completed gets a new revision and time (see number_changed_records).
void mark_changed(Municipality& record, const ImportOptions& options) {
    record.revision = 0;
    record.updated_at = options.updated_at;
}

struct City {
    std::size_t line;
    std::string id, country, name, ascii;
    std::vector<std::string> alternates;
    GeoPoint point;
    std::optional<std::int64_t> population;
};

}  // namespace

void import_geonames(std::string_view cities, std::string_view country_info, RegistryDraft& draft,
                     ImportReport& report, const ImportOptions& options) {
    report.source = "geonames";
    const CountryNames countries(country_info);
    const bool with_header = cities.substr(0, 9) == "geonameid";
    const CsvTable table = parse_csv(cities, with_header ? CsvOptions{.delimiter = ','}
                                                         : CsvOptions{.delimiter = '\t', .quotes = false, .header = false});
    // Ukrainian entries are matched against the hromadas as they stand before this import.
    const Matcher ukrainian(draft, false, options.match_radius_km);
    std::size_t ukrainian_matched = 0, reserved = 0;
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        City city;
        city.line = row.line;
        city.country = std::string(trim(cell(row, k_country)));
        city.id = city.country + "-" + std::string(trim(cell(row, k_id)));
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
        m.names.en = city.name;
        m.names.native = city.name;
        m.location = city.point;
        m.population = city.population;
        m.languages = countries.languages(city.country);
        m.revision = 0;
        m.updated_at = options.updated_at;
        std::size_t ukrainian_forms = 0;
        for (const std::string& alternate : city.alternates) {
            if (ukrainian_forms < 2 && looks_ukrainian(alternate) && RegistryDraft::add_alias(m, alternate)) {
                ++ukrainian_forms;
            }
        }
        std::vector<std::string> names = city.alternates;
        names.push_back(city.ascii);
        draft.match_names[m.id] = std::move(names);

        if (!countries.in_europe(city.country)) {
            draft.reserve.emplace(m.id, std::move(m));
            ++reserved;
            continue;
        }
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
        if (known.names.native.empty()) known.names.native = m.names.native;
        if (!known.location) known.location = m.location;
        if (!known.population) known.population = m.population;
        if (known.languages.empty()) known.languages = m.languages;
        if (changed || !(before == known)) mark_changed(known, options);
        ++report.records_updated;
    }
    report.notes.push_back(std::to_string(ukrainian_matched) + " Ukrainian entries matched to hromadas (aliases added)");
    report.notes.push_back(std::to_string(reserved) +
                           " cities outside Europe held in reserve for partnerships of Ukrainian communities");
}

}  // namespace prd::import
