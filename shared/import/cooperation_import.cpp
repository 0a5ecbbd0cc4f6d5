// ua-hromada-cooperation (Minregion register of agreements on cooperation of territorial
// communities, 2014-2022, processed by KSE): one inter_municipal_cooperation record per register
// number, id "imc-<number>", between the distinct hromadas of its participating councils.

#include <algorithm>

#include "import/csv.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"
#include "validation/validate.hpp"

namespace prd::import {
namespace {

constexpr std::string_view k_source =
    "Register of agreements on cooperation of territorial communities (Minregion, data.gov.ua; KSE)";

struct Agreement {
    std::size_t line = 0;
    std::string number, title, form, start, end;
    std::vector<std::string> hromadas;  // in order of appearance, distinct
    std::vector<std::string> unknown;   // codes the registry lacks
    bool varies = false;                // rows of one number disagree on the title or dates
};

std::string date_or_empty(std::string_view text) {
    text = trim(text);
    if (text.size() > 10) text = text.substr(0, 10);  // "2014-12-08T00:00:00Z"
    return is_iso_date(text) ? std::string(text) : std::string();
}

}  // namespace

void import_cooperation(std::string_view text, RegistryDraft& draft, ImportReport& report, const ImportOptions& options) {
    report.source = "cooperation";
    const CsvTable table = parse_csv(text);
    const std::size_t number = table.column("register_number"), name = table.column("contract_name"),
                      form = table.column("cooperation_form"), start = table.column("start"),
                      end = table.column("end"), hromada = table.column("hromada_code");
    std::map<std::string, Agreement> agreements;
    std::vector<std::string> order;  // register numbers in file order, for stable reports
    for (const CsvRow& row : table.rows) {
        ++report.rows_read;
        const std::string key(trim(cell(row, number)));
        if (key.empty() || key == "NA" || key.find_first_not_of("0123456789") != std::string::npos) {
            report.reject(row.line, "no register number", std::string(cell(row, name)));
            continue;
        }
        auto [it, fresh] = agreements.try_emplace(key);
        Agreement& a = it->second;
        const std::string row_start = date_or_empty(cell(row, start)), row_end = date_or_empty(cell(row, end));
        if (fresh) {
            order.push_back(key);
            a.line = row.line;
            a.number = key;
            a.title = std::string(trim(cell(row, name)));
            a.form = std::string(trim(cell(row, form)));
            a.start = row_start;
            a.end = row_end;
        } else if (a.title != trim(cell(row, name)) || a.start != row_start || a.end != row_end) {
            a.varies = true;
        }
        const std::string code(trim(cell(row, hromada)));
        if (!is_katottg_code(code)) continue;
        if (!draft.municipalities.count(code)) {
            a.unknown.push_back(code);
            continue;
        }
        if (std::find(a.hromadas.begin(), a.hromadas.end(), code) == a.hromadas.end()) a.hromadas.push_back(code);
    }
    std::size_t varying = 0;
    for (const std::string& key : order) {
        const Agreement& a = agreements.at(key);
        const std::string detail = "No. " + a.number + ": " + a.title;
        if (a.hromadas.size() < 2) {
            report.reject(a.line,
                          a.unknown.empty() ? "fewer than two distinct hromadas (councils merged by the 2020 reform)"
                                            : "fewer than two hromadas in the registry",
                          detail);
            continue;
        }
        if (a.varies) ++varying;
        Partnership p;
        p.id = "imc-" + a.number;
        p.kind = PartnershipKind::inter_municipal_cooperation;
        p.status = !a.end.empty() && a.end < options.as_of ? PartnershipStatus::ended
                   : !a.start.empty() && a.start <= options.as_of ? PartnershipStatus::active
                                                                  : PartnershipStatus::signed_;
        for (const std::string& code : a.hromadas) p.parties.push_back({code, ""});
        p.title.uk = a.title.empty() ? "Договір про співробітництво територіальних громад" : a.title;
        p.title.en = "Agreement on cooperation of territorial communities No. " + a.number;
        p.signed_on = a.start;
        p.source = std::string(k_source);
        p.revision = 0;
        p.updated_at = options.updated_at;
        if (!a.end.empty()) p.extra["ends_on"] = a.end;
        if (!a.form.empty() && a.form != "NA") p.extra["cooperation_form"] = a.form;
        if (draft.partnerships.count(p.id)) {
            report.reject(a.line, "already in the registry", p.id);
            continue;
        }
        draft.partnerships.emplace(p.id, std::move(p));
        ++report.records_made;
    }
    report.notes.push_back(std::to_string(agreements.size()) + " agreements in the register");
    if (varying) {
        report.notes.push_back(std::to_string(varying) +
                               " agreements whose rows differ in title or dates: the first row's are used");
    }
}

}  // namespace prd::import
