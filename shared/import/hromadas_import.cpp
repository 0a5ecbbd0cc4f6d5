// ua-hromadas/full_dataset.csv (KSE): the 1,469 hromadas outside Crimea and Sevastopol, plus Kyiv.
// Takes the code, names, type, oblast, raion, centre, area, 2022 population and three frontline
// indicators; the ~90 budget, election and survey columns are left out.

#include <cmath>

#include "i18n/translit.hpp"
#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"
#include "validation/validate.hpp"

namespace prd::import {
namespace {

constexpr std::string_view k_kyiv_id = "UA80000000000093317";

struct Columns {
    std::size_t code, name, raion, oblast_code, oblast, type, centre_code, centre, lat, lon, area, population,
        to_russia_or_belarus, to_russia, occupied;
    explicit Columns(const CsvTable& t)
        : code(t.column("hromada_code")), name(t.column("hromada_name")), raion(t.column("raion_name")),
          oblast_code(t.column("oblast_code")), oblast(t.column("oblast_name")), type(t.column("type")),
          centre_code(t.column("hromada_center_code")), centre(t.column("hromada_center")),
          lat(t.column("lat_center")), lon(t.column("lon_center")), area(t.column("square")),
          population(t.column("total_popultaion_2022")),  // sic, the source's spelling
          to_russia_or_belarus(t.column("distance_to_russia_belarus")), to_russia(t.column("distance_to_russia")),
          occupied(t.column("occipied_before_2022")) {}  // sic
};

std::optional<MunicipalityKind> kind_of(std::string_view type) {
    if (type == "міська") return MunicipalityKind::city_hromada;
    if (type == "селищна") return MunicipalityKind::settlement_hromada;
    if (type == "сільська") return MunicipalityKind::village_hromada;
    return std::nullopt;
}

std::string english_kind(MunicipalityKind kind) {
    switch (kind) {
        case MunicipalityKind::city_hromada: return "city hromada";
        case MunicipalityKind::settlement_hromada: return "settlement hromada";
        default: return "village hromada";
    }
}

std::string ukrainian_kind(MunicipalityKind kind) {
    switch (kind) {
        case MunicipalityKind::city_hromada: return "міська громада";
        case MunicipalityKind::settlement_hromada: return "селищна громада";
        default: return "сільська громада";
    }
}

// Kyiv is not a row of the dataset (category K); this is the record made when no seed gives one.
Municipality kyiv_record(const Codifier& codifier, const ImportOptions& options) {
    Municipality kyiv;
    kyiv.id = std::string(k_kyiv_id);
    kyiv.kind = MunicipalityKind::special_status_city;
    kyiv.country = "UA";
    const CodifierUnit* unit = codifier.find(k_kyiv_id);
    kyiv.names.uk = unit ? unit->name : "Київ";
    kyiv.names.en = transliterate_uk(kyiv.names.uk);
    kyiv.names.native = kyiv.names.uk;
    kyiv.region = kyiv.names.uk;
    kyiv.location = GeoPoint{50.45466, 30.5238};
    kyiv.languages = {"uk"};
    kyiv.revision = 0;
    kyiv.updated_at = options.updated_at;
    return kyiv;
}

}  // namespace

std::string hromada_english_name(std::string_view adjective, MunicipalityKind kind) {
    return std::string(adjective) + " " + english_kind(kind);
}

void import_hromadas(std::string_view text, const Codifier& codifier, RegistryDraft& draft, ImportReport& report,
                     const ImportOptions& options) {
    report.source = "hromadas";
    const CsvTable table = parse_csv(text);
    const Columns col(table);
    if (codifier.units.empty()) report.notes.push_back("no codifier given: codes checked for form only");
    std::size_t renamed = 0, renamed_centres = 0;
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        const std::string code(trim(cell(row, col.code)));
        std::string name(trim(cell(row, col.name)));
        if (!is_katottg_code(code)) {
            report.reject(row.line, "not a KATOTTG code", code);
            continue;
        }
        // The codifier is the authority on names; the dataset's are kept as aliases where older.
        std::string oblast = std::string(trim(cell(row, col.oblast)));
        std::string raion = std::string(trim(cell(row, col.raion)));
        std::string centre(trim(cell(row, col.centre)));
        std::string old_name, old_centre;
        const std::string centre_code(trim(cell(row, col.centre_code)));
        if (!codifier.units.empty()) {
            const CodifierUnit* unit = codifier.find(code);
            if (!unit || unit->category != 'H') {
                report.reject(row.line, "not a hromada in the codifier", code + " " + name);
                continue;
            }
            if (unit->oblast != trim(cell(row, col.oblast_code))) {
                report.reject(row.line, "oblast differs from the codifier", code + " " + name);
                continue;
            }
            if (const CodifierUnit* o = codifier.find(unit->oblast)) oblast = o->name;
            if (const CodifierUnit* r = codifier.find(unit->raion)) raion = r->name;
            if (fold_name(unit->name) != fold_name(name)) {
                old_name = name;
                name = unit->name;
                ++renamed;
            }
            const CodifierUnit* settlement = codifier.find(centre_code);
            if (!settlement || settlement->hromada != code) {
                report.reject(row.line, "centre is not a settlement of the hromada in the codifier",
                              code + " " + name + ": " + centre_code + " " + centre);
            } else if (fold_name(settlement->name) != fold_name(centre)) {
                old_centre = centre;
                centre = settlement->name;
                ++renamed_centres;
            }
        }
        const auto kind = kind_of(trim(cell(row, col.type)));
        if (!kind) {
            report.reject(row.line, "unknown hromada type", code + " " + std::string(cell(row, col.type)));
            continue;
        }
        if (name.empty()) {
            report.reject(row.line, "no name", code);
            continue;
        }
        if (draft.municipalities.count(code)) {
            report.reject(row.line, "already in the registry", code + " " + name);
            continue;
        }
        Municipality m;
        m.id = code;
        m.kind = *kind;
        m.country = "UA";
        m.region = oblast + " область";
        m.district = raion + " район";
        m.names.uk = name + " " + ukrainian_kind(*kind);
        m.names.native = m.names.uk;
        m.names.en = hromada_english_name(transliterate_uk(name), *kind);
        const auto lat = parse_number(cell(row, col.lat));
        const auto lon = parse_number(cell(row, col.lon));
        if (lat && lon) m.location = GeoPoint{round_to(*lat, 5), round_to(*lon, 5)};
        if (const auto population = parse_integer(cell(row, col.population))) m.population = *population;
        if (const auto area = parse_number(cell(row, col.area)); area && *area > 0) m.area_km2 = round_to(*area, 1);
        m.languages = {"uk"};
        m.revision = 0;
        m.updated_at = options.updated_at;

        const std::string centre_en = transliterate_uk(centre);
        nlohmann::json centre_json = {{"uk", centre}, {"en", centre_en}};
        if (!centre_code.empty()) centre_json["code"] = centre_code;
        m.extra["centre"] = std::move(centre_json);
        // Searching is by the centre ("Lviv"), not by the community's adjective ("Lvivska"),
        // and by the names a renamed centre or hromada had (Новомосковськ, now Самар).
        RegistryDraft::add_alias(m, centre);
        RegistryDraft::add_alias(m, centre_en);
        if (!old_centre.empty()) {
            RegistryDraft::add_alias(m, old_centre);
            RegistryDraft::add_alias(m, transliterate_uk(old_centre));
        }
        if (!old_name.empty()) RegistryDraft::add_alias(m, old_name + " " + ukrainian_kind(*kind));
        m.description.uk = "Адміністративний центр: " + centre + ".";
        m.description.en = "Administrative centre: " + centre_en + ".";

        nlohmann::json frontline = nlohmann::json::object();
        if (const auto d = parse_number(cell(row, col.to_russia))) frontline["distance_to_russia_km"] = round_to(*d, 1);
        if (const auto d = parse_number(cell(row, col.to_russia_or_belarus))) {
            frontline["distance_to_russia_or_belarus_km"] = round_to(*d, 1);
        }
        const std::string_view occupied = trim(cell(row, col.occupied));
        if (occupied == "0" || occupied == "1") frontline["occupied_before_2022"] = occupied == "1";
        if (!frontline.empty()) m.extra["frontline"] = std::move(frontline);
        m.extra["source"] = "KSE-Loc-Data-Hub hromadas; KATOTTG 16.05.2025; OCHA names";

        draft.municipalities.emplace(code, std::move(m));
        ++report.records_made;
    }
    if (renamed || renamed_centres) {
        report.notes.push_back(std::to_string(renamed) + " hromadas and " + std::to_string(renamed_centres) +
                               " centres named as in the codifier (the dataset's older names kept as aliases)");
    }
    if (!draft.municipalities.count(std::string(k_kyiv_id))) {
        draft.municipalities.emplace(std::string(k_kyiv_id), kyiv_record(codifier, options));
        ++report.records_made;
        report.notes.push_back("Kyiv city (special status, not a row of the dataset) added");
    }
}

}  // namespace prd::import
