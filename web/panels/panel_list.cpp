#include "panels/panel_list.hpp"

#include "panels/municipalities_panel.hpp"
#include "panels/partnerships_panel.hpp"

namespace prd::web {

std::vector<std::unique_ptr<Panel>> make_panels() {
    std::vector<std::unique_ptr<Panel>> panels;
    panels.push_back(std::make_unique<PartnershipsPanel>());  // first: the default view
    panels.push_back(std::make_unique<MunicipalitiesPanel>());
    return panels;
}

}  // namespace prd::web
