#include "panels/profile_panel.hpp"

#include <cstdio>

#include <imgui.h>

#include "app/countries.hpp"
#include "app/names.hpp"
#include "app/text_order.hpp"
#include "app/theme.hpp"
#include "model/json_codec.hpp"
#include "platform/platform.hpp"
#include "stats/gap_stats.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

constexpr unsigned green = IM_COL32(22, 120, 60, 255);
constexpr unsigned grey = IM_COL32(110, 116, 128, 255);
constexpr unsigned red = IM_COL32(170, 30, 30, 255);

std::string sectors_text(const std::vector<SectorEntry>& list, Lang lang) {
    std::string out;
    for (const SectorEntry& e : list) {
        if (!out.empty()) out += "; ";
        out += std::string(sector_label(e.sector, code(lang))) + " (" + std::to_string(e.priority) + ")";
        if (!e.note.empty()) out += " — " + e.note;
    }
    return out;
}

std::string extra_text(const Municipality& m, const char* key) {
    const auto it = m.extra.find(key);
    return it != m.extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// A bar 0..1 with its label, for a score component.
void component_bar(UiContext& ui, Text label, double value) {
    ImGui::TextDisabled("%s", ui.text(label));
    ImGui::SameLine(ui.px(ui.narrow() ? 150 : 190));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = std::min(ui.px(160), ImGui::GetContentRegionAvail().x);
    const float height = ImGui::GetTextLineHeight() * 0.6f;
    const float y = at.y + ImGui::GetTextLineHeight() * 0.2f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + width, y + height), IM_COL32(225, 230, 238, 255), ui.px(3));
    draw->AddRectFilled(ImVec2(at.x, y),
                        ImVec2(at.x + width * static_cast<float>(std::clamp(value, 0.0, 1.0)), y + height),
                        accent_blue(), ui.px(3));
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
}

}  // namespace

void back_link(UiContext& ui) {
    if (link(ui, ui.text(Text::back), "back") ||
        (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput)) {
        platform::go_back();
    }
}

std::string ProfilePanel::title(UiContext& ui) {
    const Municipality* m = ui.app().registry().find_municipality(ui.app().route().id);
    return m != nullptr ? display_name(*m, ui.lang()) : std::string(ui.text(Text::not_found));
}

void ProfilePanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    const Municipality* found = app.registry().find_municipality(app.route().id);
    back_link(ui);
    if (found == nullptr) {
        heading(ui, ui.text(Text::not_found));
        paragraph(ui, app.route().id);
        return;
    }
    const Municipality& m = *found;
    ui.report().selected = m.id;
    ImGui::BeginChild("profile", ImVec2(0, 0), false);
    draw_facts(ui, m);
    draw_partnerships(ui, m);
    draw_suggestions(ui, m);
    draw_source(ui, m);
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    ImGui::EndChild();
}

void ProfilePanel::draw_facts(UiContext& ui, const Municipality& m) {
    const Lang lang = ui.lang();
    Session& session = ui.app().session();
    ImGui::PushFont(ui.title_font());
    paragraph(ui, display_name(m, lang));
    ImGui::PopFont();
    if (const std::string other = other_name(m, lang); !other.empty()) paragraph(ui, other);
    badge(ui, ui.text(m.verified ? Text::verified : Text::not_verified), m.verified ? green : grey);
    const auto distance = stats::border_distance_km(m);
    if (distance && *distance <= 30) {
        ImGui::SameLine();
        badge(ui, ui.text(Text::frontline), red);
    }
    if (!m.open_to_partners) {
        ImGui::SameLine();
        badge(ui, ui.text(Text::not_open), grey);
    }

    std::string where = std::string(label(m.kind, code(lang)));
    if (!m.district.empty()) where += " · " + place_name(m.district, lang);
    if (!m.region.empty()) where += " · " + place_name(m.region, lang);
    where += " · " + std::string(country_name(m.country, lang));
    paragraph(ui, where);
    if (m.location && link(ui, ui.text(Text::show_on_map), "profile.map")) ui.go(Route{Page::map, {}, {{"m", m.id}}});

    if (session.may_edit(m.id)) {
        if (action_button(ui, ui.text(Text::edit_profile), "profile.edit", true))
            ui.go(Route{Page::edit_municipality, m.id, {}});
        if (!ui.narrow()) ImGui::SameLine();
    }
    if (session.signed_in() && session.municipality() != m.id && !session.municipality().empty()) {
        if (action_button(ui, ui.text(Text::propose), "profile.propose")) {
            ui.go(Route{Page::draft, "new", {{"from", session.municipality()}, {"to", m.id}}});
        }
    }

    heading(ui, ui.text(Text::facts));
    if (m.population) labelled(ui, Text::col_population, format_count(*m.population, lang == Lang::uk));
    if (m.area_km2) {
        char area[48];
        std::snprintf(area, sizeof area, "%.1f km²", *m.area_km2);
        labelled(ui, Text::area, area);
    }
    if (m.location) {
        char where_text[64];
        std::snprintf(where_text, sizeof where_text, "%.4f° N, %.4f° E", m.location->lat, m.location->lon);
        labelled(ui, Text::coordinates, where_text);
    }
    if (distance) {
        char km[48];
        std::snprintf(km, sizeof km, "%s km",
                      format_count(static_cast<std::int64_t>(*distance + 0.5), lang == Lang::uk).c_str());
        labelled(ui, Text::border_distance, km);
    }
    if (!m.languages.empty()) {
        std::string langs;
        for (const auto& l : m.languages) langs += (langs.empty() ? "" : ", ") + l;
        labelled(ui, Text::languages, langs);
    }
    if (!m.aliases.empty()) {
        std::string aliases;
        const std::size_t shown = std::min<std::size_t>(m.aliases.size(), 16);
        for (std::size_t i = 0; i < shown; ++i) aliases += (i ? ", " : "") + m.aliases[i];
        if (shown < m.aliases.size()) aliases += " … (+" + std::to_string(m.aliases.size() - shown) + ")";
        labelled(ui, Text::aliases, aliases);
    }
    if (const std::string& d = localized(m.description, lang); !d.empty()) paragraph(ui, d);

    heading(ui, ui.text(Text::needs_and_offers));
    labelled(ui, Text::needs, m.needs.empty() ? std::string(ui.text(Text::not_stated)) : sectors_text(m.needs, lang));
    labelled(ui, Text::offers,
             m.offers.empty() ? std::string(ui.text(Text::not_stated)) : sectors_text(m.offers, lang));

    if (!m.contacts.website.empty() || !m.contacts.email.empty() || !m.contacts.phone.empty() ||
        !m.contacts.person.empty()) {
        heading(ui, ui.text(Text::contacts));
        labelled(ui, Text::website, m.contacts.website);
        labelled(ui, Text::email, m.contacts.email);
        labelled(ui, Text::phone, m.contacts.phone);
        labelled(ui, Text::person, m.contacts.person);
    }
}

void ProfilePanel::draw_source(UiContext& ui, const Municipality& m) {
    const Lang lang = ui.lang();
    const std::string source = extra_text(m, "source");
    if (!source.empty() || !m.updated_at.empty()) {
        heading(ui, ui.text(Text::source));
        labelled(ui, Text::source, source);
        labelled(ui, Text::updated, format_date(m.updated_at.substr(0, 10), lang));
        paragraph(ui, ui.text(Text::attribution));
    }
}

void ProfilePanel::draw_partnerships(UiContext& ui, const Municipality& m) {
    const Lang lang = ui.lang();
    const Registry& registry = ui.app().registry();
    const auto partnerships = registry.partnerships_of(m.id);
    heading(ui, std::string(ui.text(Text::col_partnerships)) + " (" + std::to_string(partnerships.size()) + ")");
    if (partnerships.empty()) paragraph(ui, ui.text(Text::no_partnerships));
    for (const Partnership* p : partnerships) {
        std::string others;
        int more = 0;
        for (const Party& party : p->parties) {
            if (party.municipality == m.id) continue;
            if (others.size() > 120) {
                ++more;
                continue;
            }
            const Municipality* other = registry.find_municipality(party.municipality);
            others += (others.empty() ? "" : ", ") + (other ? display_name(*other, lang) : party.municipality);
        }
        if (more > 0) others += " +" + std::to_string(more);
        std::string text = std::string(label(p->kind, code(lang))) + ": " + others;
        if (!p->signed_on.empty()) text += " (" + format_date(p->signed_on, lang) + ")";
        if (link(ui, text, "partnership." + p->id)) ui.go(partnership_route(p->id));
    }
    bool any_announcement = false;
    for (const auto& [id, a] : registry.announcements()) {
        const bool linked = std::any_of(a.links.begin(), a.links.end(),
                                        [&](const RecordLink& l) { return l.kind == "municipality" && l.id == m.id; });
        if (!linked) continue;
        if (!any_announcement) heading(ui, ui.text(Text::announcements));
        any_announcement = true;
        paragraph(ui, format_date(a.date, lang) + " — " + localized(a.title, lang));
    }
}

void ProfilePanel::draw_suggestions(UiContext& ui, const Municipality& m) {
    AppState& app = ui.app();
    const Lang lang = ui.lang();
    const auto& suggestions = app.suggestions_for(m.id);
    const bool own = app.session().may_edit(m.id);
    heading(ui, ui.text(Text::suggested_partners));
    paragraph(ui, ui.text(Text::suggestions_explained));
    if (suggestions.empty()) paragraph(ui, ui.text(Text::no_suggestions));
    for (const PartnerSuggestion& s : suggestions) {
        ui.report().suggestions.push_back({s.id, s.score, {}});
        const Municipality* other = app.registry().find_municipality(s.id);
        if (other == nullptr) continue;
        ImGui::PushID(s.id.c_str());
        ImGui::Separator();
        char score[32];
        std::snprintf(score, sizeof score, "%.0f", s.score);
        std::string name = display_name(*other, lang) + " · " + std::string(country_name(other->country, lang));
        if (link(ui, name, "suggestion." + s.id)) ui.go(municipality_route(s.id));
        ImGui::SameLine();
        ImGui::TextDisabled("%s %s", ui.text(Text::score), score);
        paragraph(ui, localized(s.reason, lang));
        if (ImGui::TreeNode(ui.text(Text::why))) {
            component_bar(ui, Text::c_needs, s.components.needs_covered);
            component_bar(ui, Text::c_offers, s.components.offers_wanted);
            component_bar(ui, Text::c_size, s.components.size);
            component_bar(ui, Text::c_network, s.components.network);
            component_bar(ui, Text::c_country, s.components.country);
            component_bar(ui, Text::c_distance, s.components.distance);
            if (s.distance_km) {
                labelled(ui, Text::distance,
                         format_count(static_cast<std::int64_t>(*s.distance_km + 0.5), lang == Lang::uk) + " km");
            }
            ImGui::TreePop();
        }
        if (own) {
            if (ImGui::SmallButton(ui.text(Text::hide)))
                app.dismiss_suggestion(m.id, s.id, DismissedSuggestions::Reason::hidden);
            ui.mark_target("suggestion.hide." + s.id);
            ImGui::SameLine();
            if (ImGui::SmallButton(ui.text(Text::decline)))
                app.dismiss_suggestion(m.id, s.id, DismissedSuggestions::Reason::declined);
            ui.mark_target("suggestion.decline." + s.id);
        }
        ImGui::PopID();
    }
}

}  // namespace prd::web
