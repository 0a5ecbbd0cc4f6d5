#include "panels/panel_list.hpp"

#include "panels/admin_panel.hpp"
#include "panels/dashboard_panel.hpp"
#include "panels/draft_panel.hpp"
#include "panels/edit_panel.hpp"
#include "panels/find_panel.hpp"
#include "panels/map_panel.hpp"
#include "panels/partnership_panel.hpp"
#include "panels/partnerships_panel.hpp"
#include "panels/profile_panel.hpp"
#include "panels/proposal_panel.hpp"
#include "panels/proposals_panel.hpp"
#include "panels/simple_panels.hpp"

namespace prd::web {

std::vector<std::unique_ptr<Panel>> make_panels() {
    std::vector<std::unique_ptr<Panel>> panels;
    panels.push_back(std::make_unique<FindPanel>());
    panels.push_back(std::make_unique<PartnershipsPanel>());
    panels.push_back(std::make_unique<DeclarationsPanel>());
    panels.push_back(std::make_unique<CommunityPanel>());
    panels.push_back(std::make_unique<ProposalsPanel>());
    panels.push_back(std::make_unique<DraftPanel>());
    panels.push_back(std::make_unique<ProposalPanel>());
    panels.push_back(std::make_unique<MapPanel>());
    panels.push_back(std::make_unique<DashboardPanel>());
    panels.push_back(std::make_unique<ProfilePanel>());
    panels.push_back(std::make_unique<EditPanel>());
    panels.push_back(std::make_unique<PartnershipPanel>());
    panels.push_back(std::make_unique<SigninPanel>());
    panels.push_back(std::make_unique<JoinPanel>());
    panels.push_back(std::make_unique<AdminPanel>());
    panels.push_back(std::make_unique<NotFoundPanel>());
    return panels;
}

}  // namespace prd::web
