#include "panels/record_table.hpp"

#include <algorithm>
#include <cstring>

#include <imgui.h>

#include "app/text_order.hpp"
#include "search/fold.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
RecordTable::RecordTable(const char* id, std::vector<Column> columns) : m_id(id), m_columns(std::move(columns)) {
    for (size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].default_sort) {
            m_sort_column = static_cast<int>(i);
            m_sort_descending = m_columns[i].descending;
        }
    }
}

void RecordTable::set_rows(std::vector<Row> rows) {
    m_entries.clear();
    m_entries.reserve(rows.size());
    for (Row& row : rows) {
        Entry entry;
        for (const Cell& cell : row.cells) {
            entry.keys.push_back(sort_key(cell.text));
            if (!entry.label.empty()) entry.label += " | ";
            entry.label += cell.text;
        }
        entry.search = prd::fold_for_search(entry.label + " " + row.also_matches);
        entry.row = std::move(row);
        m_entries.push_back(std::move(entry));
    }
    apply_filter();
}

void RecordTable::apply_filter() {
    m_applied_filter = m_filter;
    // The core's search folding: "poznan" finds Poznań, "kyiv" finds Київ and the other way round.
    const std::string folded = prd::fold_for_search(m_applied_filter);
    const std::vector<std::string_view> words = split_words(folded);
    m_visible.clear();
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const std::string& haystack = m_entries[i].search;
        const bool match = std::all_of(words.begin(), words.end(),
                                       [&](std::string_view word) { return haystack.find(word) != std::string::npos; });
        if (match) m_visible.push_back(i);
    }
    sort_visible();
}

void RecordTable::sort_visible() {
    if (m_sort_column < 0 || m_sort_column >= static_cast<int>(m_columns.size())) return;
    const size_t column = static_cast<size_t>(m_sort_column);
    const bool numeric = m_columns[column].numeric;
    const bool descending = m_sort_descending;
    // Returns <0, 0, >0 in ascending order; blanks are compared separately so they stay last.
    const auto compare = [&](const Entry& a, const Entry& b) -> int {
        if (numeric) {
            const auto& x = a.row.cells[column].number;
            const auto& y = b.row.cells[column].number;
            return (*x < *y) ? -1 : (*y < *x) ? 1 : 0;
        }
        return a.keys[column].compare(b.keys[column]);
    };
    const auto blank = [&](const Entry& e) {
        return numeric ? !e.row.cells[column].number.has_value() : e.row.cells[column].text.empty();
    };
    std::stable_sort(m_visible.begin(), m_visible.end(), [&](size_t ia, size_t ib) {
        const Entry& a = m_entries[ia];
        const Entry& b = m_entries[ib];
        if (blank(a) != blank(b)) return blank(b);
        if (!blank(a)) {
            const int order = compare(a, b);
            if (order != 0) return descending ? order > 0 : order < 0;
        }
        return ia < ib;  // ties keep the registry's order (by id), so the order never flickers
    });
}

std::optional<std::string> RecordTable::draw(UiContext& ui) {
    std::optional<std::string> opened;
    ImGui::PushID(m_id);

    // Below this width (a phone) columns keep a readable width and the table scrolls sideways.
    const bool narrow = ImGui::GetContentRegionAvail().x < ui.px(760);
    text_field(ui, "##filter", ui.text(Text::filter_hint), m_filter, "filter",
               std::min(ui.px(340), ImGui::GetContentRegionAvail().x));
    if (m_applied_filter != m_filter) apply_filter();
    if (!m_filter.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(ui.text(Text::clear))) {
            m_filter.clear();
            apply_filter();
        }
    }
    if (!narrow) ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s: %zu / %zu", ui.text(Text::rows_shown), m_visible.size(), m_entries.size());

    ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable |
                            ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
    flags |= narrow ? ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchProp;
    const ImVec2 size(0, ImGui::GetContentRegionAvail().y);
    // Two ids, because a table's column sizing cannot switch policy in place.
    if (ImGui::BeginTable(narrow ? "table_narrow" : "table", static_cast<int>(m_columns.size()), flags, size)) {
        ImGui::TableSetupScrollFreeze(narrow ? 1 : 0, 1);
        for (const Column& column : m_columns) {
            ImGuiTableColumnFlags column_flags = narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
            if (column.default_sort) column_flags |= ImGuiTableColumnFlags_DefaultSort;
            if (column.descending) column_flags |= ImGuiTableColumnFlags_PreferSortDescending;
            const float width = narrow ? column.weight * ui.px(90) : column.weight;  // weight or pixels
            ImGui::TableSetupColumn(ui.text(column.header), column_flags, width);
        }
        ImGui::TableHeadersRow();

        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
            if (specs->SpecsCount > 0) {
                m_sort_column = specs->Specs[0].ColumnIndex;
                m_sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            }
            sort_visible();
            specs->SpecsDirty = false;
        }

        if (m_visible.empty()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextDisabled("%s", ui.text(m_entries.empty() ? Text::empty_registry : Text::nothing_matches));
        }
        // Only the rows on screen are laid out, so thousands of hromadas cost no more than ten.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_visible.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Entry& entry = m_entries[m_visible[static_cast<size_t>(i)]];
                ImGui::TableNextRow();
                for (size_t c = 0; c < m_columns.size(); ++c) {
                    ImGui::TableSetColumnIndex(static_cast<int>(c));
                    if (c == 0) {
                        // The whole row opens the record; the cells are drawn over it.
                        ImGui::PushID(entry.row.id.c_str());
                        if (ImGui::Selectable("##open", false,
                                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
                            opened = entry.row.id;
                        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                        ui.mark_target("row." + entry.row.id);
                        ImGui::PopID();
                        ImGui::SameLine(0, 0);
                    }
                    ui.cell(entry.row.cells[c].text, m_columns[c].numeric);
                }
            }
        }
        ImGui::EndTable();
    }

    FrameReport& report = ui.report();
    report.rows_shown = m_visible.size();
    report.rows.clear();
    for (size_t i = 0; i < m_visible.size() && i < FrameReport::max_rows; ++i) {
        const std::string& label = m_entries[m_visible[i]].label;
        ui.audited(label);  // published as shown, so held to the same standard
        report.rows.push_back(label);
    }
    ImGui::PopID();
    return opened;
}

}  // namespace prd::web
