#include "panels/proposal_panel.hpp"

#include <imgui.h>

#include "app/names.hpp"
#include "app/print_document.hpp"
#include "model/json_codec.hpp"
#include "panels/proposals_panel.hpp"
#include "platform/documents.hpp"
#include "platform/storage.hpp"
#include "proposals/templates.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

void dim(UiContext& ui, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph(ui, text);
    ImGui::PopStyleColor();
}

/// "proposal.accept", ...; confirming the signing is "proposal.sign".
std::string action_target(proposals::Action action) {
    if (action == proposals::Action::confirm_signing || action == proposals::Action::record_signing)
        return "proposal.sign";
    return "proposal." + std::string(proposals::to_string(action));
}

std::string who(const Registry& registry, const std::string& municipality, const std::string& role, Lang lang) {
    if (!municipality.empty()) return party_name(registry, municipality, lang);
    return role;
}

}  // namespace

std::string ProposalPanel::title(UiContext& ui) {
    const Proposal* p = ui.app().proposals().proposal(ui.app().route().id);
    if (p == nullptr) return ui.text(Text::nav_proposals);
    return std::string(label(p->kind, code(ui.lang()))) + ": " + party_name(ui.app().registry(), p->from, ui.lang()) +
           " → " + party_name(ui.app().registry(), p->to, ui.lang());
}

void ProposalPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    ProposalBook& book = app.proposals();
    const Registry& registry = app.registry();
    const Lang lang = ui.lang();
    ImGui::BeginChild("proposal", ImVec2(0, 0), false);
    if (link(ui, std::string("← ") + ui.text(Text::nav_proposals), "back")) ui.go(Route{Page::proposals, {}, {}});
    // Opening a proposal asks the server for the latest (the other side may have answered).
    if (m_refreshed_for != app.route().id) {
        m_refreshed_for = app.route().id;
        book.refresh();
    }
    const Proposal* found = book.proposal(app.route().id);
    if (found == nullptr) {
        heading(ui, ui.text(Text::nav_proposals));
        paragraph(ui, ui.text(Text::proposal_not_found));
        ImGui::EndChild();
        return;
    }
    const Proposal p = *found;  // a copy: acting below may replace the book's
    book.mark_read(p.id);
    const proposals::Side side = book.side(p, registry);
    const proposals::ProposalTemplate* tmpl = proposals::find_template(p.template_id);
    if (tmpl == nullptr) tmpl = &proposals::template_for_kind(p.kind);

    heading(ui, localized(tmpl->title, lang));
    paragraph(ui, party_name(registry, p.from, lang) + "  →  " + party_name(registry, p.to, lang));
    badge(ui, label(p.status, code(lang)), p.status == ProposalStatus::signed_ ? 0xFF3D8016u : 0xFFB7570Au);
    ui.mark_target("proposal.status");
    if (side == proposals::Side::sender) dim(ui, ui.text(Text::your_side_sender));
    if (side == proposals::Side::receiver) dim(ui, ui.text(Text::your_side_receiver));
    if (!p.signing_confirmed_by.empty()) {
        std::string names;
        for (const std::string& m : p.signing_confirmed_by)
            names += (names.empty() ? "" : ", ") + party_name(registry, m, lang);
        labelled(ui, Text::signing_confirmed_by, names);
    }
    if (!p.partnership.empty() && registry.find_partnership(p.partnership) != nullptr) {
        if (link(ui, ui.text(Text::signed_partnership), "proposal.partnership"))
            ui.go(partnership_route(p.partnership));
    }

    // The steps this side may take now, straight from the core's workflow; queued while offline.
    bool queued = false;
    for (const OutboxItem& item : book.outbox()) {
        if (item.proposal != p.id || item.kind != OutboxItem::Kind::action) continue;
        const auto action = proposals::action_from_string(item.action);
        const std::string what = action ? action_label(ui, *action) : item.action;
        if (item.refused.empty()) {
            dim(ui, what + " — " + ui.text(Text::waiting_to_send));
            queued = true;
        } else {
            error_line(ui, what + " — " + ui.text(Text::refused_by_server) + ": " + item.refused);
            const std::string item_id = item.id;
            if (link(ui, ui.text(Text::dismiss), "outbox.dismiss." + item_id)) book.dismiss(item_id);
            break;
        }
    }
    if (!queued) {
        bool first = true;
        for (const proposals::Action action : proposals::available(p, side)) {
            if (!first && !ui.narrow()) ImGui::SameLine();
            first = false;
            const bool primary = action == proposals::Action::accept || action == proposals::Action::confirm_signing ||
                                 action == proposals::Action::record_signing;
            if (action_button(ui, action_label(ui, action), action_target(action), primary)) book.act(p.id, action);
        }
    }
    if (action_button(ui, ui.text(Text::print_pdf), "print")) {
        platform::print_html(
            proposal_document(p, registry, PrintLayout::side_by_side, platform::utc_now().substr(0, 10)));
    }

    // The text, both languages.
    for (const std::string& name : proposals::section_order(p)) {
        const auto it = p.sections.find(name);
        if (it == p.sections.end()) continue;
        std::string title = name;
        for (const auto& section : tmpl->sections)
            if (section.name == name) title = localized(section.title, lang);
        heading(ui, title);
        const ProposalSection& s = it->second;
        const bool side_by_side = !ui.narrow();
        if (side_by_side) ImGui::BeginTable(name.c_str(), 2, ImGuiTableFlags_SizingStretchSame);
        for (const auto& [text, column] : {std::pair{&s.uk, Text::column_uk}, std::pair{&s.en, Text::column_en}}) {
            if (side_by_side) ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", ui.text(column));
            paragraph(ui, text->empty() ? std::string("—") : reflow(*text));
        }
        if (side_by_side) ImGui::EndTable();
    }

    // Messages between the two sides.
    heading(ui, ui.text(Text::messages));
    if (p.messages.empty()) dim(ui, ui.text(Text::no_messages));
    for (const ProposalMessage& m : p.messages) {
        dim(ui, who(registry, m.municipality, m.role, lang) + " · " + time_ago(m.at, platform::epoch_ms(), lang));
        paragraph(ui, reflow(m.text));
    }
    for (const OutboxItem& item : book.outbox()) {
        if (item.proposal != p.id || item.kind != OutboxItem::Kind::message) continue;
        dim(ui, std::string(ui.text(item.refused.empty() ? Text::waiting_to_send : Text::refused_by_server)) +
                    (item.refused.empty() ? std::string() : ": " + item.refused));
        paragraph(ui, item.text);
    }
    if (proposals::can_write_messages(p, side)) {
        text_area(ui, "##message", m_message, 3, "proposal.message", true);
        ImGui::BeginDisabled(m_message.find_first_not_of(" \t\r\n") == std::string::npos);
        if (action_button(ui, ui.text(Text::send_message), "proposal.message.send")) {
            book.write_message(p.id, m_message);
            m_message.clear();
        }
        ImGui::EndDisabled();
    }

    heading(ui, ui.text(Text::history));
    for (const StatusChange& change : p.history) {
        dim(ui, format_date(change.at.substr(0, std::min<std::size_t>(10, change.at.size())), lang) + " " +
                    (change.at.size() >= 16 ? change.at.substr(11, 5) + " UTC" : std::string()) + " · " +
                    who(registry, change.municipality, change.role, lang) + " · " +
                    std::string(label(change.from, code(lang))) + " → " +
                    std::string(label(change.status, code(lang))));
    }
    ImGui::EndChild();
}

}  // namespace prd::web
