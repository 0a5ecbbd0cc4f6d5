#include "panels/find_panel.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis

#include "app/countries.hpp"
#include "app/names.hpp"
#include "app/text_order.hpp"
#include "app/theme.hpp"
#include "model/json_codec.hpp"
#include "platform/platform.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

struct PopulationBand {
    const char* code;
    std::int64_t min;
    std::int64_t max;
};
constexpr PopulationBand bands[] = {{"lt10k", 0, 9'999},
                                    {"10k-50k", 10'000, 49'999},
                                    {"50k-250k", 50'000, 249'999},
                                    {"gt250k", 250'000, 100'000'000'000}};

SearchRequest request_for(const Route& route, std::size_t limit) {
    SearchRequest request;
    request.query = route.param("q");
    request.limit = limit;
    auto& f = request.filters;
    if (!route.param("country").empty()) f.countries = {route.param("country")};
    if (!route.param("region").empty()) f.regions = {route.param("region")};
    if (const auto kind = municipality_kind_from_string(route.param("kind"))) f.kinds = {*kind};
    for (const PopulationBand& band : bands) {
        if (route.param("pop") == band.code) {
            f.min_population = band.min;
            f.max_population = band.max;
        }
    }
    if (const auto sector = sector_from_code(route.param("needs"))) f.needs = {*sector};
    if (const auto sector = sector_from_code(route.param("offers"))) f.offers = {*sector};
    f.no_foreign_partner = route.param("foreign") == "no";
    f.has_foreign_partner = route.param("foreign") == "yes";
    if (!route.param("border").empty()) f.border_bands = {route.param("border")};
    f.frontline = route.param("frontline") == "1";
    return request;
}

Text band_label(std::string_view code) {
    if (code == "lt10k") return Text::pop_lt10k;
    if (code == "10k-50k") return Text::pop_10k_50k;
    if (code == "50k-250k") return Text::pop_50k_250k;
    return Text::pop_gt250k;
}

/// Why a result matched, for people ("інша назва: Lemberg").
std::string reason_text(UiContext& ui, const SearchHit& hit) {
    switch (hit.match) {
        case MatchKind::exact: return ui.text(Text::reason_exact);
        case MatchKind::prefix: return ui.text(Text::reason_prefix);
        case MatchKind::alias: return std::string(ui.text(Text::reason_alias)) + ": " + hit.matched_name;
        case MatchKind::fuzzy: return std::string(ui.text(Text::reason_fuzzy)) + ": " + hit.matched_name;
        case MatchKind::none: return {};
    }
    return {};
}

/// A filter's name: beside its control on wide screens, above it (full width) on phones.
void filter_label(UiContext& ui, Text label) {
    if (ui.narrow()) {
        ImGui::TextDisabled("%s", ui.text(label));
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.text(label));
    ImGui::SameLine();
}

/// A combo over facet values; `show` turns a stored value into what people read.
template <typename Show>
void facet_combo(UiContext& ui, FindPanel& panel, const char* id, Text label, const std::string& current,
                 const std::vector<FacetCount>& counts, Show show, const std::function<void(std::string)>& set) {
    (void)panel;
    const std::string preview = current.empty() ? std::string(ui.text(Text::any)) : show(current);
    filter_label(ui, label);
    ImGui::SetNextItemWidth(ui.narrow() ? -FLT_MIN : ui.px(170));
    const std::string combo_label = std::string("##") + id;
    ui.audited(preview);
    if (ImGui::BeginCombo(combo_label.c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(ui.text(Text::any), current.empty())) set("");
        for (const FacetCount& f : counts) {
            const std::string item =
                show(f.value) + " (" + format_count(static_cast<std::int64_t>(f.count), ui.lang() == Lang::uk) + ")";
            ui.audited(item);
            if (ImGui::Selectable(item.c_str(), f.value == current)) set(f.value);
        }
        ImGui::EndCombo();
    }
    ui.mark_target(std::string("filter.") + id);
}

}  // namespace

std::string FindPanel::title(UiContext& ui) {
    const std::string& q = ui.app().route().param("q");
    return q.empty() ? std::string(ui.text(Text::nav_find)) : std::string(ui.text(Text::nav_find)) + ": " + q;
}

void FindPanel::set_param(UiContext& ui, const std::string& name, std::string value) {
    Route route = ui.app().route();
    if (value.empty()) {
        route.params.erase(name);
    } else {
        route.params[name] = std::move(value);
    }
    m_limit = 100;
    ui.go(std::move(route), true);
}

void FindPanel::refresh(UiContext& ui) {
    AppState& app = ui.app();
    if (m_counts_generation != app.generation()) {
        m_partnership_counts.clear();
        for (const auto& [id, p] : app.registry().partnerships())
            for (const Party& party : p.parties) ++m_partnership_counts[party.municipality];
        m_counts_generation = app.generation();
    }
    const std::string key = format_route(app.route()) + "#" + std::to_string(app.generation()) + "#" +
                            std::to_string(m_limit) + (m_filters_open ? "#facets" : "");
    if (key == m_searched) return;
    m_searched = key;
    SearchRequest request = request_for(app.route(), m_limit);
    // Facet counts cost a pass over every match (tens of thousands for one letter at 100,000
    // municipalities); they are shown only in the open filters.
    request.want_facets = m_filters_open;
    m_have_facets = request.want_facets;
    const double started = platform::now_ms();
    m_response = app.index().search(request);
    // Ukrainian communities first, unless the person turned it off or chose a country: the
    // Ukrainian matches in their ranked order, then everyone else's, also ranked.
    if (app.route().param("ua_first") != "0" && request.filters.countries.empty()) {
        SearchRequest ukrainian = request;
        ukrainian.filters.countries = {"UA"};
        ukrainian.want_facets = false;
        std::vector<SearchHit> hits = app.index().search(ukrainian).hits;
        for (SearchHit& hit : m_response.hits) {
            if (hits.size() >= m_limit) break;
            const Municipality* m = app.registry().find_municipality(hit.id);
            if (m == nullptr || m->country != "UA") hits.push_back(std::move(hit));
        }
        m_response.hits = std::move(hits);
    }
    m_search_ms = platform::now_ms() - started;
    ++m_searches;
}

void FindPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    const std::string& routed = app.route().param("q");
    // Back, Forward or a shared link brought another query: the box follows the address.
    if (routed != m_routed_query) {
        m_query = routed;
        m_routed_query = routed;
    }
    // '/' from anywhere: the search box takes the keyboard (SetKeyboardFocusHere's tabbing request
    // does not reach an item in a child window here; activating the item by id does).
    if (app.take_search_focus()) ImGui::ActivateItemByID(ImGui::GetID("##search"));
    const float clear_width = m_query.empty() ? 0 : ImGui::CalcTextSize(ui.text(Text::clear)).x + ui.px(32);
    if (text_field(ui, "##search", ui.text(Text::search_hint), m_query, "search",
                   ImGui::GetContentRegionAvail().x - clear_width)) {
        set_param(ui, "q", m_query);
    }
    if (!m_query.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(ui.text(Text::clear))) {
            m_query.clear();
            set_param(ui, "q", "");
        }
        ui.mark_target("search.clear");
    }
    refresh(ui);
    ui.report().search_ms = m_search_ms;
    if (m_have_facets) {
        const SearchFacets& f = m_response.facets;
        ui.report().facets = ReportedFacets{f.frontline, f.no_foreign_partner, f.has_foreign_partner};
    }
    ui.report().searches = m_searches;

    ImGui::SetNextItemOpen(!ui.narrow(), ImGuiCond_Once);
    m_filters_open = ImGui::CollapsingHeader(ui.text(Text::filters));
    if (m_filters_open) draw_filters(ui);
    ui.mark_target("filters");

    char found[96];
    std::snprintf(found, sizeof found, "%s: %s", ui.text(Text::found),
                  format_count(static_cast<std::int64_t>(m_response.total), ui.lang() == Lang::uk).c_str());
    ImGui::TextDisabled("%s", ui.audited(found).data());
    draw_results(ui);
}

void FindPanel::draw_filters(UiContext& ui) {
    const Route& route = ui.app().route();
    const Lang lang = ui.lang();
    const SearchFacets& facets = m_response.facets;
    const auto setter = [&](const char* name) {
        return std::function<void(std::string)>(
            [this, &ui, name](std::string v) { set_param(ui, name, std::move(v)); });
    };
    const auto same_line = [&] {
        if (!ui.narrow()) ImGui::SameLine();
    };
    facet_combo(
        ui, *this, "country", Text::col_country, route.param("country"), facets.countries,
        [&](const std::string& c) { return std::string(country_name(c, lang)); }, setter("country"));
    same_line();
    facet_combo(
        ui, *this, "kind", Text::col_kind, route.param("kind"), facets.kinds,
        [&](const std::string& k) {
            const auto kind = municipality_kind_from_string(k);
            return kind ? std::string(label(*kind, code(lang))) : k;
        },
        setter("kind"));
    same_line();
    facet_combo(
        ui, *this, "region", Text::col_region, route.param("region"), facets.regions,
        [&](const std::string& r) { return place_name(r, lang); }, setter("region"));

    // Population bands: not a facet of the index, so no counts.
    const std::string& pop = route.param("pop");
    const std::string pop_preview = pop.empty() ? ui.text(Text::any) : ui.text(band_label(pop));
    filter_label(ui, Text::col_population);
    ImGui::SetNextItemWidth(ui.narrow() ? -FLT_MIN : ui.px(170));
    if (ImGui::BeginCombo("##pop", pop_preview.c_str())) {
        if (ImGui::Selectable(ui.text(Text::any), pop.empty())) set_param(ui, "pop", "");
        for (const PopulationBand& band : bands)
            if (ImGui::Selectable(ui.text(band_label(band.code)), pop == band.code)) set_param(ui, "pop", band.code);
        ImGui::EndCombo();
    }
    ui.mark_target("filter.pop");
    same_line();
    const auto sector_show = [&](const std::string& s) {
        const auto sector = sector_from_code(s);
        return sector ? std::string(sector_label(*sector, code(lang))) : s;
    };
    facet_combo(ui, *this, "needs", Text::needs, route.param("needs"), facets.needs, sector_show, setter("needs"));
    same_line();
    facet_combo(ui, *this, "offers", Text::offers, route.param("offers"), facets.offers, sector_show, setter("offers"));

    const auto toggle = [&](const char* name, Text label_text, bool on_when_absent, std::size_t count,
                            bool show_count) {
        bool value = on_when_absent ? route.param(name) != "0" : route.param(name) == "1";
        std::string text = ui.text(label_text);
        if (show_count) text += " (" + format_count(static_cast<std::int64_t>(count), lang == Lang::uk) + ")";
        ui.audited(text);
        if (ImGui::Checkbox(text.c_str(), &value)) {
            set_param(ui, name, on_when_absent ? (value ? "" : "0") : (value ? "1" : ""));
        }
        ui.mark_target(std::string("filter.") + name);
    };
    // Foreign partners: any, some, none (with counts).
    {
        std::vector<FacetCount> counts;
        if (facets.has_foreign_partner > 0) counts.push_back({"yes", facets.has_foreign_partner});
        if (facets.no_foreign_partner > 0) counts.push_back({"no", facets.no_foreign_partner});
        facet_combo(ui, *this, "foreign", Text::foreign_partners, route.param("foreign"), counts,
                    [&](const std::string& v) { return std::string(ui.text(v == "yes" ? Text::foreign_yes : Text::foreign_no)); },
                    setter("foreign"));
    }
    same_line();
    facet_combo(
        ui, *this, "border", Text::border_distance, route.param("border"), facets.border_bands,
        [&](const std::string& band) { return std::string(ui.text(border_band_text(band))); }, setter("border"));
    toggle("frontline", Text::frontline_filter, false, facets.frontline, true);
    same_line();
    toggle("ua_first", Text::ukraine_first, true, 0, false);
}

void FindPanel::draw_results(UiContext& ui) {
    AppState& app = ui.app();
    const Lang lang = app.language();
    FrameReport& report = ui.report();
    report.search_total = m_response.total;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float row_height = line * 2 + ui.px(ui.narrow() ? 12 : 6);
    // On a phone with the filters open the list keeps a usable height and the page scrolls to it.
    const float height = ui.narrow() ? std::max(ImGui::GetContentRegionAvail().y, ui.px(420)) : 0.0f;
    if (!ImGui::BeginChild("results", ImVec2(0, height), false)) {
        ImGui::EndChild();
        return;
    }
    report.search_scroll = ImGui::GetScrollY() / ui.pixel_ratio();
    if (m_response.hits.empty()) ImGui::TextDisabled("%s", ui.text(Text::nothing_matches));
    for (std::size_t i = 0; i < m_response.hits.size(); ++i) {
        const SearchHit& hit = m_response.hits[i];
        if (i < 20)
            report.search_results.push_back(
                {hit.id, hit.score,
                 hit.match == MatchKind::none
                     ? std::string()
                     : std::string(to_string(hit.match)) +
                           (hit.match == MatchKind::alias || hit.match == MatchKind::fuzzy ? " " + hit.matched_name
                                                                                           : std::string())});
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_response.hits.size()), row_height + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SearchHit& hit = m_response.hits[static_cast<std::size_t>(i)];
            const Municipality* m = app.registry().find_municipality(hit.id);
            if (m == nullptr) continue;
            ImGui::PushID(hit.id.c_str());
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable("##row", false, 0, ImVec2(width, row_height))) ui.go(municipality_route(m->id));
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ui.mark_target("result." + hit.id);
            ImDrawList* draw = ImGui::GetWindowDrawList();
            const float pad = ui.px(6);
            std::string first = display_name(*m, lang);
            if (const std::string other = other_name(*m, lang); !other.empty()) first += " · " + other;
            const std::string reason = reason_text(ui, hit);
            // The reason sits on the right in grey, so the name reads first.
            const float reason_width = reason.empty() ? 0 : ImGui::CalcTextSize(reason.c_str()).x + pad;
            ui.audited(first);
            ui.audited(reason);
            const float name_room = width - 2 * pad - reason_width;
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(accent_blue()));
            ImGui::RenderTextEllipsis(draw, ImVec2(at.x + pad, at.y + pad / 2),
                                      ImVec2(at.x + pad + name_room, at.y + pad / 2 + line), at.x + pad + name_room,
                                      at.x + pad + name_room, first.c_str(), nullptr, nullptr);
            ImGui::PopStyleColor();
            if (!reason.empty())
                draw->AddText(ImVec2(at.x + width - reason_width, at.y + pad / 2), muted_text(), reason.c_str());
            std::string second = std::string(label(m->kind, code(lang)));
            if (!m->region.empty()) second += " · " + place_name(m->region, lang);
            second += " · " + std::string(country_name(m->country, lang));
            if (m->population)
                second += " · " + format_count(*m->population, lang == Lang::uk) + " " + ui.text(Text::people);
            const auto count = m_partnership_counts.find(m->id);
            if (count != m_partnership_counts.end())
                second += " · " + std::string(ui.text(Text::col_partnerships)) + ": " + std::to_string(count->second);
            ui.audited(second);
            ImGui::RenderTextEllipsis(draw, ImVec2(at.x + pad, at.y + pad / 2 + line),
                                      ImVec2(at.x + width - pad, at.y + pad / 2 + 2 * line), at.x + width - pad,
                                      at.x + width - pad, second.c_str(), nullptr, nullptr);
            ImGui::PopID();
        }
    }
    if (m_response.total > m_response.hits.size() && m_response.hits.size() >= m_limit) {
        if (action_button(ui, ui.text(Text::show_more), "search.more")) m_limit += 100;
    }
    ImGui::EndChild();
}

}  // namespace prd::web
