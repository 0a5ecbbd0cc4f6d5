// The map's controls above it: the Map | Dashboard tabs, the toolbar (Ukraine, Europe, Filters and
// the counts) and the filter bar, and the address parameters they read and write.

#include <cfloat>

#include <imgui.h>

#include "app/countries.hpp"
#include "app/text_order.hpp"
#include "model/json_codec.hpp"
#include "panels/map_panel.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {

map::Filters map_filters(const Route& route) {
    map::Filters f;
    if (const auto kind = partnership_kind_from_string(route.param("kind"))) f.partnerships.kinds = {*kind};
    f.partnerships.partner_country = route.param("country");
    stats::Filter years;
    if (stats::read_years(route.param("years"), years).empty()) {
        f.partnerships.year_from = years.year_from;
        f.partnerships.year_to = years.year_to;
    }
    const std::string& band = route.param("band");
    if (band == "0-30" || band == "30-100" || band == "100+") f.band = band;
    return f;
}

void set_map_param(UiContext& ui, const std::string& name, std::string value) {
    Route route = ui.app().route();
    if (value.empty()) {
        route.params.erase(name);
    } else {
        route.params[name] = std::move(value);
    }
    ui.go(std::move(route), true);
}

void map_tabs(UiContext& ui) {
    const Page page = ui.app().route().page;
    if (ImGui::BeginTabBar("##map_tabs")) {
        const struct {
            Page page;
            Text label;
            const char* target;
        } tabs[] = {{Page::map, Text::tab_map, "tab.map"}, {Page::dashboard, Text::tab_dashboard, "tab.dashboard"}};
        for (const auto& tab : tabs) {
            const ImGuiTabItemFlags flags = tab.page == page ? ImGuiTabItemFlags_SetSelected : 0;
            bool open = ImGui::BeginTabItem(ui.text(tab.label), nullptr, flags);
            ui.mark_target(tab.target);
            if (ImGui::IsItemClicked() && tab.page != page) ui.go(Route{tab.page, {}, {}});
            if (open) ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void MapPanel::draw_toolbar(UiContext& ui) {
    if (ImGui::Button(ui.text(Text::map_ukraine))) m_fit = Fit::ukraine;
    ui.mark_target("map.ukraine");
    ImGui::SameLine();
    if (ImGui::Button(ui.text(Text::map_europe))) m_fit = Fit::europe;
    ui.mark_target("map.europe");
    ImGui::SameLine();
    std::size_t active = !m_filters.partnerships.kinds.empty() + !m_filters.partnerships.partner_country.empty() +
                         (m_filters.partnerships.year_from != 0 || m_filters.partnerships.year_to != 0) +
                         !m_filters.band.empty();
    std::string filters = ui.text(Text::filters);
    if (active > 0) filters += " (" + std::to_string(active) + ")";
    if (ImGui::Button(ui.audited(filters).data())) m_show_filters = !m_show_filters;
    ui.mark_target("map.filters");
    if (!ui.narrow()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled(
            "%s", ui.audited(format_count(static_cast<std::int64_t>(m_model.communities()), ui.lang() == Lang::uk) +
                             " " + ui.text(Text::map_summary) + " " +
                             format_count(static_cast<std::int64_t>(m_model.without_foreign_partner()),
                                          ui.lang() == Lang::uk))
                      .data());
    }
}

void MapPanel::draw_filters(UiContext& ui) {
    const float width = ui.narrow() ? -FLT_MIN : ui.px(190);
    auto caption = [&](Text text) {
        if (ui.narrow()) {
            ImGui::TextDisabled("%s", ui.text(text));
        } else {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(ui.text(text));
            ImGui::SameLine();
        }
    };
    const Lang lang = ui.lang();
    // Kind
    caption(Text::map_kind);
    ImGui::SetNextItemWidth(width);
    const std::string kind_preview = m_filters.partnerships.kinds.empty()
                                         ? std::string(ui.text(Text::any))
                                         : std::string(label(m_filters.partnerships.kinds.front(), code(lang)));
    if (ImGui::BeginCombo("##kind", ui.audited(kind_preview).data())) {
        if (ImGui::Selectable(ui.text(Text::any), m_filters.partnerships.kinds.empty())) set_map_param(ui, "kind", "");
        for (int k = 0; k <= static_cast<int>(PartnershipKind::inter_municipal_cooperation); ++k) {
            const auto kind = static_cast<PartnershipKind>(k);
            if (ImGui::Selectable(ui.audited(label(kind, code(lang))).data()))
                set_map_param(ui, "kind", std::string(to_string(kind)));
        }
        ImGui::EndCombo();
    }
    ui.mark_target("map.filter.kind");
    if (!ui.narrow()) ImGui::SameLine(0, ui.px(16));
    // Partner country
    caption(Text::map_partner_country);
    ImGui::SetNextItemWidth(width);
    const std::string& country = m_filters.partnerships.partner_country;
    const std::string country_preview =
        country.empty() ? std::string(ui.text(Text::any)) : std::string(country_name(country, lang));
    if (ImGui::BeginCombo("##country", ui.audited(country_preview).data(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(ui.text(Text::any), country.empty())) set_map_param(ui, "country", "");
        for (const std::string& code : m_countries)
            if (ImGui::Selectable(ui.audited(country_name(code, lang)).data(), code == country))
                set_map_param(ui, "country", code);
        ImGui::EndCombo();
    }
    ui.mark_target("map.filter.country");
    // Years signed: from and to
    caption(Text::map_years);
    auto year_combo = [&](const char* id, int value, bool from) {
        ImGui::SetNextItemWidth(ui.narrow() ? ui.px(110) : ui.px(90));
        const std::string preview = value == 0 ? std::string("—") : std::to_string(value);
        if (ImGui::BeginCombo(id, ui.audited(preview).data(), ImGuiComboFlags_HeightLarge)) {
            if (ImGui::Selectable("—", value == 0)) value = -1;
            for (int year = m_last_year; year >= m_first_year && year > 0; --year)
                if (ImGui::Selectable(std::to_string(year).c_str(), year == value)) value = year;
            ImGui::EndCombo();
            if (value != (from ? m_filters.partnerships.year_from : m_filters.partnerships.year_to)) {
                int a = m_filters.partnerships.year_from, b = m_filters.partnerships.year_to;
                (from ? a : b) = std::max(value, 0);
                if (a != 0 && b != 0 && a > b) std::swap(a, b);
                set_map_param(ui, "years",
                              a == 0 && b == 0 ? std::string()
                                               : (a ? std::to_string(a) : std::string()) + "-" +
                                                     (b ? std::to_string(b) : std::string()));
            }
        }
    };
    year_combo("##from", m_filters.partnerships.year_from, true);
    ui.mark_target("map.filter.from");
    ImGui::SameLine();
    ImGui::TextUnformatted("–");
    ImGui::SameLine();
    year_combo("##to", m_filters.partnerships.year_to, false);
    ui.mark_target("map.filter.to");
    if (!ui.narrow()) ImGui::SameLine(0, ui.px(16));
    // Distance to the border
    caption(Text::border_distance);
    ImGui::SetNextItemWidth(width);
    const std::string band_preview =
        m_filters.band.empty() ? std::string(ui.text(Text::any)) : ui.text(border_band_text(m_filters.band));
    if (ImGui::BeginCombo("##band", ui.audited(band_preview).data())) {
        if (ImGui::Selectable(ui.text(Text::any), m_filters.band.empty())) set_map_param(ui, "band", "");
        for (const std::string_view band : {"0-30", "30-100", "100+"})
            if (ImGui::Selectable(ui.text(border_band_text(band)), band == m_filters.band))
                set_map_param(ui, "band", std::string(band));
        ImGui::EndCombo();
    }
    ui.mark_target("map.filter.band");
    if (!ui.narrow()) ImGui::SameLine(0, ui.px(16));
    if (link(ui, ui.text(Text::map_clear_filters), "map.filter.clear")) {
        Route route = ui.app().route();
        for (const char* name : {"kind", "country", "years", "band"}) route.params.erase(name);
        ui.go(std::move(route), true);
    }
}

}  // namespace prd::web
