#pragma once
// What the current frame showed, collected while drawing and published for tests (window.prdState).

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace prd::web {

/// A rectangle in CSS pixels relative to the canvas, where a click reaches the named control.
struct Target {
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;
};

struct FrameReport {
    static constexpr std::size_t max_rows = 50;

    std::size_t rows_shown = 0;            ///< rows of the current view after filtering
    std::vector<std::string> rows;         ///< the first max_rows of them, cells joined by " | "
    std::map<std::string, Target> targets; ///< e.g. "tab.municipalities", "lang.en"
};

}  // namespace prd::web
