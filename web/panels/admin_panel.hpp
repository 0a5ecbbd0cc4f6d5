#pragma once
// #/admin: moderators and admins invite a community's staff (a one-time link for a community and
// role, valid for a set number of days), and see and withdraw invitations and access tokens.

#include <string>

#include "panels/panel.hpp"

namespace prd::web {

class AdminPanel final : public Panel {
public:
    Page page() const override { return Page::admin; }
    std::string title(UiContext& ui) override;
    void draw(UiContext& ui) override;

private:
    std::string m_query;
    std::string m_municipality;
    int m_role = 0;  ///< 0 editor, 1 moderator, 2 admin
    int m_days = 7;
    std::string m_label;
    int m_last_frame = -10;
};

}  // namespace prd::web
