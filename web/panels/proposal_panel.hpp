#pragma once
// #/proposal/<id>: a proposal sent or received. Its status and stamped history, its text in both
// languages, the steps the person's side may take now (from the core's workflow), answers and
// messages queued while offline, the thread of messages, and printing.

#include <string>

#include "panels/panel.hpp"

namespace prd::web {

class ProposalPanel final : public Panel {
public:
    Page page() const override { return Page::proposal; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    std::string m_message;
    std::string m_refreshed_for;
};

}  // namespace prd::web
