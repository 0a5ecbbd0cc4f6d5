#include "widgets/widgets.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: is the person typing in this field
#include <misc/cpp/imgui_stdlib.h>

#include "app/theme.hpp"
#include "platform/input.hpp"

namespace prd::web {
namespace {

void register_text_field(UiContext& ui, const std::string& target) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    platform::add_text_field_rect({min.x, min.y, max.x - min.x, max.y - min.y});
    if (!target.empty()) ui.mark_target(target);
}

/// Where to break [begin, end) so the first part fits `width`: the last space that keeps it within
/// the width, or nothing when even the first word is wider (a long address stays whole).
const char* break_point(const char* begin, const char* end, float width) {
    const char* best = nullptr;
    for (const char* p = begin; p < end; ++p) {
        if (*p != ' ') continue;
        if (ImGui::CalcTextSize(begin, p).x > width) break;
        best = p;
    }
    return best;
}

/// ImGui 1.90's multi-line field does not wrap words, so lines are broken as the person types: a
/// line that grows wider than the field is broken at its last space that fits.
int wrap_while_typing(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    const float width = *static_cast<const float*>(data->UserData);
    int start = data->CursorPos;
    while (start > 0 && data->Buf[start - 1] != '\n') --start;
    for (int guard = 0; guard < 64; ++guard) {
        int end = start;
        while (end < data->BufTextLen && data->Buf[end] != '\n') ++end;
        if (ImGui::CalcTextSize(data->Buf + start, data->Buf + end).x <= width) break;
        const char* at = break_point(data->Buf + start, data->Buf + end, width);
        if (at == nullptr) break;
        const int pos = static_cast<int>(at - data->Buf);
        data->DeleteChars(pos, 1);
        data->InsertChars(pos, "\n");
        start = pos + 1;
    }
    return 0;
}

}  // namespace

std::string wrap_lines(const std::string& text, float width, float tolerance) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t line_start = 0;
    while (line_start <= text.size()) {
        const std::size_t newline = text.find('\n', line_start);
        const std::size_t line_end = newline == std::string::npos ? text.size() : newline;
        const char* begin = text.data() + line_start;
        const char* end = text.data() + line_end;
        const bool too_wide = ImGui::CalcTextSize(begin, end).x > width * tolerance;
        while (too_wide && ImGui::CalcTextSize(begin, end).x > width) {
            const char* at = break_point(begin, end, width);
            if (at == nullptr) break;
            out.append(begin, at);
            out += '\n';
            begin = at + 1;
        }
        out.append(begin, end);
        if (newline == std::string::npos) break;
        out += '\n';
        line_start = newline + 1;
    }
    return out;
}

bool link(UiContext& ui, std::string_view text, const std::string& target) {
    ui.audited(text);
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const float room = ImGui::GetContentRegionAvail().x;
    ImVec2 size = ImGui::CalcTextSize(begin, end, false, room);
    ImGui::PushID(begin, end);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##link", ImVec2(std::max(size.x, 1.0f), size.y));
    const bool hot = ImGui::IsItemHovered() || ImGui::IsItemFocused();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, accent_blue(), begin, end, room);
    if (hot) {
        const float y = at.y + size.y - ui.px(1);
        draw->AddLine(ImVec2(at.x, y), ImVec2(at.x + size.x, y), accent_blue(), ui.px(1));
    }
    ImGui::PopID();
    if (!target.empty()) ui.mark_target(target);
    return pressed;
}

bool text_field(UiContext& ui, const char* id, const char* hint, std::string& value, const std::string& target,
                float width, int flags) {
    ImGui::SetNextItemWidth(width > 0 ? width : -FLT_MIN);
    const bool changed = ImGui::InputTextWithHint(id, hint, &value, flags);
    ui.audited(value);
    ui.audited(hint);
    register_text_field(ui, target);
    return changed;
}

bool text_area(UiContext& ui, const char* id, std::string& value, float lines, const std::string& target,
               bool wrap_words) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = ImGui::GetTextLineHeight() * lines + style.FramePadding.y * 2;
    // The text's room inside the frame, less the scrollbar a long text brings.
    float wrap_width = ImGui::GetContentRegionAvail().x - style.FramePadding.x * 2 - style.ScrollbarSize - ui.px(2);
    wrap_width = std::max(wrap_width, ui.px(60));
    bool changed = false;
    // Text that came from elsewhere (a template, another screen's width) is wrapped to this field
    // while the person is not typing in it.
    if (wrap_words && ImGui::GetActiveID() != ImGui::GetID(id)) {
        // The tolerance keeps a scrollbar coming and going from re-breaking lines into orphans.
        std::string wrapped = wrap_lines(value, wrap_width, 1.15f);
        if (wrapped != value) {
            value = std::move(wrapped);
            changed = true;
        }
    }
    changed |= wrap_words ? ImGui::InputTextMultiline(id, &value, ImVec2(-FLT_MIN, height),
                                                      ImGuiInputTextFlags_CallbackEdit, wrap_while_typing, &wrap_width)
                          : ImGui::InputTextMultiline(id, &value, ImVec2(-FLT_MIN, height));
    ui.audited(value);
    register_text_field(ui, target);
    return changed;
}

void heading(UiContext& ui, std::string_view text) {
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(accent_blue()));
    paragraph(ui, text);
    ImGui::PopStyleColor();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y),
                                        ImGui::GetColorU32(ImGuiCol_Border), ui.px(1));
    ImGui::Dummy(ImVec2(0, ui.px(4)));
}

void labelled(UiContext& ui, Text label, std::string_view value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s:", ui.text(label));
    ImGui::SameLine();
    paragraph(ui, value);
}

void badge(UiContext& ui, std::string_view text, unsigned colour) {
    ui.audited(text);
    const ImVec2 pad(ui.px(6), ui.px(1));
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x + 2 * pad.x, at.y + size.y + 2 * pad.y), colour, ui.px(8));
    draw->AddText(ImVec2(at.x + pad.x, at.y + pad.y), IM_COL32(255, 255, 255, 255), text.data(),
                  text.data() + text.size());
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

void paragraph(UiContext& ui, std::string_view text) {
    ui.audited(text);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

bool action_button(UiContext& ui, const char* label, const std::string& target, bool primary) {
    ui.audited(label);
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(accent_blue()));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.0f, 0.28f, 0.60f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.0f, 0.22f, 0.50f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const bool pressed = ImGui::Button(label, ImVec2(ui.narrow() ? -FLT_MIN : 0, 0));
    if (primary) ImGui::PopStyleColor(4);
    if (!target.empty()) ui.mark_target(target);
    return pressed;
}

void error_line(UiContext& ui, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(error_text()));
    paragraph(ui, text);
    ImGui::PopStyleColor();
}

}  // namespace prd::web
