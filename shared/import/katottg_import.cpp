// The KATOTTG codifier: read into units by code, and the check of the draft's Ukrainian codes.

#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"
#include "validation/validate.hpp"

namespace prd::import {

const CodifierUnit* Codifier::find(std::string_view code) const {
    const auto found = units.find(code);
    return found == units.end() ? nullptr : &found->second;
}

Codifier import_katottg(std::string_view text, ImportReport& report) {
    report.source = "katottg";
    const CsvTable table = parse_csv(text, {.delimiter = ';'});
    if (table.header.size() < 7) throw CsvError("the codifier needs 7 columns (5 levels, category, name)");
    Codifier codifier;
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        std::string levels[5];
        int deepest = -1;
        for (int i = 0; i < 5; ++i) {
            levels[i] = std::string(trim(cell(row, static_cast<std::size_t>(i))));
            if (!levels[i].empty()) deepest = i;
        }
        const std::string_view category = trim(cell(row, 5));
        const std::string_view name = trim(cell(row, 6));
        if (deepest < 0 || category.size() != 1 || name.empty()) {
            report.reject(row.line, "incomplete row (no code, category or name)");
            continue;
        }
        const std::string& code = levels[deepest];
        if (!is_katottg_code(code)) {
            report.reject(row.line, "not a KATOTTG code", code);
            continue;
        }
        CodifierUnit unit;
        unit.category = category[0];
        unit.name = std::string(name);
        if (deepest > 0) unit.oblast = levels[0];
        if (deepest > 1) unit.raion = levels[1];
        if (deepest > 2) unit.hromada = levels[2];
        if (!codifier.units.emplace(code, std::move(unit)).second) {
            report.reject(row.line, "code listed twice", code);
            continue;
        }
        ++report.records_made;
    }
    return codifier;
}

void check_against_codifier(const RegistryDraft& draft, const Codifier& codifier, ImportReport& report) {
    std::size_t checked = 0;
    for (const auto& [id, m] : draft.municipalities) {
        if (m.country != "UA") continue;
        ++checked;
        const CodifierUnit* unit = codifier.find(id);
        if (!unit) {
            report.reject(0, "code not in the codifier", id);
            continue;
        }
        const bool special = m.kind == MunicipalityKind::special_status_city;
        if (unit->category != (special ? 'K' : 'H')) {
            report.reject(0, "codifier category differs from the record's kind", id + " is " + unit->category);
            continue;
        }
        if (special) continue;
        const CodifierUnit* oblast = codifier.find(unit->oblast);
        if (!oblast || m.region.rfind(oblast->name, 0) != 0) {
            report.reject(0, "region differs from the codifier's oblast",
                          id + ": " + m.region + " vs " + (oblast ? oblast->name : "?"));
        }
        const CodifierUnit* raion = codifier.find(unit->raion);
        if (!raion || m.district.rfind(raion->name, 0) != 0) {
            report.reject(0, "district differs from the codifier's raion",
                          id + ": " + m.district + " vs " + (raion ? raion->name : "?"));
        }
    }
    report.notes.push_back(std::to_string(checked) + " Ukrainian municipalities checked against the codifier");
}

}  // namespace prd::import
