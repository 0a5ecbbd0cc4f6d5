#pragma once
// #/proposals: the person's drafts (kept in this browser), proposals received and sent (with status
// and unread marks), what waits in the outbox and what the server refused; "New draft" and importing
// a draft from a file.

#include "panels/panel.hpp"

namespace prd::web {

class ProposalsPanel final : public Panel {
public:
    Page page() const override { return Page::proposals; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    std::string m_import_error;
    int m_last_frame = -10;  ///< the last frame drawn: a gap means the person just came here
};

/// The name of a proposal's other side (a municipality or a declaration), in the UI language.
std::string party_name(const Registry& registry, const std::string& id, Lang lang);
/// The label of a workflow action in the UI language.
const char* action_label(UiContext& ui, proposals::Action action);

}  // namespace prd::web
