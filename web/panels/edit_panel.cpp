#include "panels/edit_panel.hpp"

#include <algorithm>
#include <cctype>

#include <imgui.h>

#include "app/names.hpp"
#include "panels/profile_panel.hpp"
#include "widgets/widgets.hpp"

namespace prd::web {
namespace {

struct Words {
    std::string_view en;
    std::string_view uk;
};

// The fields and rules this form can break, in Ukrainian; anything else is shown as the core says it.
struct FieldName {
    std::string_view field;
    std::string_view uk;
    std::string_view en;
};
constexpr FieldName field_names[] = {
    {"description.uk", "Опис українською", "Description in Ukrainian"},
    {"description.en", "Опис англійською", "Description in English"},
    {"contacts.email", "Ел. пошта", "E-mail"},
    {"contacts.website", "Вебсайт", "Website"},
    {"contacts.phone", "Телефон", "Phone"},
    {"contacts.person", "Контактна особа", "Contact person"},
    {"languages", "Мови", "Languages"},
    {"needs", "Потреби", "Needs"},
    {"offers", "Пропозиції", "Offers"},
    {"names.uk", "Назва українською", "Name in Ukrainian"},
    {"names.en", "Назва англійською", "Name in English"},
    {"names.native", "Назва рідною мовою", "Native name"},
    {"open_to_partners", "Відкрита до нових партнерів", "Open to new partners"},
    {"verified", "Підтверджено", "Verified"},
};
constexpr Words rule_words[] = {
    {"must be an e-mail address, e.g. office@example.org", "має бути адресою ел. пошти, напр. office@example.org"},
    {"must start with http:// or https://", "має починатися з http:// або https://"},
    {"must be an ISO 639-1 code (2 lower-case letters)", "має бути кодом ISO 639-1 (2 малі латинські літери)"},
    {"must be between 1 (highest) and 5", "має бути від 1 (найвищий) до 5"},
    {"must not be empty", "не може бути порожнім"},
};

/// "needs[2].priority" -> "needs", "languages[0]" -> "languages".
std::string_view field_root(std::string_view field) {
    const auto cut = field.find('[');
    return cut == std::string_view::npos ? field : field.substr(0, cut);
}

std::vector<std::string> split_languages(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (const char c : text + ",") {
        if (c == ',' || c == ' ' || c == ';') {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
    return out;
}

/// The errors of one field (and its items) under it.
void field_errors(UiContext& ui, const ValidationErrors& errors, std::string_view field) {
    for (const ValidationError& e : errors)
        if (field_root(e.field) == field) error_line(ui, error_text(e, ui.lang()));
}

bool sector_list(UiContext& ui, const char* id, std::vector<SectorEntry>& list) {
    const Lang lang = ui.lang();
    bool changed = false;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < list.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        SectorEntry& e = list[i];
        const std::string name(sector_label(e.sector, code(lang)));
        ui.audited(name);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(name.c_str());
        if (!ui.narrow()) ImGui::SameLine(ui.px(240));
        ImGui::SetNextItemWidth(ui.px(130));
        const std::string priority_label = std::string(ui.text(Text::priority)) + " %d";
        if (ImGui::SliderInt("##priority", &e.priority, 1, 5, priority_label.c_str())) changed = true;
        ui.mark_target(std::string("profile.") + id + ".priority." + std::string(sector_info(e.sector).code));
        ImGui::SameLine();
        if (ImGui::Button(ui.text(Text::remove))) {
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
            changed = true;
            ImGui::PopID();
            break;
        }
        ui.mark_target(std::string("profile.") + id + ".remove." + std::string(sector_info(e.sector).code));
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ui.narrow() ? -FLT_MIN : ui.px(300));
    if (ImGui::BeginCombo("##add", ui.text(Text::add_sector), ImGuiComboFlags_HeightLarge)) {
        for (const SectorInfo& info : all_sectors()) {
            const bool present =
                std::any_of(list.begin(), list.end(), [&](const SectorEntry& e) { return e.sector == info.sector; });
            if (present) continue;
            const std::string label(lang == Lang::uk ? info.uk : info.en);
            ui.audited(label);
            if (ImGui::Selectable(label.c_str())) {
                list.push_back({info.sector, 3, {}});
                changed = true;
            }
            ui.mark_target(std::string("profile.") + id + ".add." + std::string(info.code));
        }
        ImGui::EndCombo();
    }
    ui.mark_target(std::string("profile.") + id + ".add");
    ImGui::PopID();
    return changed;
}

}  // namespace

std::string field_label(std::string_view field, Lang lang) {
    for (const FieldName& f : field_names)
        if (field == f.field) return std::string(lang == Lang::uk ? f.uk : f.en);
    return std::string(field);
}

std::string error_text(const ValidationError& error, Lang lang) {
    if (lang == Lang::en) return error.message();
    std::string field = error.field;
    for (const FieldName& f : field_names)
        if (field_root(error.field) == f.field) field = std::string(f.uk) + " (" + error.field + ")";
    std::string rule = error.rule;
    for (const Words& w : rule_words)
        if (error.rule == w.en) rule = w.uk;
    return field + ": " + rule;
}

std::string EditPanel::title(UiContext& ui) {
    const Municipality* m = ui.app().registry().find_municipality(ui.app().route().id);
    return std::string(ui.text(Text::edit_profile)) + (m ? ": " + display_name(*m, ui.lang()) : std::string());
}

void EditPanel::draw(UiContext& ui) {
    AppState& app = ui.app();
    const Municipality* stored = app.registry().find_municipality(app.route().id);
    back_link(ui);
    if (stored == nullptr) {
        heading(ui, ui.text(Text::not_found));
        return;
    }
    ui.report().selected = stored->id;
    heading(ui, title(ui));
    if (!app.session().may_edit(stored->id)) {
        paragraph(ui, ui.text(app.session().signed_in() ? Text::not_your_community : Text::sign_in_first));
        if (!app.session().signed_in() && action_button(ui, ui.text(Text::sign_in), "edit.signin", true))
            ui.go(Route{Page::signin, {}, {}});
        return;
    }
    ProfileEditor& editor = app.editor();
    if (!editor.is_open_for(stored->id) || editor.state() == ProfileEditor::State::saved) {
        if (editor.state() != ProfileEditor::State::saved || editor.id() != stored->id) editor.open(*stored);
    }
    // The registry drawn from the browser's copy may be caught up by the sync after the form opened:
    // an untouched form follows the newer record (a touched one is merged on save, as any conflict).
    if (editor.state() == ProfileEditor::State::editing && !editor.has_changes() &&
        stored->revision > editor.base().revision) {
        editor.discard();
        editor.open(*stored);
    }
    if (m_languages_for != stored->id + "#" + std::to_string(editor.base().revision)) {
        m_languages = join(editor.draft().languages);
        m_languages_for = stored->id + "#" + std::to_string(editor.base().revision);
    }
    // Save stays in sight above the scrolling form, on a phone too.
    if (editor.state() != ProfileEditor::State::conflict) draw_actions(ui);
    ImGui::BeginChild("edit", ImVec2(0, 0), false);
    if (editor.state() == ProfileEditor::State::conflict) {
        draw_conflicts(ui);
    } else {
        draw_form(ui);
    }
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    ImGui::EndChild();
}

void EditPanel::draw_form(UiContext& ui) {
    AppState& app = ui.app();
    ProfileEditor& editor = app.editor();
    Municipality& d = editor.draft();
    const ValidationErrors errors = editor.errors();
    bool changed = false;

    if (app.session().is_moderator()) {
        heading(ui, ui.text(Text::names));
        ImGui::TextDisabled("%s", ui.text(Text::name_uk));
        changed |= text_field(ui, "##name_uk", "", d.names.uk, "profile.names.uk");
        ImGui::TextDisabled("%s", ui.text(Text::name_en));
        changed |= text_field(ui, "##name_en", "", d.names.en, "profile.names.en");
        ImGui::TextDisabled("%s", ui.text(Text::col_native_name));
        changed |= text_field(ui, "##name_native", "", d.names.native, "profile.names.native");
        changed |= ImGui::Checkbox(ui.text(Text::verified), &d.verified);
        ui.mark_target("profile.verified");
    }

    heading(ui, ui.text(Text::description));
    ImGui::TextDisabled("%s", ui.text(Text::in_ukrainian));
    changed |= text_area(ui, "##description_uk", d.description.uk, 4, "profile.description.uk");
    field_errors(ui, errors, "description.uk");
    ImGui::TextDisabled("%s", ui.text(Text::in_english));
    changed |= text_area(ui, "##description_en", d.description.en, 4, "profile.description.en");
    field_errors(ui, errors, "description.en");

    heading(ui, ui.text(Text::needs));
    changed |= sector_list(ui, "needs", d.needs);
    field_errors(ui, errors, "needs");
    heading(ui, ui.text(Text::offers));
    changed |= sector_list(ui, "offers", d.offers);
    field_errors(ui, errors, "offers");

    heading(ui, ui.text(Text::contacts));
    const auto contact = [&](Text label, const char* id, std::string& value, const char* field) {
        ImGui::TextDisabled("%s", ui.text(label));
        changed |= text_field(ui, id, "", value, std::string("profile.") + field);
        field_errors(ui, errors, field);
    };
    contact(Text::website, "##website", d.contacts.website, "contacts.website");
    contact(Text::email, "##email", d.contacts.email, "contacts.email");
    contact(Text::phone, "##phone", d.contacts.phone, "contacts.phone");
    contact(Text::person, "##person", d.contacts.person, "contacts.person");
    ImGui::TextDisabled("%s", ui.text(Text::languages_hint));
    if (text_field(ui, "##languages", "uk, en, pl", m_languages, "profile.languages")) {
        d.languages = split_languages(m_languages);
        changed = true;
    }
    field_errors(ui, errors, "languages");
    changed |= ImGui::Checkbox(ui.text(Text::open_to_partners), &d.open_to_partners);
    ui.mark_target("profile.open_to_partners");

    if (changed) editor.changed();
}

void EditPanel::draw_actions(UiContext& ui) {
    AppState& app = ui.app();
    ProfileEditor& editor = app.editor();
    const ValidationErrors errors = editor.errors();
    const bool saving = editor.state() == ProfileEditor::State::saving;
    ImGui::BeginDisabled(saving || !errors.empty() || !editor.has_changes());
    if (action_button(ui, ui.text(Text::save), "profile.save", true)) {
        editor.save(app.session().auth_headers(), [&app](const Municipality& m) { app.install(m); });
    }
    ImGui::EndDisabled();
    if (!ui.narrow()) ImGui::SameLine();
    ImGui::BeginDisabled(saving || !editor.has_changes());
    if (action_button(ui, ui.text(Text::discard), "profile.discard")) {
        editor.discard();
        m_languages_for.clear();
    }
    ImGui::EndDisabled();
    if (saving) ImGui::TextDisabled("%s", ui.text(Text::saving));
    if (editor.state() == ProfileEditor::State::saved) paragraph(ui, ui.text(Text::saved));
    if (editor.state() == ProfileEditor::State::failed) {
        error_line(ui, std::string(ui.text(Text::not_saved)) + " " + editor.message());
    }
    if (!errors.empty()) error_line(ui, ui.text(Text::fix_errors_first));
    ImGui::Separator();
}

void EditPanel::draw_conflicts(UiContext& ui) {
    ProfileEditor& editor = ui.app().editor();
    error_line(ui, ui.text(Text::conflict_explained));
    for (std::size_t i = 0; i < editor.conflicts().size(); ++i) {
        ProfileEditor::FieldConflict& c = editor.conflicts()[i];
        ImGui::PushID(static_cast<int>(i));
        heading(ui, field_label(c.field, ui.lang()));
        if (ImGui::RadioButton(ui.text(Text::keep_mine), c.keep_mine)) c.keep_mine = true;
        ui.mark_target("conflict." + c.field + ".mine");
        paragraph(ui, c.mine.empty() ? std::string("—") : c.mine);
        if (ImGui::RadioButton(ui.text(Text::take_theirs), !c.keep_mine)) c.keep_mine = false;
        ui.mark_target("conflict." + c.field + ".theirs");
        paragraph(ui, c.theirs.empty() ? std::string("—") : c.theirs);
        ui.report().conflicts.push_back({c.field, c.mine, c.theirs});
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (action_button(ui, ui.text(Text::use_choices), "conflict.resolve", true)) {
        editor.resolve();
        m_languages_for.clear();
    }
}

}  // namespace prd::web
