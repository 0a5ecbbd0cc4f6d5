#include "app/theme.hpp"

#include <imgui.h>

namespace prd::web {
namespace {

// #0057B7 and #FFD700: the flag's blue and yellow.
constexpr ImVec4 blue{0.0f, 0.341f, 0.718f, 1.0f};
constexpr ImVec4 yellow{1.0f, 0.843f, 0.0f, 1.0f};

ImVec4 with_alpha(ImVec4 colour, float alpha) { return {colour.x, colour.y, colour.z, alpha}; }

}  // namespace

void apply_theme(float scale) {
    ImGuiStyle style;  // a fresh default, so scaling never compounds
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(10, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 5);
    style.WindowRounding = 0;
    style.FrameRounding = 5;
    style.TabRounding = 5;
    style.ScrollbarSize = 14;
    style.ScrollbarRounding = 7;
    style.GrabRounding = 5;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;  // text fields and check boxes stand out from the white page

    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.972f, 0.976f, 0.984f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Text] = ImVec4(0.10f, 0.12f, 0.16f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.50f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = with_alpha(blue, 0.08f);
    c[ImGuiCol_FrameBgActive] = with_alpha(blue, 0.14f);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.83f, 0.87f, 1.0f);
    c[ImGuiCol_Button] = with_alpha(blue, 0.10f);
    c[ImGuiCol_ButtonHovered] = with_alpha(blue, 0.22f);
    c[ImGuiCol_ButtonActive] = with_alpha(blue, 0.35f);
    c[ImGuiCol_Header] = with_alpha(blue, 0.12f);
    c[ImGuiCol_HeaderHovered] = with_alpha(blue, 0.20f);
    c[ImGuiCol_HeaderActive] = with_alpha(blue, 0.30f);
    c[ImGuiCol_Tab] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_TabHovered] = with_alpha(blue, 0.14f);
    c[ImGuiCol_TabActive] = with_alpha(blue, 0.22f);
    c[ImGuiCol_TabUnfocused] = c[ImGuiCol_Tab];
    c[ImGuiCol_TabUnfocusedActive] = with_alpha(blue, 0.22f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.91f, 0.93f, 0.96f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.80f, 0.83f, 0.87f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.88f, 0.90f, 0.93f, 1.0f);
    c[ImGuiCol_TableRowBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.965f, 0.972f, 0.985f, 1.0f);
    c[ImGuiCol_Separator] = with_alpha(yellow, 1.0f);
    c[ImGuiCol_CheckMark] = blue;
    c[ImGuiCol_NavHighlight] = yellow;
    c[ImGuiCol_TextSelectedBg] = with_alpha(blue, 0.25f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

unsigned accent_blue() { return ImGui::ColorConvertFloat4ToU32(blue); }
unsigned muted_text() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
unsigned error_text() { return ImGui::ColorConvertFloat4ToU32(ImVec4(0.70f, 0.10f, 0.10f, 1.0f)); }

}  // namespace prd::web
