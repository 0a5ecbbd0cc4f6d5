#pragma once
// The app's one full-window ImGui window: the header (title, language switch), the navigation
// (a sidebar on wide screens, a bottom bar on phones), and the panel of the current route.

#include <memory>
#include <span>

#include "app/ui_context.hpp"
#include "panels/panel.hpp"

namespace prd::web {

void draw_app_window(UiContext& ui, std::span<const std::unique_ptr<Panel>> panels);

}  // namespace prd::web
