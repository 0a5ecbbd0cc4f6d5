#pragma once
// A municipality's page (#/m/<id>): names in every script, where it is, how many live there, what
// it needs and offers, its partnerships and announcements, where its data comes from, and the
// partners the core suggests for it, each with the reasons in the UI language.

#include "panels/panel.hpp"

namespace prd::web {

class ProfilePanel final : public Panel {
public:
    Page page() const override { return Page::municipality; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    void draw_facts(UiContext& ui, const Municipality& m);
    void draw_partnerships(UiContext& ui, const Municipality& m);
    void draw_suggestions(UiContext& ui, const Municipality& m);
    void draw_source(UiContext& ui, const Municipality& m);
};

/// "← Back": the browser's Back when there is somewhere to go back to, else Find.
void back_link(UiContext& ui);

}  // namespace prd::web
