#include "panels/partnerships_panel.hpp"

#include "app/names.hpp"
#include "model/json_codec.hpp"

namespace prd::web {
namespace {

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

std::vector<Row> rows(const Registry& registry, Lang lang);

/// 2022-11-28 -> 20221128, so dates sort whatever language shows them.
std::optional<std::int64_t> date_number(const std::string& date) {
    if (date.size() != 10) return std::nullopt;
    std::int64_t n = 0;
    for (const char c : date) {
        if (c == '-') continue;
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

}  // namespace

PartnershipsPanel::PartnershipsPanel()
    : m_table("partnerships", {
                                  {Text::col_kind, 1.8f},
                                  {Text::col_title, 3.2f},
                                  {Text::col_parties, 3.2f},
                                  {Text::col_signed_on, 1.0f, true, true, true},  // newest first, sorted as a date
                                  {Text::col_place, 1.0f},
                                  {Text::col_status, 0.9f},
                                  {Text::col_open_to_join, 0.9f},
                              }) {}

std::string PartnershipsPanel::title(UiContext& ui) { return ui.text(Text::nav_partnerships); }

void PartnershipsPanel::draw(UiContext& ui) {
    const AppState& app = ui.app();
    if (m_built_generation != app.generation() || m_built_lang != ui.lang()) {
        m_table.set_rows(rows(app.registry(), ui.lang()));
        m_built_generation = app.generation();
        m_built_lang = ui.lang();
    }
    if (const auto opened = m_table.draw(ui)) ui.go(partnership_route(*opened));
}

namespace {

std::vector<Row> rows(const Registry& registry, Lang lang) {
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
        row.id = id;
        row.cells = {
            Cell{std::string(label(p.kind, code(lang))), {}},
            Cell{localized(p.title, lang), {}},
            Cell{std::move(parties), {}},
            Cell{format_date(p.signed_on, lang), date_number(p.signed_on)},
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

}  // namespace

}  // namespace prd::web
