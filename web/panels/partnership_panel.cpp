#include "panels/partnership_panel.hpp"

#include <imgui.h>

#include "app/countries.hpp"
#include "app/names.hpp"
#include "model/json_codec.hpp"
#include "panels/profile_panel.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {

std::string PartnershipPanel::title(UiContext& ui) {
    const Partnership* p = ui.app().registry().find_partnership(ui.app().route().id);
    if (p == nullptr) return ui.text(Text::not_found);
    const std::string& t = localized(p->title, ui.lang());
    return t.empty() ? std::string(label(p->kind, code(ui.lang()))) : t;
}

void PartnershipPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    const Lang lang = ui.lang();
    const Registry& registry = app.registry();
    const Partnership* found = registry.find_partnership(app.route().id);
    back_link(ui);
    if (found == nullptr) {
        heading(ui, ui.text(Text::not_found));
        paragraph(ui, app.route().id);
        return;
    }
    const Partnership& p = *found;
    ui.report().selected = p.id;
    ImGui::BeginChild("partnership", ImVec2(0, 0), false);
    ImGui::PushFont(ui.title_font());
    paragraph(ui, title(ui));
    ImGui::PopFont();
    if (const std::string& other = lang == Lang::uk ? p.title.en : p.title.uk; !other.empty() && other != title(ui))
        paragraph(ui, other);
    badge(ui, label(p.status, code(lang)), IM_COL32(0, 87, 183, 255));
    if (p.open_to_join) {
        ImGui::SameLine();
        badge(ui, ui.text(Text::col_open_to_join), IM_COL32(22, 120, 60, 255));
    }
    labelled(ui, Text::col_kind, label(p.kind, code(lang)));
    labelled(ui, Text::col_signed_on, format_date(p.signed_on, lang));
    labelled(ui, Text::col_place, p.place);
    labelled(ui, Text::event, p.event);
    std::string areas;
    for (const Sector s : p.areas) areas += (areas.empty() ? "" : ", ") + std::string(sector_label(s, code(lang)));
    labelled(ui, Text::areas, areas);

    const bool declaration = p.kind == PartnershipKind::joint_declaration;
    heading(ui, std::string(ui.text(declaration ? Text::signatories : Text::col_parties)) + " (" +
                    std::to_string(p.parties.size()) + ")");
    bool joined = false;
    for (const Party& party : p.parties) {
        const Municipality* m = registry.find_municipality(party.municipality);
        if (party.municipality == app.session().municipality()) joined = true;
        std::string text =
            m ? display_name(*m, lang) + " · " + std::string(country_name(m->country, lang)) : party.municipality;
        if (!party.joined_on.empty()) text += " (" + format_date(party.joined_on, lang) + ")";
        if (link(ui, text, "party." + party.municipality)) ui.go(municipality_route(party.municipality));
    }
    if (link(ui, ui.text(Text::show_on_map), "partnership.map")) ui.go(Route{Page::map, {}, {{"p", p.id}}});
    const Session& session = app.session();
    if (p.open_to_join && session.signed_in() && !session.municipality().empty() && !joined) {
        ImGui::Spacing();
        if (action_button(ui, ui.text(Text::ask_to_join), "partnership.join", true)) {
            ui.go(Route{
                Page::draft, "new", {{"from", session.municipality()}, {"to", p.id}, {"kind", "join_declaration"}}});
        }
    }
    heading(ui, ui.text(Text::history));
    labelled(ui, Text::col_status, label(p.status, code(lang)));
    labelled(ui, Text::updated,
             format_date(p.updated_at.substr(0, std::min<std::size_t>(10, p.updated_at.size())), lang));
    labelled(ui, Text::source, p.source);
    ImGui::EndChild();
}

}  // namespace prd::web
