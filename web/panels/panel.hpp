#pragma once
// A view of the registry, shown as one tab of the app window. Panels read the core's API through
// the app state; they never parse JSON or talk HTTP.

#include <cstddef>

#include "app/app_state.hpp"
#include "app/ui_context.hpp"
#include "app/ui_text.hpp"

namespace prd::web {

class Panel {
public:
    virtual ~Panel() = default;
    /// Which view this panel is; also the stable id of its tab.
    virtual View view() const = 0;
    /// The tab's label.
    virtual Text title() const = 0;
    /// How many records the tab counts (shown in its label).
    virtual std::size_t record_count(const Registry& registry) const = 0;
    /// Draws the panel into the remaining space of the app window and reports its rows.
    virtual void draw(UiContext& ui) = 0;
};

}  // namespace prd::web
