#include "panels/simple_panels.hpp"

#include <imgui.h>

#include "app/countries.hpp"
#include "app/names.hpp"
#include "model/json_codec.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {

std::string DeclarationsPanel::title(UiContext& ui) { return ui.text(Text::nav_declarations); }

void DeclarationsPanel::draw(UiContext& ui) {
    const Registry& registry = ui.app().registry();
    const Lang lang = ui.lang();
    ImGui::BeginChild("declarations", ImVec2(0, 0), false);
    heading(ui, ui.text(Text::open_declarations));
    paragraph(ui, ui.text(Text::declarations_explained));
    int shown = 0;
    for (const auto& [id, p] : registry.partnerships()) {
        if (p.kind != PartnershipKind::joint_declaration && !p.open_to_join) continue;
        ++shown;
        ImGui::Separator();
        const std::string& t = localized(p.title, lang);
        if (link(ui, t.empty() ? std::string(label(p.kind, code(lang))) : t, "declaration." + id))
            ui.go(partnership_route(id));
        std::string line = std::string(label(p.kind, code(lang))) + " · " + std::to_string(p.parties.size()) + " " +
                           ui.text(Text::signatories_count);
        if (!p.signed_on.empty()) line += " · " + format_date(p.signed_on, lang);
        if (!p.place.empty()) line += " · " + p.place;
        if (p.open_to_join) line += " · " + std::string(ui.text(Text::col_open_to_join));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        paragraph(ui, line);
        ImGui::PopStyleColor();
    }
    if (shown == 0) paragraph(ui, ui.text(Text::nothing_matches));
    heading(ui, ui.text(Text::announcements));
    if (registry.announcements().empty()) paragraph(ui, ui.text(Text::no_announcements));
    for (const auto& [id, a] : registry.announcements()) {
        ImGui::Separator();
        paragraph(ui, format_date(a.date, lang) + " — " + localized(a.title, lang));
        if (const std::string& body = localized(a.body, lang); !body.empty()) paragraph(ui, body);
    }
    ImGui::EndChild();
}

std::string CommunityPanel::title(UiContext& ui) { return ui.text(Text::nav_community); }

void CommunityPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    Session& session = app.session();
    if (!session.signed_in()) {
        paragraph(ui, ui.text(Text::sign_in_first));
        if (action_button(ui, ui.text(Text::sign_in), "community.signin", true)) ui.go(Route{Page::signin, {}, {}});
        return;
    }
    heading(ui, ui.text(Text::signed_in_as));
    labelled(ui, Text::role,
             session.role() == "editor"      ? ui.text(Text::role_editor)
             : session.role() == "moderator" ? ui.text(Text::role_moderator)
                                             : ui.text(Text::role_admin));
    labelled(ui, Text::token_label, session.label());
    if (const Municipality* m = app.registry().find_municipality(session.municipality())) {
        ImGui::TextDisabled("%s:", ui.text(Text::your_community));
        ImGui::SameLine();
        if (link(ui, display_name(*m, ui.lang()), "community.profile")) ui.go(municipality_route(m->id));
        if (action_button(ui, ui.text(Text::edit_profile), "community.edit", true))
            ui.go(Route{Page::edit_municipality, m->id, {}});
    } else if (session.is_moderator()) {
        paragraph(ui, ui.text(Text::moderator_hint));
    }
    ImGui::Spacing();
    if (action_button(ui, ui.text(Text::sign_out), "signout")) {
        session.sign_out();
        ui.go(Route{Page::signin, {}, {}});
    }
}

std::string SigninPanel::title(UiContext& ui) { return ui.text(Text::sign_in); }

void SigninPanel::draw(UiContext& ui) {
    Session& session = ui.app().session();
    heading(ui, ui.text(Text::sign_in));
    if (session.signed_in()) {
        paragraph(ui, ui.text(Text::already_signed_in));
        if (m_submitted) {
            m_submitted = false;
            ui.go(Route{Page::community, {}, {}}, true);
        }
        if (action_button(ui, ui.text(Text::nav_community), "signin.community")) ui.go(Route{Page::community, {}, {}});
        return;
    }
    paragraph(ui, ui.text(Text::signin_explained));
    const bool enter = text_field(ui, "##token", ui.text(Text::token_hint), m_token, "signin.token", 0,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    const bool checking = session.status() == Session::Status::checking;
    ImGui::BeginDisabled(checking);
    if (action_button(ui, ui.text(Text::sign_in), "signin.submit", true) || (enter && !m_token.empty())) {
        m_submitted = true;
        session.sign_in(m_token);
    }
    ImGui::EndDisabled();
    if (checking) ImGui::TextDisabled("%s", ui.text(Text::checking));
    if (session.status() == Session::Status::refused)
        error_line(ui, std::string(ui.text(Text::token_refused)) + " " + session.message());
    if (session.status() == Session::Status::unreachable)
        error_line(ui, std::string(ui.text(Text::server_unreachable)) + " " + session.message());
    ImGui::Spacing();
    paragraph(ui, ui.text(Text::token_kept_here));
}

std::string JoinPanel::title(UiContext& ui) { return ui.text(Text::join_title); }

void JoinPanel::draw(UiContext& ui) {
    Session& session = ui.app().session();
    heading(ui, ui.text(Text::join_title));
    if (m_submitted && session.signed_in()) {
        ui.go(Route{Page::community, {}, {}}, true);  // the link is used up: Back should not lead to it
        m_submitted = false;
        return;
    }
    paragraph(ui, ui.text(Text::join_explained));
    ImGui::TextUnformatted(ui.text(Text::join_label));
    text_field(ui, "##label", "", m_label, "join.label");
    const bool checking = session.status() == Session::Status::checking;
    ImGui::BeginDisabled(checking);
    if (action_button(ui, ui.text(Text::join_accept), "join.accept", true)) {
        m_submitted = true;
        session.accept_invitation(ui.app().route().id, m_label);
    }
    ImGui::EndDisabled();
    if (checking) ImGui::TextDisabled("%s", ui.text(Text::checking));
    if (m_submitted && !checking && !session.signed_in() && !session.message().empty())
        error_line(ui, std::string(ui.text(Text::join_failed)) + ": " + session.message());
}

std::string NotFoundPanel::title(UiContext& ui) { return ui.text(Text::not_found); }

void NotFoundPanel::draw(UiContext& ui) {
    heading(ui, ui.text(Text::not_found));
    paragraph(ui, ui.text(Text::not_found_explained));
    if (link(ui, ui.text(Text::nav_find), "notfound.find")) ui.go(find_route());
}

}  // namespace prd::web
