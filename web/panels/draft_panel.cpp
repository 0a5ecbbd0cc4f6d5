#include "panels/draft_panel.hpp"

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

const proposals::ProposalTemplate& template_of(const Proposal& p) {
    const proposals::ProposalTemplate* tmpl = proposals::find_template(p.template_id);
    return tmpl != nullptr ? *tmpl : proposals::template_for_kind(p.kind);
}

const proposals::TemplateSection* section_of(const proposals::ProposalTemplate& tmpl, const std::string& name) {
    for (const auto& section : tmpl.sections)
        if (section.name == name) return &section;
    return nullptr;
}

void dim(UiContext& ui, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph(ui, text);
    ImGui::PopStyleColor();
}

Text section_state(const ProposalSection& s) {
    if (s.uk.empty() && s.en.empty()) return Text::section_empty;
    if (s.en.empty()) return Text::section_missing_en;
    if (s.uk.empty()) return Text::section_missing_uk;
    return Text::section_written;
}

}  // namespace

std::string DraftPanel::title(UiContext& ui) {
    const Route& route = ui.app().route();
    if (const Proposal* d = ui.app().proposals().draft(route.id))
        return std::string(ui.text(Text::proposals_drafts)) + ": " + party_name(ui.app().registry(), d->to, ui.lang());
    return ui.text(Text::new_draft);
}

void DraftPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    const Route& route = app.route();
    ImGui::BeginChild("draft", ImVec2(0, 0), false);
    if (link(ui, std::string("← ") + ui.text(Text::nav_proposals), "back")) ui.go(Route{Page::proposals, {}, {}});
    if (route.id == "new") {
        draw_new(ui);
    } else if (const Proposal* d = app.proposals().draft(route.id)) {
        draw_editor(ui, *d);
    } else if (app.proposals().proposal(route.id) != nullptr) {
        ui.go(proposal_route(route.id), true);  // sent meanwhile: it lives on the server now
    } else if (app.proposals().loaded()) {
        heading(ui, ui.text(Text::new_draft));
        paragraph(ui, ui.text(Text::draft_not_found));
    }
    ImGui::EndChild();
}

void DraftPanel::draw_new(UiContext& ui) {
    AppState& app = ui.app();
    const Session& session = app.session();
    const Route& route = app.route();
    const Registry& registry = app.registry();
    const Lang lang = ui.lang();
    heading(ui, ui.text(Text::new_draft));
    if (!session.signed_in() || session.municipality().empty()) {
        paragraph(ui, ui.text(Text::sign_in_to_draft));
        if (!session.signed_in() && action_button(ui, ui.text(Text::sign_in), "draft.signin", true))
            ui.go(Route{Page::signin, {}, {}});
        return;
    }
    if (!app.proposals().loaded()) return;
    const std::string from = route.param("from").empty() ? session.municipality() : route.param("from");
    if (from != session.municipality()) {
        error_line(ui, "from: an editor of " + session.municipality() + " drafts proposals from it");
        return;
    }
    labelled(ui, Text::proposal_from, party_name(registry, from, lang));
    const std::string& to = route.param("to");
    const std::string& kind = route.param("kind");

    if (to.empty()) {
        paragraph(ui, ui.text(Text::choose_partner));
        text_field(ui, "##partner", ui.text(Text::filter_hint), m_partner_query, "draft.partner");
        if (!m_partner_query.empty()) {
            SearchRequest request;
            request.query = m_partner_query;
            request.limit = 8;
            request.want_facets = false;
            for (const SearchHit& hit : app.index().search(request).hits) {
                if (hit.id == from) continue;
                const Municipality* m = registry.find_municipality(hit.id);
                if (m == nullptr) continue;
                if (link(ui, display_name(*m, lang) + " · " + std::string(label(m->kind, code(lang))),
                         "draft.partner." + hit.id)) {
                    Route next = route;
                    next.params["from"] = from;
                    next.params["to"] = hit.id;
                    ui.go(std::move(next), true);
                }
            }
        }
        return;
    }
    labelled(ui, Text::proposal_to, party_name(registry, to, lang));

    if (kind.empty()) {
        paragraph(ui, ui.text(Text::choose_template));
        const bool to_declaration = registry.find_municipality(to) == nullptr;
        for (const auto& tmpl : proposals::proposal_templates()) {
            if (to_declaration != (tmpl.kind == PartnershipKind::joint_declaration)) continue;
            ImGui::Separator();
            if (link(ui, localized(tmpl.title, lang), "template." + tmpl.id)) {
                Route next = route;
                next.params["from"] = from;
                next.params["kind"] = tmpl.id;
                ui.go(std::move(next), true);
            }
            dim(ui, localized(tmpl.description, lang));
        }
        return;
    }

    if (!m_error.empty()) {
        error_line(ui, m_error);
        return;
    }
    if (app.generation() == 0) return;  // the registry is still on its way
    try {
        const std::string id = app.proposals().create_draft(registry, from, to, kind);
        ui.go(draft_route(id), true);  // Back leads to where the person came from, not to "new"
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void DraftPanel::draw_editor(UiContext& ui, const Proposal& draft) {
    AppState& app = ui.app();
    ProposalBook& book = app.proposals();
    const Registry& registry = app.registry();
    const Lang lang = ui.lang();
    const std::string id = draft.id;  // the draft may be replaced by an edit below
    const proposals::ProposalTemplate& tmpl = template_of(draft);
    m_error.clear();

    heading(ui, localized(tmpl.title, lang));
    paragraph(ui, party_name(registry, draft.from, lang) + "  →  " + party_name(registry, draft.to, lang));

    // Where the text is: people on weak connections and power cuts need to know it is safe.
    if (!book.save_error().empty()) {
        error_line(ui, std::string(ui.text(Text::save_failed)) + ": " + book.save_error());
    } else {
        dim(ui, ui.text(book.saving() > 0 ? Text::saving : Text::saved_here));
    }
    ui.mark_target("draft.status");
    if (book.persist_state() == PersistState::refused) dim(ui, ui.text(Text::persist_refused));

    // Actions.
    const bool sending = book.sending(id);
    ImGui::BeginDisabled(sending);
    if (action_button(ui, ui.text(Text::send_proposal), "draft.send", true)) {
        m_send_errors = book.send(id);
        m_send_errors_for = id;
    }
    ImGui::EndDisabled();
    if (!ui.narrow()) ImGui::SameLine();
    if (action_button(ui, ui.text(Text::print_pdf), "print")) {
        const std::string today = platform::utc_now().substr(0, 10);
        platform::print_html(proposal_document(
            draft, registry, m_one_after_other ? PrintLayout::one_after_other : PrintLayout::side_by_side, today));
    }
    if (!ui.narrow()) ImGui::SameLine();
    if (action_button(ui, ui.text(Text::export_draft), "draft.export"))
        platform::save_file("proposal-" + id + ".json", "application/json", book.export_draft(id));
    if (!ui.narrow()) ImGui::SameLine();
    if (action_button(ui, ui.text(Text::delete_draft), "draft.delete")) {
        book.remove_draft(id);
        ui.go(Route{Page::proposals, {}, {}});
        return;
    }
    ImGui::Checkbox(ui.text(Text::print_one_after), &m_one_after_other);
    ui.mark_target("print.layout");

    if (m_send_errors_for == id) {
        for (const ValidationError& e : m_send_errors) error_line(ui, e.message());
    }
    for (const OutboxItem& item : book.outbox()) {
        if (item.proposal != id) continue;
        if (item.refused.empty()) {
            dim(ui, std::string(ui.text(Text::waiting_to_send)) +
                        (platform::online() ? std::string() : " — " + std::string(ui.text(Text::send_offline))));
            ui.mark_target("draft.waiting");
        } else {
            error_line(ui, std::string(ui.text(Text::refused_by_server)) + ": " + item.refused);
            const std::string item_id = item.id;
            if (link(ui, ui.text(Text::retry), "draft.retry")) book.retry(item_id);
            ImGui::SameLine();
            if (link(ui, ui.text(Text::dismiss), "draft.dismiss")) book.dismiss(item_id);
            break;  // the outbox changed
        }
    }

    const bool has_partner = !draft.partner_language.empty();
    if (has_partner) {
        ImGui::Checkbox((std::string(ui.text(Text::show_partner_column)) + " (" + draft.partner_language + ")").c_str(),
                        &m_show_partner);
        ui.mark_target("draft.partner_column");
    }
    const bool third = has_partner && m_show_partner;

    ImGui::BeginDisabled(sending);
    for (const std::string& name : proposals::section_order(draft)) {
        const auto it = draft.sections.find(name);
        const ProposalSection section = it == draft.sections.end() ? ProposalSection{} : it->second;
        const proposals::TemplateSection* info = section_of(tmpl, name);
        ImGui::PushID(name.c_str());
        heading(ui, info != nullptr ? localized(info->title, lang) : name);
        const Text state = section_state(section);
        badge(ui, ui.text(state), state == Text::section_written ? 0xFF3D8016u : 0xFF1A56C2u);
        if (info != nullptr) dim(ui, localized(info->hint, lang));

        struct Column {
            const char* lang;
            Text label;
            std::string text;
        };
        std::vector<Column> columns{{"uk", Text::column_uk, section.uk}, {"en", Text::column_en, section.en}};
        if (third) columns.push_back({"partner", Text::column_partner, section.partner});
        const bool side_by_side = !ui.narrow();
        if (side_by_side)
            ImGui::BeginTable("columns", static_cast<int>(columns.size()), ImGuiTableFlags_SizingStretchSame);
        for (Column& column : columns) {
            if (side_by_side) ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", ui.text(column.label));
            const std::string target = "draft.section." + name + "." + column.lang;
            if (text_area(ui, (std::string("##") + column.lang).c_str(), column.text, side_by_side ? 10.0f : 7.0f,
                          target, true))
                book.edit_section(id, name, column.lang, column.text);
        }
        if (side_by_side) ImGui::EndTable();
        ImGui::PopID();
    }
    ImGui::EndDisabled();
}

}  // namespace prd::web
