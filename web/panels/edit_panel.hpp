#pragma once
// Editing a community's profile (#/m/<id>/edit), for its editors and for moderators: descriptions
// in both languages, what it needs and offers, contacts, languages; moderators also names and the
// verified mark. Checked by the core's validator as the person types; a conflict shows both sides.

#include <string>

#include "panels/panel.hpp"

namespace prd::web {

class EditPanel final : public Panel {
public:
    Page page() const override { return Page::edit_municipality; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    void draw_actions(UiContext& ui);
    void draw_form(UiContext& ui);
    void draw_conflicts(UiContext& ui);

    std::string m_languages;      ///< the languages field as typed ("uk, en")
    std::string m_languages_for;  ///< the record m_languages was filled from
};

/// The name of a profile field for people ("Контактна особа" for contacts.person).
std::string field_label(std::string_view field, Lang lang);
/// A validation error for people: the field and the rule in the UI language where known.
std::string error_text(const ValidationError& error, Lang lang);

}  // namespace prd::web
