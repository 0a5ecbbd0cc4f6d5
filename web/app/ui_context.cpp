#include "app/ui_context.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis: ImGui draws "…" for us, as in its own headers

namespace prd::web {

const char* UiContext::text(Text id) {
    const char* label = tr(id, m_app.language());
    m_audit.check(label);
    return label;
}

std::string_view UiContext::audited(std::string_view text) {
    m_audit.check(text);
    return text;
}

void UiContext::cell(std::string_view text, bool right_align) {
    m_audit.check(text);
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    const float room = ImGui::GetContentRegionAvail().x;
    if (size.x <= room) {
        if (right_align) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - size.x);
        ImGui::TextUnformatted(begin, end);
        return;
    }
    // Too long: end it with "…" so a cut is visible, and show it whole on hover.
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + room, min.y + size.y);
    ImGui::Dummy(ImVec2(room, size.y));
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), min, max, max.x, max.x, begin, end, &size);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
        ImGui::TextUnformatted(begin, end);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void UiContext::mark_target(const std::string& name) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    m_report.targets[name] = Target{min.x / m_pixel_ratio, min.y / m_pixel_ratio, (max.x - min.x) / m_pixel_ratio,
                                    (max.y - min.y) / m_pixel_ratio};
}

}  // namespace prd::web
