#include "app/published_state.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace prd::web {
namespace {

std::string code_point_name(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

}  // namespace

// {
//   status: "loading" | "ready" | "error", error: "" or why loading failed,
//   view: "partnerships" | "municipalities", language: "uk" | "en", revision,
//   municipalities, partnerships: record counts,
//   rows_shown: rows of the current view after the filter, rows: the first 50 as "cell | cell | ...",
//   missing_glyphs: distinct code points drawn this frame that the font lacks,
//   missing_code_points: ["U+XXXX", ...], fallback_glyphs_drawn: fallback glyphs actually rendered,
//   frames, dpr, canvas: {width, height (backing store), css_width, css_height},
//   targets: {"tab.partnerships": {x, y, width, height} in CSS pixels, "lang.en", ...}
// }
std::string published_state(const AppState& app, const FrameReport& report, const GlyphAudit& audit,
                            const Renderer& renderer) {
    nlohmann::json state;
    state["status"] = to_string(app.status());
    state["error"] = app.error();
    state["view"] = to_string(app.view());
    state["language"] = code(app.language());
    state["revision"] = app.registry().revision();
    state["municipalities"] = app.registry().municipalities().size();
    state["partnerships"] = app.registry().partnerships().size();
    state["rows_shown"] = report.rows_shown;
    state["rows"] = report.rows;
    state["missing_glyphs"] = audit.missing().size();
    nlohmann::json missing = nlohmann::json::array();
    for (const char32_t c : audit.missing()) missing.push_back(code_point_name(c));
    state["missing_code_points"] = std::move(missing);
    state["fallback_glyphs_drawn"] = GlyphAudit::fallback_glyphs_drawn(renderer.draw_data());
    state["frames"] = renderer.frames();
    state["dpr"] = renderer.pixel_ratio();
    state["canvas"] = {{"width", renderer.canvas_size().width},
                       {"height", renderer.canvas_size().height},
                       {"css_width", renderer.css_size().width},
                       {"css_height", renderer.css_size().height}};
    nlohmann::json targets = nlohmann::json::object();
    for (const auto& [name, t] : report.targets) {
        targets[name] = {{"x", t.x}, {"y", t.y}, {"width", t.width}, {"height", t.height}};
    }
    state["targets"] = std::move(targets);
    // Invalid UTF-8 in a record must not take the page's diagnostics down with it.
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace prd::web
