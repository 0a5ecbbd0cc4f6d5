#include "panels/dashboard_panel.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include <imgui.h>

#include "app/countries.hpp"
#include "app/names.hpp"
#include "app/text_order.hpp"
#include "app/theme.hpp"
#include "i18n/countries.hpp"
#include "model/json_codec.hpp"
#include "panels/map_panel.hpp"
#include "platform/documents.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

constexpr ImU32 bar_colour = IM_COL32(0, 87, 183, 200);
constexpr ImU32 gap_colour = IM_COL32(204, 40, 40, 210);

std::string count_text(UiContext& ui, std::size_t value) {
    return format_count(static_cast<std::int64_t>(value), ui.lang() == Lang::uk);
}

std::string share_text(std::size_t part, std::size_t whole, Lang lang) {
    if (whole == 0) return "—";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    std::string text = buffer;
    if (lang == Lang::uk) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

/// A bar filling `fraction` of the cell's width, with `label` after it.
void bar_cell(UiContext& ui, double fraction, ImU32 colour, const std::string& label) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float text = ImGui::CalcTextSize(label.c_str()).x + ui.px(6);
    const float room = std::max(width - text, ui.px(10));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetTextLineHeight();
    const float length = std::max(fraction > 0 ? ui.px(1) : 0.0f, static_cast<float>(fraction) * room);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + height * 0.15f),
                                              ImVec2(at.x + length, at.y + height * 0.85f), colour, ui.px(2));
    ImGui::Dummy(ImVec2(length, height));
    ImGui::SameLine(0, ui.px(6));
    ImGui::TextUnformatted(ui.audited(label).data());
}

/// An oblast as people read it: as stored in Ukrainian, "Lviv Oblast" in English.
std::string oblast_name(const std::string& stored, Lang lang) { return region_name(stored, code(lang)); }

/// One row of a gap table: the group, its communities, those without a foreign partner, and
/// their share as a bar.
void gap_row(UiContext& ui, std::string_view group, std::size_t hromadas, std::size_t without) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ui.cell(group);
    ImGui::TableNextColumn();
    ui.cell(count_text(ui, hromadas), true);
    ImGui::TableNextColumn();
    ui.cell(count_text(ui, without), true);
    ImGui::TableNextColumn();
    const double fraction = hromadas == 0 ? 0 : double(without) / double(hromadas);
    bar_cell(ui, fraction, gap_colour, share_text(without, hromadas, ui.lang()));
}

/// Headline figures as cards: a big number and what it counts.
void figure(UiContext& ui, const std::string& number, Text caption, const std::string& detail, const char* target) {
    ImGui::BeginGroup();
    ImGui::PushFont(ui.title_font());
    ImGui::TextUnformatted(ui.audited(number).data());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", ui.text(caption));
    if (!detail.empty()) ImGui::TextDisabled("%s", ui.audited(detail).data());
    ImGui::EndGroup();
    ui.mark_target(target);
}

constexpr ImGuiTableFlags table_flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                        ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;

}  // namespace

std::string DashboardPanel::title(UiContext& ui) { return ui.text(Text::tab_dashboard); }

void DashboardPanel::csv_button(UiContext& ui, std::string_view table) {
    const std::string id = std::string(ui.text(Text::dash_csv)) + "##csv_" + std::string(table);
    if (ImGui::SmallButton(ui.audited(id).data())) {
        platform::save_file("stats-" + std::string(table) + ".csv", "text/csv;charset=utf-8",
                            stats::to_csv(m_stats, table, code(ui.lang())));
    }
    ui.mark_target("dashboard.csv." + std::string(table));
}

void DashboardPanel::draw_headline(UiContext& ui) {
    const Lang lang = ui.lang();
    const float column = ui.narrow() ? 0 : ui.px(220);
    figure(ui, count_text(ui, m_stats.hromadas), Text::dash_hromadas, {}, "dashboard.hromadas");
    if (column > 0) ImGui::SameLine(column);
    figure(ui, count_text(ui, m_stats.no_foreign_partner), Text::dash_without,
           share_text(m_stats.no_foreign_partner, m_stats.hromadas, lang), "dashboard.no_foreign_partner");
    for (const stats::BandRow& band : m_stats.frontline) {
        if (band.band != "0-30") continue;
        if (column > 0) ImGui::SameLine(2 * column);
        figure(ui, count_text(ui, band.without_foreign_partner) + " / " + count_text(ui, band.hromadas),
               Text::dash_within_30, ui.text(Text::dash_without_short), "dashboard.frontline_without");
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", ui.text(Text::dash_explained));
    ImGui::PopTextWrapPos();
}

void DashboardPanel::draw_oblasts(UiContext& ui) {
    heading(ui, ui.text(Text::dash_by_oblast));
    csv_button(ui, "oblast");
    std::vector<std::size_t> order(m_stats.by_oblast.size());
    std::iota(order.begin(), order.end(), 0);
    if (!ImGui::BeginTable("##oblasts", 4, table_flags | ImGuiTableFlags_Sortable)) return;
    ImGui::TableSetupColumn(ui.text(Text::dash_oblast), ImGuiTableColumnFlags_DefaultSort, 3);
    ImGui::TableSetupColumn(ui.text(Text::dash_hromadas), ImGuiTableColumnFlags_PreferSortDescending, 1.2f);
    ImGui::TableSetupColumn(ui.text(Text::dash_without), ImGuiTableColumnFlags_PreferSortDescending, 1.2f);
    ImGui::TableSetupColumn(ui.text(Text::dash_share), ImGuiTableColumnFlags_PreferSortDescending,
                            ui.narrow() ? 2.0f : 3.5f);
    // The header row by hand, so each header (a click sorts by it) is a named target.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < 4; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        ui.mark_target("dashboard.oblast.sort." + std::to_string(c));
    }
    int sort_column = 0;
    bool descending = false;
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
        sort_column = s.ColumnIndex;
        descending = s.SortDirection == ImGuiSortDirection_Descending;
        const auto& rows = m_stats.by_oblast;
        auto share = [&](std::size_t i) {
            return rows[i].hromadas == 0 ? 0.0 : double(rows[i].without_foreign_partner) / double(rows[i].hromadas);
        };
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            bool less = false;
            switch (s.ColumnIndex) {
                case 1: less = rows[a].hromadas < rows[b].hromadas; break;
                case 2: less = rows[a].without_foreign_partner < rows[b].without_foreign_partner; break;
                case 3: less = share(a) < share(b); break;
                default:
                    less = sort_key(oblast_name(rows[a].oblast, ui.lang())) <
                           sort_key(oblast_name(rows[b].oblast, ui.lang()));
                    break;
            }
            if (s.SortDirection == ImGuiSortDirection_Descending) {
                if (s.ColumnIndex == 0)
                    return sort_key(oblast_name(rows[b].oblast, ui.lang())) <
                           sort_key(oblast_name(rows[a].oblast, ui.lang()));
                switch (s.ColumnIndex) {
                    case 1: return rows[b].hromadas < rows[a].hromadas;
                    case 2: return rows[b].without_foreign_partner < rows[a].without_foreign_partner;
                    default: return share(b) < share(a);
                }
            }
            return less;
        });
    }
    nlohmann::json shown = nlohmann::json::array();
    for (const std::size_t i : order) {
        const stats::OblastRow& row = m_stats.by_oblast[i];
        shown.push_back({{"oblast", row.oblast}, {"without_foreign_partner", row.without_foreign_partner}});
        gap_row(ui, oblast_name(row.oblast.empty() ? std::string("—") : row.oblast, ui.lang()), row.hromadas,
                row.without_foreign_partner);
    }
    ImGui::EndTable();
    ui.report().dashboard_sort = {{"column", sort_column}, {"descending", descending}, {"rows", std::move(shown)}};
}

void DashboardPanel::draw_frontline(UiContext& ui) {
    heading(ui, ui.text(Text::dash_frontline));
    csv_button(ui, "frontline");
    if (!ImGui::BeginTable("##frontline", 4, table_flags)) return;
    ImGui::TableSetupColumn(ui.text(Text::dash_band), 0, 2);
    ImGui::TableSetupColumn(ui.text(Text::dash_hromadas), 0, 1.2f);
    ImGui::TableSetupColumn(ui.text(Text::dash_without), 0, 1.2f);
    ImGui::TableSetupColumn(ui.text(Text::dash_share), 0, ui.narrow() ? 2.0f : 3.5f);
    ImGui::TableHeadersRow();
    for (const stats::BandRow& row : m_stats.frontline) {
        gap_row(ui, ui.text(border_band_text(row.band)), row.hromadas, row.without_foreign_partner);
    }
    ImGui::EndTable();
}

void DashboardPanel::draw_years(UiContext& ui) {
    heading(ui, ui.text(Text::dash_per_year));
    csv_button(ui, "year");
    const auto& rows = m_stats.by_year;
    if (rows.empty()) {
        ImGui::TextDisabled("%s", ui.text(Text::nothing_matches));
        return;
    }
    std::size_t most = 1;
    for (const stats::CountRow& row : rows) most = std::max(most, row.partnerships);
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ui.px(150);
    const float label_h = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float slot = width / static_cast<float>(rows.size());
    const float gap = std::min(ui.px(4), slot * 0.2f);
    // Year labels under the bars: every one when they fit, else every second, fifth...
    const float label_w = ImGui::CalcTextSize("2000").x + ui.px(6);
    std::size_t step = 1;
    while (slot * static_cast<float>(step) < label_w) step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float x0 = at.x + slot * static_cast<float>(i) + gap * 0.5f;
        const float x1 = x0 + slot - gap;
        const float h = (height - label_h) * static_cast<float>(rows[i].partnerships) / static_cast<float>(most);
        const float base = at.y + height - label_h;
        draw.AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), bar_colour, ui.px(1));
        if (i % step == 0) {
            const ImVec2 size = ImGui::CalcTextSize(rows[i].key.c_str());
            draw.AddText(ImVec2((x0 + x1 - size.x) * 0.5f, base + ui.px(2)), muted_text(),
                         ui.audited(rows[i].key).data());
        }
        if (mouse.x >= x0 && mouse.x < x1 && mouse.y >= at.y && mouse.y < at.y + height && ImGui::IsWindowHovered())
            ImGui::SetTooltip("%s: %s", rows[i].key.c_str(), ui.audited(count_text(ui, rows[i].partnerships)).data());
    }
    ImGui::Dummy(ImVec2(width, height));
    ui.mark_target("dashboard.years");
    if (m_stats.undated > 0)
        ImGui::TextDisabled("%s",
                            ui.audited(count_text(ui, m_stats.undated) + " " + ui.text(Text::dash_undated)).data());
}

void DashboardPanel::draw_counts(UiContext& ui, const char* id, const std::vector<stats::CountRow>& rows,
                                 bool countries) {
    std::size_t most = 1;
    for (const stats::CountRow& row : rows) most = std::max(most, row.partnerships);
    if (!ImGui::BeginTable(id, 2, table_flags)) return;
    ImGui::TableSetupColumn(ui.text(countries ? Text::col_country : Text::col_kind), 0, 2);
    ImGui::TableSetupColumn(ui.text(Text::dash_partnerships), 0, ui.narrow() ? 2.0f : 4.0f);
    ImGui::TableHeadersRow();
    for (const stats::CountRow& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (countries) {
            ui.cell(country_name(row.key, ui.lang()));
        } else {
            const auto kind = partnership_kind_from_string(row.key);
            ui.cell(kind ? label(*kind, code(ui.lang())) : std::string_view(row.key));
        }
        ImGui::TableNextColumn();
        bar_cell(ui, double(row.partnerships) / double(most), bar_colour, count_text(ui, row.partnerships));
    }
    ImGui::EndTable();
}

void DashboardPanel::draw_open(UiContext& ui) {
    heading(ui, ui.text(Text::dash_open));
    csv_button(ui, "open");
    if (m_stats.open.empty()) {
        ImGui::TextDisabled("%s", ui.text(Text::dash_none_open));
        return;
    }
    if (!ImGui::BeginTable("##open", ui.narrow() ? 2 : 4, table_flags)) return;
    ImGui::TableSetupColumn(ui.text(Text::col_title), 0, 4);
    if (!ui.narrow()) {
        ImGui::TableSetupColumn(ui.text(Text::col_kind), 0, 1.5f);
        ImGui::TableSetupColumn(ui.text(Text::col_signed_on), 0, 1.2f);
    }
    ImGui::TableSetupColumn(ui.text(Text::dash_joined), 0, 1.2f);
    ImGui::TableHeadersRow();
    for (const stats::OpenCall& call : m_stats.open) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(call.id.c_str());
        const std::string& title = localized(call.title, ui.lang());
        if (link(ui, title.empty() ? call.id : title, "dashboard.open." + call.id) && call.kind == "declaration")
            ui.go(partnership_route(call.id));
        ImGui::PopID();
        if (!ui.narrow()) {
            ImGui::TableNextColumn();
            ui.cell(ui.text(call.kind == "declaration" ? Text::dash_declaration : Text::dash_call));
            ImGui::TableNextColumn();
            ui.cell(format_date(call.date, ui.lang()));
        }
        ImGui::TableNextColumn();
        ui.cell(count_text(ui, call.joined), true);
    }
    ImGui::EndTable();
}

void DashboardPanel::draw_without(UiContext& ui) {
    heading(ui, ui.text(Text::dash_list));
    csv_button(ui, "without");
    const Registry& registry = ui.app().registry();
    const auto& ids = m_stats.without_foreign_partner;
    if (!ImGui::BeginTable("##without", ui.narrow() ? 2 : 3, table_flags | ImGuiTableFlags_ScrollY,
                           ImVec2(0, ui.px(ui.narrow() ? 360 : 420))))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.text(Text::col_title), 0, 3);
    ImGui::TableSetupColumn(ui.text(Text::dash_oblast), 0, 2);
    if (!ui.narrow()) ImGui::TableSetupColumn(ui.text(Text::col_population), 0, 1);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(ids.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Municipality* m = registry.find_municipality(ids[static_cast<std::size_t>(i)]);
            if (m == nullptr) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (link(ui, display_name(*m, ui.lang()), i < 20 ? "dashboard.without." + m->id : std::string()))
                ui.go(municipality_route(m->id));
            ImGui::PopID();
            ImGui::TableNextColumn();
            ui.cell(oblast_name(m->region, ui.lang()));
            if (!ui.narrow()) {
                ImGui::TableNextColumn();
                ui.cell(m->population ? format_count(*m->population, ui.lang() == Lang::uk) : std::string(), true);
            }
        }
    }
    ImGui::EndTable();
}

void DashboardPanel::draw(UiContext& ui) {
    const AppState& app = ui.app();
    if (app.generation() != m_generation) {
        m_stats = stats::compute(app.registry());
        m_json = stats::to_json(m_stats);
        m_generation = app.generation();
    }
    map_tabs(ui);
    ImGui::BeginChild("##dashboard", ImVec2(0, 0), false);
    draw_headline(ui);
    draw_oblasts(ui);
    draw_frontline(ui);
    draw_years(ui);
    heading(ui, ui.text(Text::dash_by_kind));
    csv_button(ui, "kind");
    draw_counts(ui, "##kinds", m_stats.by_kind, false);
    heading(ui, ui.text(Text::dash_by_country));
    csv_button(ui, "country");
    draw_counts(ui, "##countries", m_stats.by_partner_country, true);
    draw_open(ui);
    draw_without(ui);
    ImGui::EndChild();
    ui.report().dashboard = m_json;
}

}  // namespace prd::web
