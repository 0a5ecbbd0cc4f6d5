#pragma once
// #/draft/new?from=&to=&kind= and #/draft/<id>: a proposal being written, in this browser only.
// A new draft asks for what it lacks (the partner, the template), then opens from the template
// filled from both records. Each section shows Ukrainian and English side by side (stacked on
// phones), optionally a third column in the partner's language, with its state; every edit is
// saved at once. Send (queued while offline), print, export and delete.

#include <string>

#include "panels/panel.hpp"
#include "validation/validate.hpp"

namespace prd::web {

class DraftPanel final : public Panel {
public:
    Page page() const override { return Page::draft; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    void draw_new(UiContext& ui);
    void draw_editor(UiContext& ui, const Proposal& draft);

    std::string m_partner_query;
    std::string m_error;
    std::string m_send_errors_for;
    ValidationErrors m_send_errors;
    bool m_show_partner = false;
    bool m_one_after_other = false;
};

}  // namespace prd::web
