#pragma once
// The one list of panels: one per page.

#include <memory>
#include <vector>

#include "panels/panel.hpp"

namespace prd::web {

std::vector<std::unique_ptr<Panel>> make_panels();

}  // namespace prd::web
