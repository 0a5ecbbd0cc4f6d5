#include "app/app_window.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/names.hpp"
#include "app/theme.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

void draw_connection_status(UiContext& ui);

/// One segment of the УКР | ENG switch; the active one is filled with the accent colour.
void language_button(UiContext& ui, const char* caption, Lang lang, const char* target) {
    const bool active = ui.app().language() == lang;
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(accent_blue()));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(accent_blue()));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    if (ImGui::Button(caption) && !active) ui.app().set_language(lang);
    if (active) ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.text(Text::language_toggle_hint));
    ui.mark_target(target);
}

void draw_header(UiContext& ui) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* uk_caption = ui.audited("УКР").data();
    const char* en_caption = ui.audited("ENG").data();
    const float switch_width = ImGui::CalcTextSize(uk_caption).x + ImGui::CalcTextSize(en_caption).x +
                               style.FramePadding.x * 4 + style.ItemSpacing.x * 0.5f;
    const float switch_x = ImGui::GetContentRegionMax().x - switch_width;

    // Phones get the short name on one line, so the content keeps the screen.
    ImFont* font = ui.narrow() ? ImGui::GetFont() : ui.title_font();
    const char* title = ui.text(ui.narrow() ? Text::app_short_title : Text::app_title);
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(accent_blue()));
    ImGui::PushTextWrapPos(switch_x - style.ItemSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(switch_x);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x * 0.5f, style.ItemSpacing.y));
    language_button(ui, uk_caption, Lang::uk, "lang.uk");
    ImGui::SameLine();
    language_button(ui, en_caption, Lang::en, "lang.en");
    ImGui::PopStyleVar();

    // A thin blue-over-yellow rule under the header, the flag's colours.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float band = ui.px(2);
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + band), accent_blue());
    draw->AddRectFilled(ImVec2(at.x, at.y + band), ImVec2(at.x + width, at.y + 2 * band), IM_COL32(255, 215, 0, 255));
    ImGui::Dummy(ImVec2(width, 2 * band + ui.px(2)));
}

struct NavItem {
    Page page;
    Text label;
    const char* target;
};

/// The places the navigation offers, in order; My community replaces Sign in once signed in.
std::vector<NavItem> nav_items(const UiContext& ui) {
    const bool signed_in = ui.app().session().signed_in();
    return {
        {Page::find, Text::nav_find, "nav.find"},
        {Page::partnerships, Text::nav_partnerships, "nav.partnerships"},
        {Page::declarations, Text::nav_declarations, "nav.declarations"},
        signed_in ? NavItem{Page::community, Text::nav_community, "nav.community"}
                  : NavItem{Page::signin, Text::sign_in, "nav.signin"},
        {Page::proposals, Text::nav_proposals, "nav.proposals"},
        {Page::map, Text::nav_map, "nav.map"},
    };
}

/// Moderators and admins also manage access; the item joins the list (behind "More" on phones).
std::vector<NavItem> nav_items_for(const UiContext& ui) {
    std::vector<NavItem> items = nav_items(ui);
    if (ui.app().session().is_moderator()) items.push_back({Page::admin, Text::nav_admin, "nav.admin"});
    return items;
}

/// Pages reached from a nav item light that item (a profile lights Find).
bool lights(Page item, Page current) {
    if (item == current) return true;
    if (item == Page::find) return current == Page::municipality || current == Page::edit_municipality;
    if (item == Page::partnerships) return current == Page::partnership;
    if (item == Page::map) return current == Page::dashboard;
    return false;
}

void open(UiContext& ui, Page page) {
    if (page == Page::find) {
        ui.go(find_route());
    } else {
        ui.go(Route{page, {}, {}});
    }
}

/// The server-rendered text version of the page on screen (for screen readers, printing, sharing).
std::string text_version_url(const UiContext& ui) {
    const Route& route = ui.app().route();
    const std::string lang = "lang=" + std::string(code(ui.lang()));
    switch (route.page) {
        case Page::municipality: return "registry/m/" + percent_encode(route.id) + "?" + lang;
        case Page::partnership: return "registry/p/" + percent_encode(route.id) + "?" + lang;
        case Page::declarations: return "registry/declarations?" + lang;
        case Page::find:
            if (!route.param("q").empty()) return "registry/?q=" + percent_encode(route.param("q")) + "&" + lang;
            return "registry/?" + lang;
        default: return "registry/?" + lang;
    }
}

void draw_sidebar(UiContext& ui) {
    for (const NavItem& item : nav_items_for(ui)) {
        const bool selected = lights(item.page, ui.app().route().page);
        if (ImGui::Selectable(ui.text(item.label), selected, 0, ImVec2(0, ImGui::GetFrameHeight())))
            open(ui, item.page);
        ui.mark_target(item.target);
    }
    ImGui::Spacing();
    if (link(ui, ui.text(Text::text_version), "nav.text_version")) platform::open_page(text_version_url(ui));
    ImGui::Spacing();
    ImGui::Separator();
    draw_connection_status(ui);
    const Session& session = ui.app().session();
    if (session.signed_in()) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        paragraph(ui, std::string(ui.text(Text::signed_in_as)) + ": " + session.role() +
                          (session.label().empty() ? std::string() : " · " + session.label()));
        ImGui::PopStyleColor();
    }
}

/// The bottom bar's shorter words for the longest labels.
Text short_label(Text label) {
    if (label == Text::nav_declarations) return Text::nav_declarations_short;
    if (label == Text::nav_community) return Text::nav_community_short;
    return label;
}

void draw_bottom_bar(UiContext& ui, float height) {
    const auto items = nav_items_for(ui);
    const std::size_t main_items = 4;  // the rest sit behind "More"
    // Each item as wide as its label plus an equal share of what is left, so long Ukrainian
    // labels ("Партнерства") fit beside short ones.
    std::vector<const char*> labels;
    for (std::size_t i = 0; i < main_items; ++i) labels.push_back(ui.text(short_label(items[i].label)));
    labels.push_back(ui.text(Text::more));
    float text_width = 0;
    for (const char* label : labels) text_width += ImGui::CalcTextSize(label).x;
    // Smaller type when the labels would touch (a 360 px phone in Ukrainian).
    const float room = ImGui::GetContentRegionAvail().x - ui.px(8) * static_cast<float>(labels.size());
    const float scale = std::min(0.9f, room / std::max(text_width, 1.0f));
    ImGui::SetWindowFontScale(scale);
    text_width *= scale;
    const float spare =
        std::max(0.0f, ImGui::GetContentRegionAvail().x - text_width) / static_cast<float>(labels.size());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const ImVec2 size(ImGui::CalcTextSize(labels[i]).x + spare, height);
        if (i < main_items) {
            const NavItem& item = items[i];
            if (ImGui::Selectable(labels[i], lights(item.page, ui.app().route().page), 0, size)) open(ui, item.page);
            ui.mark_target(item.target);
        } else {
            if (ImGui::Selectable(labels[i], false, 0, size)) ImGui::OpenPopup("more");
            ui.mark_target("nav.more");
        }
    }
    ImGui::PopStyleVar(2);
    ImGui::SetWindowFontScale(1.0f);
    if (ImGui::BeginPopup("more")) {
        for (std::size_t i = main_items; i < items.size(); ++i) {
            if (ImGui::Selectable(ui.text(items[i].label), false, 0, ImVec2(ui.px(200), ImGui::GetFrameHeight())))
                open(ui, items[i].page);
            ui.mark_target(items[i].target);
        }
        if (ImGui::Selectable(ui.text(Text::text_version), false, 0, ImVec2(ui.px(200), ImGui::GetFrameHeight())))
            platform::open_page(text_version_url(ui));
        ui.mark_target("nav.text_version");
        ImGui::EndPopup();
    }
}

void draw_status(UiContext& ui) {
    const AppState& app = ui.app();
    if (app.status() == LoadStatus::error) {
        error_line(ui, std::string(ui.text(Text::load_failed)) + ": " + app.error());
        if (ImGui::Button(ui.text(Text::retry))) ui.app().begin_loading();
        ui.mark_target("retry");
    } else if (app.status() == LoadStatus::loading && app.generation() == 0) {
        // A first visit on a weak link: show that the registry is arriving, and how much of it.
        const std::size_t bytes = app.registry_sync().snapshot_bytes();
        if (bytes > 0) {
            char size[48];
            std::snprintf(size, sizeof size, " %.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
            ImGui::TextDisabled("%s%s", ui.text(Text::loading), size);
        } else {
            ImGui::TextDisabled("%s", ui.text(Text::loading));
        }
        ui.mark_target("loading");
    }
}

/// Online or offline, when the registry was last brought up to date, what waits to be sent: an
/// officer on a weak connection knows what they are looking at. Phones get it on one short line.
void draw_connection_status(UiContext& ui) {
    const AppState& app = ui.app();
    const RegistrySync& sync = app.registry_sync();
    const bool online = platform::online() && !sync.unreachable();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float dot = ui.px(4);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    draw->AddCircleFilled(ImVec2(at.x + dot, at.y + line * 0.5f), dot,
                          online ? IM_COL32(22, 128, 61, 255) : IM_COL32(179, 26, 26, 255));
    ImGui::Dummy(ImVec2(dot * 2.5f, line));
    ImGui::SameLine(0, ui.px(4));
    std::string text = ui.text(online ? Text::status_online : Text::status_offline);
    std::string updated;
    if (sync.syncing() && online) {
        updated = ui.text(Text::status_updating);
    } else if (!sync.synced_at().empty()) {
        updated = std::string(ui.text(Text::status_updated)) + " " +
                  time_ago(sync.synced_at(), platform::epoch_ms(), ui.lang());
    } else if (app.status() == LoadStatus::ready) {
        updated = ui.text(Text::status_never_updated);
    }
    const std::size_t waiting = app.waiting_changes();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (ui.narrow()) {
        if (!updated.empty()) text += " · " + updated;
        if (waiting > 0) text += " · " + std::to_string(waiting) + " " + ui.text(Text::status_waiting);
        ImGui::TextUnformatted(ui.audited(text).data());
    } else {
        ImGui::TextUnformatted(ui.audited(text).data());
        if (!updated.empty()) paragraph(ui, updated);
        if (waiting > 0) paragraph(ui, std::to_string(waiting) + " " + ui.text(Text::status_waiting));
        if (!sync.storage_error().empty()) paragraph(ui, ui.text(Text::status_storage_failed));
    }
    ImGui::PopStyleColor();
    ui.mark_target("status");
}

Panel* panel_for(std::span<const std::unique_ptr<Panel>> panels, Page page) {
    for (const auto& panel : panels)
        if (panel->page() == page) return panel.get();
    return nullptr;
}

}  // namespace

void draw_app_window(UiContext& ui, std::span<const std::unique_ptr<Panel>> panels) {
    AppState& app = ui.app();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    // Phones: finger-sized controls.
    if (ui.narrow()) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(10), ui.px(8)));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui.px(10), ui.px(10)));
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.px(8), ui.px(10)));
    }
    ImGui::Begin("##app", nullptr, flags);
    draw_header(ui);
    if (ui.narrow()) draw_connection_status(ui);
    draw_status(ui);

    // '/' puts the cursor in Find's search box from anywhere, unless the person is typing.
    if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) {
        if (app.route().page != Page::find) ui.go(find_route());
        app.request_search_focus();
    }

    const float bar = ui.narrow() ? ui.px(56) : 0;  // a bottom bar of finger-sized targets
    if (!ui.narrow()) {
        ImGui::BeginChild("nav", ImVec2(ui.px(210), 0), false);
        draw_sidebar(ui);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    // Chosen after the sidebar, so a click there shows its page in the same frame.
    Panel* panel = panel_for(panels, app.route().page);
    if (panel == nullptr) panel = panel_for(panels, Page::not_found);
    ui.report().view = panel->page();
    ImGui::BeginChild("content", ImVec2(0, ui.narrow() ? -bar : 0), false);
    if (app.generation() > 0) panel->draw(ui);
    ImGui::EndChild();
    if (ui.narrow()) draw_bottom_bar(ui, bar - ImGui::GetStyle().ItemSpacing.y);  // about 46 CSS px
    ImGui::End();
    if (ui.narrow()) ImGui::PopStyleVar(3);

    // The tab and the history list name the place.
    static std::string last_title;
    std::string title = (app.generation() > 0 ? panel->title(ui) + " — " : std::string()) + ui.text(Text::app_title);
    if (title != last_title) {
        platform::set_title(title);
        last_title = std::move(title);
    }
}

}  // namespace prd::web
