#include "panels/proposals_panel.hpp"

#include <imgui.h>

#include "app/names.hpp"
#include "model/json_codec.hpp"
#include "platform/documents.hpp"
#include "platform/storage.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {

std::string party_name(const Registry& registry, const std::string& id, Lang lang) {
    if (const Municipality* m = registry.find_municipality(id)) return display_name(*m, lang);
    if (const Partnership* p = registry.find_partnership(id)) {
        const std::string& title = localized(p->title, lang);
        if (!title.empty()) return title;
    }
    return id;
}

const char* action_label(UiContext& ui, proposals::Action action) {
    switch (action) {
        case proposals::Action::send: return ui.text(Text::action_send);
        case proposals::Action::discuss: return ui.text(Text::action_discuss);
        case proposals::Action::accept: return ui.text(Text::action_accept);
        case proposals::Action::decline: return ui.text(Text::action_decline);
        case proposals::Action::withdraw: return ui.text(Text::action_withdraw);
        case proposals::Action::confirm_signing: return ui.text(Text::action_confirm_signing);
        case proposals::Action::record_signing: return ui.text(Text::action_record_signing);
    }
    return "";
}

std::string ProposalsPanel::title(UiContext& ui) { return ui.text(Text::nav_proposals); }

namespace {

void dim_line(UiContext& ui, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph(ui, text);
    ImGui::PopStyleColor();
}

}  // namespace

void ProposalsPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    ProposalBook& book = app.proposals();
    const Registry& registry = app.registry();
    const Session& session = app.session();
    const Lang lang = ui.lang();
    ImGui::BeginChild("proposals", ImVec2(0, 0), false);
    // Coming to the list asks the server for the latest (answers, new proposals).
    const int frame = ImGui::GetFrameCount();
    if (frame != m_last_frame + 1) book.refresh();
    m_last_frame = frame;
    heading(ui, ui.text(Text::nav_proposals));

    if (!session.signed_in() || session.municipality().empty()) {
        paragraph(ui, ui.text(Text::sign_in_to_draft));
        if (!session.signed_in() && action_button(ui, ui.text(Text::sign_in), "proposals.signin", true))
            ui.go(Route{Page::signin, {}, {}});
    } else {
        if (action_button(ui, ui.text(Text::new_draft), "proposal.new", true))
            ui.go(Route{Page::draft, "new", {{"from", session.municipality()}}});
        if (!ui.narrow()) ImGui::SameLine();
        if (action_button(ui, ui.text(Text::import_draft), "proposal.import")) {
            platform::pick_file(".json,application/json", [&app, this](std::string, std::string content) {
                std::string error;
                const std::string id = app.proposals().import_draft(content, app.registry(), error);
                m_import_error = error;
                if (!id.empty()) app.navigate(draft_route(id));
            });
        }
    }
    if (!m_import_error.empty()) error_line(ui, std::string(ui.text(Text::import_failed)) + ": " + m_import_error);
    if (book.persist_state() == PersistState::refused) dim_line(ui, ui.text(Text::persist_refused));

    // Drafts: this browser's alone.
    heading(ui, ui.text(Text::proposals_drafts));
    if (book.can_undo_remove()) {
        if (link(ui, ui.text(Text::undo_delete), "draft.undo")) book.undo_remove();
    }
    if (book.drafts().empty()) dim_line(ui, ui.text(Text::proposals_none));
    std::string remove;  // after the loop: removing inside it would pull the list from under it
    for (const auto& [id, draft] : book.drafts()) {
        ImGui::PushID(id.c_str());
        ImGui::Separator();
        const std::string to = party_name(registry, draft.to, lang);
        if (link(ui, to + " · " + std::string(label(draft.kind, code(lang))), "draft." + id)) ui.go(draft_route(id));
        std::string line = std::string(ui.text(Text::updated)) + " " +
                           time_ago(draft.updated_at, platform::epoch_ms(), lang) + " · " +
                           std::to_string(ProposalBook::characters(draft)) + " " + ui.text(Text::characters);
        if (book.sending(id)) line += " · " + std::string(ui.text(Text::waiting_to_send));
        dim_line(ui, line);
        for (const OutboxItem& item : book.outbox()) {
            if (item.proposal != id || item.refused.empty()) continue;
            error_line(ui, std::string(ui.text(Text::refused_by_server)) + ": " + item.refused);
        }
        if (action_button(ui, ui.text(Text::delete_draft), "draft.delete." + id)) remove = id;
        ImGui::PopID();
    }
    if (!remove.empty()) book.remove_draft(remove);

    // Received and sent, as the server last said.
    const std::string& mine = session.municipality();
    for (const bool received : {true, false}) {
        heading(ui, ui.text(received ? Text::proposals_received : Text::proposals_sent));
        int shown = 0;
        for (const auto& [id, p] : book.received_and_sent()) {
            const bool is_sent = !mine.empty() && p.from == mine;
            if (received == is_sent) continue;
            ++shown;
            ImGui::PushID(id.c_str());
            ImGui::Separator();
            const std::string other = party_name(registry, received ? p.from : p.to, lang);
            if (book.unread(p)) {
                badge(ui, ui.text(Text::unread), 0xFF1A56C2u);
                ImGui::SameLine();
            }
            if (link(ui, other + " · " + std::string(label(p.kind, code(lang))), "proposal." + id))
                ui.go(proposal_route(id));
            std::string line = std::string(label(p.status, code(lang)));
            if (!p.updated_at.empty()) line += " · " + time_ago(p.updated_at, platform::epoch_ms(), lang);
            if (!p.messages.empty())
                line += " · " + std::string(ui.text(Text::messages)) + ": " + std::to_string(p.messages.size());
            dim_line(ui, line);
            ImGui::PopID();
        }
        if (shown == 0) dim_line(ui, ui.text(Text::proposals_none));
    }

    // What the server refused and nothing else shows (answers, messages).
    for (const OutboxItem& item : book.outbox()) {
        if (item.refused.empty() || item.kind == OutboxItem::Kind::send) continue;
        ImGui::PushID(item.id.c_str());
        error_line(ui, std::string(ui.text(Text::refused_by_server)) + ": " + item.refused);
        if (link(ui, ui.text(Text::dismiss), "outbox.dismiss." + item.id)) book.dismiss(item.id);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace prd::web
