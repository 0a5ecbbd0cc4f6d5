#pragma once
// The one full-window ImGui window: the header (title, revision, language switch), the tabs of
// the registered panels, and the loading and error states around them.

#include <memory>
#include <span>

#include "app/ui_context.hpp"

struct ImFont;

namespace prd::web {

class Panel;

/// Draws the whole UI for one frame. Language and view changes go into ui.app().
void draw_app_window(UiContext& ui, std::span<const std::unique_ptr<Panel>> panels, ImFont* title_font);

}  // namespace prd::web
