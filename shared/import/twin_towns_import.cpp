// Twin-town pairs (Wikidata P190 for 25 EU countries, 2017; English Wikipedia lists) as twinning
// records. Each side is matched to a registry municipality by name, country and distance; a pair
// with a side that cannot be matched with confidence is reported and left out, never guessed.

#include <algorithm>
#include <cctype>

#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"

namespace prd::import {
namespace {

constexpr std::string_view k_wikidata_source = "Wikidata P190 (2017)";
constexpr std::string_view k_wikipedia_source = "English Wikipedia twin-town lists (2026)";

struct Side {
    std::string label;
    std::string country_label;
    std::optional<GeoPoint> point;
};

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// "Porcia, Friuli-Venezia Giulia" and "Frankfurt (Oder)" are also tried as "Porcia" and "Frankfurt".
std::vector<std::string> name_variants(std::string_view label) {
    std::vector<std::string> names{std::string(trim(label))};
    for (char cut : {',', '('}) {
        const auto at = label.find(cut);
        if (at != std::string_view::npos && at > 0) names.emplace_back(trim(label.substr(0, at)));
    }
    return names;
}

class TwinBuilder {
public:
    TwinBuilder(std::string_view country_info, RegistryDraft& draft, ImportReport& report, const ImportOptions& options,
                std::string_view source)
        : m_countries(country_info), m_draft(draft), m_report(report), m_options(options), m_source(source),
          m_matcher(draft, true, options.match_radius_km) {}

    void add(std::size_t line, const Side& a, const Side& b) {
        const std::string pair = a.label + " (" + a.country_label + ") – " + b.label + " (" + b.country_label + ")";
        const std::string country_a = m_countries.code(a.country_label);
        const std::string country_b = m_countries.code(b.country_label);
        if (country_a.empty() || country_b.empty()) {
            m_report.reject(line, "unknown country", pair);
            return;
        }
        if (m_options.excluded(country_a) || m_options.excluded(country_b)) {
            m_report.reject(line, "a side in Russia or Belarus (left out of the registry)", pair);
            return;
        }
        std::string id_a, id_b;
        if (!resolve(line, a, country_a, country_b, pair, id_a)) return;
        if (!resolve(line, b, country_b, country_a, pair, id_b)) return;
        if (id_a == id_b) {
            m_report.reject(line, "both sides matched the same municipality", pair);
            return;
        }
        promote(id_a);
        promote(id_b);
        // A Ukrainian party comes first; otherwise the order of the ids.
        const bool swap = country_b == "UA" ? country_a != "UA" || id_b < id_a : country_a != "UA" && id_b < id_a;
        if (swap) std::swap(id_a, id_b);
        const std::string low_a = lower(id_a), low_b = lower(id_b);
        const std::string id = "twin-" + std::min(low_a, low_b) + "-" + std::max(low_a, low_b);
        const auto existing = m_draft.partnerships.find(id);
        if (existing != m_draft.partnerships.end()) {
            Partnership& known = existing->second;
            if (known.source.find(m_source) == std::string::npos) {
                known.source += known.source.empty() ? "" : "; ";
                known.source += m_source;
                ++m_confirmed;
            } else {
                ++m_repeated;
            }
            return;
        }
        const Municipality& first = m_draft.municipalities.at(id_a);
        const Municipality& second = m_draft.municipalities.at(id_b);
        Partnership p;
        p.id = id;
        p.kind = PartnershipKind::twinning;
        p.status = PartnershipStatus::signed_;
        p.parties = {{id_a, ""}, {id_b, ""}};
        p.title.uk = "Міста-побратими: " + display_name(first, "uk") + " – " + display_name(second, "uk");
        p.title.en = "Twin towns: " + display_name(first, "en") + " – " + display_name(second, "en");
        p.source = std::string(m_source);
        p.revision = 0;
        p.updated_at = m_options.updated_at;
        m_draft.partnerships.emplace(id, std::move(p));
        ++m_report.records_made;
    }

    void finish() {
        if (m_confirmed) {
            m_report.notes.push_back(std::to_string(m_confirmed) + " pairs already known from another source (source added)");
        }
        if (m_repeated) m_report.notes.push_back(std::to_string(m_repeated) + " pairs listed twice in this source");
        if (m_promoted) {
            m_report.notes.push_back(std::to_string(m_promoted) +
                                     " cities outside Europe added as partners of Ukrainian communities");
        }
    }

private:
    bool resolve(std::size_t line, const Side& side, const std::string& country, const std::string& other_country,
                 const std::string& pair, std::string& id) {
        const MatchResult match = m_matcher.match({name_variants(side.label), country, side.point});
        switch (match.status) {
            case MatchResult::Status::matched:
                if (match.from_reserve && other_country != "UA") {
                    m_report.reject(line, "partner outside Europe (kept only for Ukrainian partnerships)", pair);
                    return false;
                }
                id = match.id;
                return true;
            case MatchResult::Status::ambiguous:
                m_report.ambiguity(line, "several municipalities of that name within the radius",
                                   pair + ": " + side.label + " -> " + match.detail);
                return false;
            case MatchResult::Status::too_far:
                m_report.reject(line, "name found in the country, but too far from the source's point",
                                pair + ": " + side.label + ", " + match.detail);
                return false;
            case MatchResult::Status::no_point:
                m_report.reject(line, "no coordinates to confirm the match", pair);
                return false;
            case MatchResult::Status::not_found:
                m_report.reject(line,
                                country == "UA" ? "no hromada centre of that name (Crimea, or the label differs)"
                                                : "no municipality of that name in the registry (e.g. under 15,000 people)",
                                pair + ": " + side.label);
                return false;
        }
        return false;
    }

    void promote(const std::string& id) {
        if (m_draft.municipalities.count(id)) return;
        const auto reserved = m_draft.reserve.find(id);
        if (reserved == m_draft.reserve.end()) return;
        m_draft.municipalities.emplace(id, reserved->second);  // the reserve copy stays: the matcher points at it
        ++m_promoted;
    }

    CountryNames m_countries;
    RegistryDraft& m_draft;
    ImportReport& m_report;
    const ImportOptions& m_options;
    std::string_view m_source;
    Matcher m_matcher;
    std::size_t m_confirmed = 0, m_repeated = 0, m_promoted = 0;
};

std::optional<GeoPoint> point(std::string_view lat, std::string_view lon) {
    const auto a = parse_number(lat), b = parse_number(lon);
    if (!a || !b) return std::nullopt;
    return GeoPoint{*a, *b};
}

}  // namespace

void import_twin_towns_wikidata(std::string_view text, std::string_view country_info, RegistryDraft& draft,
                                ImportReport& report, const ImportOptions& options) {
    report.source = "twin-towns-wikidata";
    const CsvTable table = parse_csv(text, {.delimiter = '\t', .quotes = false});
    const std::size_t origin = table.column("origincityLabel"), origin_country = table.column("origincountry"),
                      origin_lat = table.column("originlat"), origin_lon = table.column("originlong"),
                      sister = table.column("sistercityLabel"), sister_lat = table.column("destinationlat"),
                      sister_lon = table.column("destinationlong"),
                      sister_country = table.column("destination_countryLabel");
    TwinBuilder builder(country_info, draft, report, options, k_wikidata_source);
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        const Side a{std::string(trim(cell(row, origin))), std::string(trim(cell(row, origin_country))),
                     point(cell(row, origin_lat), cell(row, origin_lon))};
        const Side b{std::string(trim(cell(row, sister))), std::string(trim(cell(row, sister_country))),
                     point(cell(row, sister_lat), cell(row, sister_lon))};
        builder.add(row.line, a, b);
    }
    builder.finish();
}

void import_twin_towns_wikipedia(std::string_view text, std::string_view country_info, RegistryDraft& draft,
                                 ImportReport& report, const ImportOptions& options) {
    report.source = "twin-towns-wikipedia";
    const CsvTable table = parse_csv(text, {.delimiter = ','});
    const std::size_t city1 = table.column("city1"), country1 = table.column("country1"), lat1 = table.column("lat1"),
                      lng1 = table.column("lng1"), city2 = table.column("city2"), country2 = table.column("country2"),
                      lat2 = table.column("lat2"), lng2 = table.column("lng2");
    TwinBuilder builder(country_info, draft, report, options, k_wikipedia_source);
    std::size_t not_ukrainian = 0;
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        const Side a{std::string(trim(cell(row, city1))), std::string(trim(cell(row, country1))),
                     point(cell(row, lat1), cell(row, lng1))};
        const Side b{std::string(trim(cell(row, city2))), std::string(trim(cell(row, country2))),
                     point(cell(row, lat2), cell(row, lng2))};
        if (a.country_label != "Ukraine" && b.country_label != "Ukraine") {
            ++not_ukrainian;
            continue;
        }
        builder.add(row.line, a, b);
    }
    builder.finish();
    report.notes.push_back(std::to_string(not_ukrainian) + " pairs without a Ukrainian side skipped (by design)");
}

}  // namespace prd::import
