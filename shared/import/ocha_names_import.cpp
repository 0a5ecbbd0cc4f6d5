// ua-hromadas-ocha-names (OCHA COD-AB, Jan 2023): English hromada names, joined on the first 9
// characters of the KATOTTG code (the OCHA P-code). The Ukrainian name is compared first, so a
// hromada renamed since then (Новоград-Волинська -> Звягельська) keeps its transliterated name.

#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"

namespace prd::import {
namespace {

struct OchaName {
    std::size_t line;
    std::string en, uk;
};

// The source's 50-byte DBF fields cut long Ukrainian names at about 25 letters.
constexpr std::size_t k_truncated_bytes = 48;

bool same_hromada(const std::string& record_uk, const std::string& ocha_uk) {
    const std::string a = fold_name(record_uk), b = fold_name(ocha_uk);
    if (b.empty() || a.compare(0, b.size(), b) != 0) return false;
    return a.size() == b.size() || a[b.size()] == ' ' || ocha_uk.size() >= k_truncated_bytes;
}

}  // namespace

void import_ocha_names(std::string_view text, RegistryDraft& draft, ImportReport& report) {
    report.source = "ocha-names";
    const CsvTable table = parse_csv(text);
    const std::size_t en = table.column("ADM3_EN"), uk = table.column("ADM3_UA"), pcode = table.column("ADM3_PCODE");
    std::map<std::string, OchaName> by_pcode;
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        const std::string code(trim(cell(row, pcode)));
        if (code.size() != 9 || code.compare(0, 2, "UA") != 0) {
            report.reject(row.line, "not an ADM3 P-code", code);
            continue;
        }
        by_pcode[code] = {row.line, std::string(trim(cell(row, en))), std::string(trim(cell(row, uk)))};
    }
    std::set<std::string> used;
    for (auto& [id, m] : draft.municipalities) {
        if (m.country != "UA" || m.kind == MunicipalityKind::special_status_city) continue;
        const auto found = by_pcode.find(id.substr(0, 9));
        if (found == by_pcode.end()) {
            report.reject(0, "hromada has no OCHA name (transliteration kept)", id + " " + m.names.uk);
            continue;
        }
        used.insert(found->first);
        const OchaName& name = found->second;
        if (name.en.empty()) {
            report.reject(name.line, "no English name", found->first);
            continue;
        }
        if (!same_hromada(m.names.uk, name.uk)) {
            report.reject(name.line, "renamed since the OCHA edition (transliteration kept)",
                          name.uk + " -> " + m.names.uk);
            continue;
        }
        const std::string english = hromada_english_name(name.en, m.kind);
        if (english != m.names.en) {
            RegistryDraft::add_alias(m, m.names.en);  // the transliteration stays searchable
            m.names.en = english;
            m.revision = 0;  // numbered by number_changed_records
        }
        ++report.records_updated;
    }
    std::size_t unused = 0;
    for (const auto& [code, name] : by_pcode) {
        if (!used.count(code)) ++unused;
    }
    if (unused) {
        report.notes.push_back(std::to_string(unused) +
                               " OCHA rows name hromadas not in the registry (Crimea and Sevastopol)");
    }
}

}  // namespace prd::import
