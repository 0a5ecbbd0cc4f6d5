#include "panels/admin_panel.hpp"

#include <algorithm>

#include <imgui.h>

#include "app/names.hpp"
#include "model/json_codec.hpp"
#include "panels/proposals_panel.hpp"
#include "platform/storage.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

void dim(UiContext& ui, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph(ui, text);
    ImGui::PopStyleColor();
}

std::string when(const std::string& iso, Lang lang) {
    return iso.size() >= 10 ? format_date(iso.substr(0, 10), lang) : iso;
}

}  // namespace

std::string AdminPanel::title(UiContext& ui) { return ui.text(Text::nav_admin); }

void AdminPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    AdminDesk& desk = app.admin();
    const Registry& registry = app.registry();
    const Session& session = app.session();
    const Lang lang = ui.lang();
    ImGui::BeginChild("admin", ImVec2(0, 0), false);
    heading(ui, ui.text(Text::nav_admin));
    if (!session.is_moderator()) {
        paragraph(ui, ui.text(Text::admin_only));
        ImGui::EndChild();
        return;
    }
    const int frame = ImGui::GetFrameCount();
    if (frame != m_last_frame + 1) desk.refresh();  // just came here
    m_last_frame = frame;

    heading(ui, ui.text(Text::admin_invite_heading));
    if (const Municipality* chosen = registry.find_municipality(m_municipality)) {
        labelled(ui, Text::admin_community, display_name(*chosen, lang));
        ImGui::SameLine();
        if (link(ui, ui.text(Text::clear), "admin.municipality.clear")) m_municipality.clear();
    } else {
        ImGui::TextUnformatted(ui.text(Text::admin_community));
        text_field(ui, "##community", ui.text(Text::filter_hint), m_query, "admin.municipality");
        if (!m_query.empty()) {
            SearchRequest request;
            request.query = m_query;
            request.limit = 6;
            request.want_facets = false;
            for (const SearchHit& hit : app.index().search(request).hits) {
                const Municipality* m = registry.find_municipality(hit.id);
                if (m == nullptr) continue;
                if (link(ui, display_name(*m, lang) + " · " + std::string(label(m->kind, code(lang))),
                         "admin.municipality." + hit.id))
                    m_municipality = hit.id;
            }
        }
    }
    const char* roles[] = {"editor", "moderator", "admin"};
    const int role_count = session.role() == "admin" ? 3 : 1;  // moderators invite editors
    m_role = std::min(m_role, role_count - 1);
    ImGui::TextUnformatted(ui.text(Text::admin_role));
    ImGui::SetNextItemWidth(ui.px(200));
    ImGui::Combo("##role", &m_role, roles, role_count);
    ui.mark_target("admin.role");
    ImGui::TextUnformatted(ui.text(Text::admin_days));
    ImGui::SetNextItemWidth(ui.px(200));
    ImGui::InputInt("##days", &m_days);
    m_days = std::clamp(m_days, 1, 90);
    ui.mark_target("admin.days");
    ImGui::TextUnformatted(ui.text(Text::admin_label));
    text_field(ui, "##label", "", m_label, "admin.label");
    ImGui::BeginDisabled(m_municipality.empty() || desk.busy());
    if (action_button(ui, ui.text(Text::admin_create), "admin.invite", true))
        desk.invite(m_municipality, roles[m_role], m_days, m_label);
    ImGui::EndDisabled();
    if (!desk.new_link().empty()) {
        paragraph(ui, ui.text(Text::admin_link_once));
        std::string shown = desk.new_link();
        text_field(ui, "##link", "", shown, "admin.link", 0, ImGuiInputTextFlags_ReadOnly);
        if (action_button(ui, ui.text(Text::admin_copy), "admin.copy")) ImGui::SetClipboardText(desk.new_link().c_str());
    }
    if (!desk.error().empty()) error_line(ui, desk.error());

    heading(ui, ui.text(Text::admin_invitations));
    if (desk.invitations().empty()) dim(ui, ui.text(Text::proposals_none));
    std::string withdraw;
    for (const AdminInvitation& i : desk.invitations()) {
        ImGui::PushID(i.id.c_str());
        ImGui::Separator();
        paragraph(ui, party_name(registry, i.municipality, lang) + " · " + i.role + (i.label.empty() ? "" : " · " + i.label));
        dim(ui, i.state + " · " + ui.text(Text::admin_expires) + " " + when(i.expires_at, lang));
        if (i.state == "open" && link(ui, ui.text(Text::admin_withdraw), "admin.withdraw." + i.id)) withdraw = i.id;
        ImGui::PopID();
    }
    if (!withdraw.empty()) desk.withdraw_invitation(withdraw);

    heading(ui, ui.text(Text::admin_tokens));
    std::string revoke;
    for (const AdminToken& t : desk.tokens()) {
        ImGui::PushID(t.id.c_str());
        ImGui::Separator();
        paragraph(ui, (t.label.empty() ? t.id : t.label) + " · " + t.role +
                          (t.municipality.empty() ? "" : " · " + party_name(registry, t.municipality, lang)));
        dim(ui, (t.revoked ? std::string(ui.text(Text::admin_revoked))
                           : t.last_used_at.empty() ? std::string(ui.text(Text::admin_never))
                                                    : std::string(ui.text(Text::admin_last_used)) + " " +
                                                          time_ago(t.last_used_at, platform::epoch_ms(), lang)));
        if (!t.revoked && link(ui, ui.text(Text::admin_revoke), "admin.revoke." + t.id)) revoke = t.id;
        ImGui::PopID();
    }
    if (!revoke.empty()) desk.revoke_token(revoke);
    ImGui::EndChild();
}

}  // namespace prd::web
