#pragma once
// A partnership's page (#/p/<id>): what kind of agreement, its status, when and where it was
// signed, its parties (linked), areas and source; for an open declaration, its signatories and,
// for a signed-in editor whose community has not joined, "Ask to join".

#include "panels/panel.hpp"

namespace prd::web {

class PartnershipPanel final : public Panel {
public:
    Page page() const override { return Page::partnership; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;
};

}  // namespace prd::web
