#pragma once
// A view of the app: each panel draws one kind of route (#/m/<id> is the profile panel). Panels
// read the core's API through the app state and ask it to act (navigate, save); they never parse
// JSON or talk HTTP.

#include <string>

#include "app/app_state.hpp"
#include "app/route.hpp"
#include "app/ui_context.hpp"
#include "app/ui_text.hpp"

namespace prd::web {

class Panel {
public:
    virtual ~Panel() = default;
    /// The page this panel draws.
    virtual Page page() const = 0;
    /// What the browser's tab and history show for the current route (the app's name follows).
    virtual std::string title(UiContext& ui) = 0;
    /// Draws the panel into the remaining space of the app window.
    virtual void draw(UiContext& ui) = 0;
};

}  // namespace prd::web
