#include "panels/partnerships_panel.hpp"

#include "model/json_codec.hpp"

namespace prd::web {
namespace {

const std::string& localized(const LocalizedText& text, Lang lang) {
    const std::string& first = lang == Lang::uk ? text.uk : text.en;
    return first.empty() ? (lang == Lang::uk ? text.en : text.uk) : first;
}

/// A party as its own people write it (Київ, Poznań); then the UI language, the other one, the id.
std::string party_name(const Registry& registry, const Party& party, Lang lang) {
    const Municipality* m = registry.find_municipality(party.municipality);
    if (m == nullptr) return party.municipality;
    for (const std::string* name : {&m->names.native, lang == Lang::uk ? &m->names.uk : &m->names.en,
                                    lang == Lang::uk ? &m->names.en : &m->names.uk}) {
        if (!name->empty()) return *name;
    }
    return party.municipality;
}

}  // namespace

PartnershipsPanel::PartnershipsPanel()
    : TablePanel("partnerships", {
                                  {Text::col_kind, 1.8f},
                                  {Text::col_title, 3.2f},
                                  {Text::col_parties, 3.2f},
                                  {Text::col_signed_on, 1.0f, false, true, true},  // newest first
                                  {Text::col_place, 1.0f},
                                  {Text::col_status, 0.9f},
                                  {Text::col_open_to_join, 0.9f},
                              }) {}

std::vector<Row> PartnershipsPanel::rows(const Registry& registry, Lang lang) const {
    std::vector<Row> rows;
    rows.reserve(registry.partnerships().size());
    for (const auto& [id, p] : registry.partnerships()) {
        std::string parties;
        std::string other_names;  // so a filter for "Kyiv" or "Познань" finds the row too
        for (const Party& party : p.parties) {
            if (!parties.empty()) parties += ", ";
            parties += party_name(registry, party, lang);
            if (const Municipality* m = registry.find_municipality(party.municipality)) {
                other_names += " " + m->names.uk + " " + m->names.en;
            }
        }
        Row row;
        row.cells = {
            Cell{std::string(label(p.kind, code(lang))), {}},
            Cell{localized(p.title, lang), {}},
            Cell{std::move(parties), {}},
            Cell{p.signed_on, {}},
            Cell{p.place, {}},
            Cell{std::string(label(p.status, code(lang))), {}},
            Cell{tr(p.open_to_join ? Text::yes : Text::no, lang), {}},
        };
        row.also_matches = localized(p.title, lang == Lang::uk ? Lang::en : Lang::uk) + other_names + " " + p.event +
                           " " + id;
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace prd::web
