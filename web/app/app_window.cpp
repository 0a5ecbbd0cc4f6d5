#include "app/app_window.hpp"

#include <string>

#include <imgui.h>

#include "app/theme.hpp"
#include "panels/panel.hpp"
#include "platform/platform.hpp"

namespace prd::web {
namespace {

/// One segment of the УКР | ENG switch; the active one is filled with the accent colour.
void language_button(UiContext& ui, const char* caption, Lang lang, const char* target) {
    const bool active = ui.app().language() == lang;
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(accent_blue()));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(accent_blue()));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    if (ImGui::Button(caption) && !active) {
        ui.app().set_language(lang);
        platform::save_setting("language", lang == Lang::uk ? "uk" : "en");  // the next visit opens in it
    }
    if (active) ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.text(Text::language_toggle_hint));
    ui.mark_target(target);
}

void draw_header(UiContext& ui, ImFont* title_font) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* uk_caption = ui.audited("УКР").data();
    const char* en_caption = ui.audited("ENG").data();
    const float switch_width = ImGui::CalcTextSize(uk_caption).x + ImGui::CalcTextSize(en_caption).x +
                               style.FramePadding.x * 4 + style.ItemSpacing.x * 0.5f;

    const char* title = ui.text(Text::app_title);
    ImGui::PushFont(title_font);
    const float title_width = ImGui::CalcTextSize(title).x;
    ImGui::PopFont();
    const float switch_x = ImGui::GetContentRegionMax().x - switch_width;
    // On a narrow screen (a phone) the switch goes first and the title wraps below it.
    const bool side_by_side = ImGui::GetCursorPosX() + title_width + style.ItemSpacing.x < switch_x;
    const auto draw_switch = [&] {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x * 0.5f, style.ItemSpacing.y));
        language_button(ui, uk_caption, Lang::uk, "lang.uk");
        ImGui::SameLine();
        language_button(ui, en_caption, Lang::en, "lang.en");
        ImGui::PopStyleVar();
    };
    if (!side_by_side) {
        ImGui::SetCursorPosX(switch_x);
        draw_switch();
    }
    ImGui::PushFont(title_font);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(accent_blue()));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(title);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (side_by_side) {
        ImGui::SameLine(switch_x);
        draw_switch();
    }

    std::string subtitle = ui.text(Text::app_subtitle);
    if (ui.app().generation() > 0) {
        subtitle += " · ";
        subtitle += ui.text(Text::revision);
        subtitle += " " + std::to_string(ui.app().registry().revision());
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", ui.audited(subtitle).data());
    ImGui::PopStyleColor();

    // A thin blue-over-yellow rule under the header, the flag's colours.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float band = ui.px(2);
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + band), accent_blue());
    draw->AddRectFilled(ImVec2(at.x, at.y + band), ImVec2(at.x + width, at.y + 2 * band), IM_COL32(255, 215, 0, 255));
    ImGui::Dummy(ImVec2(width, 2 * band + ui.px(4)));
}

void draw_loading(UiContext& ui) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", ui.text(Text::loading));
}

void draw_error(UiContext& ui) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(error_text()));
    ImGui::TextUnformatted(ui.text(Text::load_failed));
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", ui.audited(ui.app().error()).data());
    if (ImGui::Button(ui.text(Text::retry))) ui.app().begin_loading();
    ui.mark_target("retry");
    ImGui::Spacing();
}

void draw_tabs(UiContext& ui, std::span<const std::unique_ptr<Panel>> panels) {
    if (!ImGui::BeginTabBar("views", ImGuiTabBarFlags_None)) return;
    for (const auto& panel : panels) {
        const std::string name(to_string(panel->view()));
        // "###" keeps the tab's identity when its label changes language or count.
        const std::string label = std::string(ui.text(panel->title())) + " (" +
                                  std::to_string(panel->record_count(ui.app().registry())) + ")###" + name;
        const bool open = ImGui::BeginTabItem(label.c_str());
        ui.mark_target("tab." + name);
        if (open) {
            ui.app().set_view(panel->view());
            ImGui::Spacing();
            panel->draw(ui);
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
}

}  // namespace

void draw_app_window(UiContext& ui, std::span<const std::unique_ptr<Panel>> panels, ImFont* title_font) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##app", nullptr, flags);
    draw_header(ui, title_font);
    const AppState& app = ui.app();
    if (app.status() == LoadStatus::error) draw_error(ui);
    if (app.generation() > 0) {
        draw_tabs(ui, panels);
    } else if (app.status() == LoadStatus::loading) {
        draw_loading(ui);
    }
    ImGui::End();
}

}  // namespace prd::web
