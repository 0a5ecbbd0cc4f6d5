#include "panels/municipalities_panel.hpp"

#include <map>
#include <string_view>

#include "app/text_order.hpp"
#include "model/json_codec.hpp"

namespace prd::web {
namespace {

/// The name in the UI language; a record may still lack that translation, so fall back to the
/// other language and then to the native name.
const std::string& display_name(const Names& names, Lang lang) {
    const std::string& first = lang == Lang::uk ? names.uk : names.en;
    const std::string& second = lang == Lang::uk ? names.en : names.uk;
    if (!first.empty()) return first;
    if (!second.empty()) return second;
    return names.native;
}

}  // namespace

MunicipalitiesPanel::MunicipalitiesPanel()
    : TablePanel("municipalities", {
                                    {Text::col_name, 2.0f},
                                    {Text::col_native_name, 2.0f},
                                    {Text::col_kind, 2.4f},
                                    {Text::col_country, 0.6f},
                                    {Text::col_region, 2.0f},
                                    // Largest first: the capitals and big cities people look for lead.
                                    {Text::col_population, 1.0f, true, true, true},
                                    {Text::col_partnerships, 1.0f, true},
                                }) {}

std::vector<Row> MunicipalitiesPanel::rows(const Registry& registry, Lang lang) const {
    // One pass over the partnerships, rather than a scan of all of them per municipality.
    std::map<std::string_view, std::int64_t> partnership_counts;
    for (const auto& [pid, p] : registry.partnerships())
        for (const Party& party : p.parties) ++partnership_counts[party.municipality];
    std::vector<Row> rows;
    rows.reserve(registry.municipalities().size());
    for (const auto& [id, m] : registry.municipalities()) {
        Row row;
        const auto found = partnership_counts.find(id);
        const std::int64_t partnerships = found == partnership_counts.end() ? 0 : found->second;
        row.cells = {
            Cell{display_name(m.names, lang), {}},
            Cell{m.names.native, {}},
            Cell{std::string(label(m.kind, code(lang))), {}},
            Cell{m.country, {}},
            Cell{m.region, {}},
            Cell{m.population ? format_count(*m.population, lang == Lang::uk) : std::string(), m.population},
            Cell{std::to_string(partnerships), partnerships},
        };
        // People type a name in whichever language or script they know it by.
        row.also_matches = m.names.uk + " " + m.names.en + " " + id;
        for (const std::string& alias : m.aliases) row.also_matches += " " + alias;
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace prd::web
