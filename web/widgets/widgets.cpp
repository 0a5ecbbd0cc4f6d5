#include "widgets/widgets.hpp"

#include <imgui.h>
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

}  // namespace

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

bool text_area(UiContext& ui, const char* id, std::string& value, float lines, const std::string& target) {
    const float height = ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2;
    const bool changed = ImGui::InputTextMultiline(id, &value, ImVec2(-FLT_MIN, height));
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
