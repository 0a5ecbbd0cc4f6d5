#include "app/published_state.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "platform/platform.hpp"

namespace prd::web {
namespace {

std::string code_point_name(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

nlohmann::json hits_json(const std::vector<ReportedHit>& hits, bool with_reason) {
    nlohmann::json out = nlohmann::json::array();
    for (const ReportedHit& hit : hits) {
        nlohmann::json item = {{"id", hit.id}, {"score", hit.score}};
        if (with_reason) item["reason"] = hit.reason;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

// The test hooks, a stable contract (README, "Test hooks"):
// {
//   status: "loading" | "ready" | "error", error: "" or why loading failed,
//   route: the hash route ("/search?q=Lviv"), view: the page ("find", "municipality", ...),
//   selected: the id of the record whose page is open, or null,
//   language: "uk" | "en", revision, municipalities, partnerships: record counts,
//   search: {query, total, scroll (CSS px), results: [{id, score, reason}] (the first 20)} on Find,
//   facets: {frontline, no_foreign_partner, has_foreign_partner} on Find while its filters are open,
//   facets: {frontline, no_foreign_partner, has_foreign_partner} on Find while its filters are open,
//   suggestions: [{id, score}] on a profile, conflicts: [{field, mine, theirs}] in the editor,
//   signed_in: {role, municipality} | null, session: "signed_out" | "checking" | ...,
//   editor: "closed" | "editing" | "saving" | "saved" | "conflict" | "failed",
//   rows_shown, rows: the partnerships table's rows after its filter (first 50, "cell | cell"),
//   missing_glyphs, missing_code_points, fallback_glyphs_drawn: the font audit,
//   frames, dpr, canvas: {width, height, css_width, css_height}, heap_bytes, ready_ms,
//   perf: {frame_ms: the previous frame's CPU time, search_ms: Find's last search, searches},
//   targets: {"nav.find": {x, y, width, height} in CSS pixels, "search", "result.<id>", ...}
// }
std::string published_state(const AppState& app, const FrameReport& report, const GlyphAudit& audit,
                            const Renderer& renderer) {
    nlohmann::json state;
    state["status"] = to_string(app.status());
    state["error"] = app.error();
    state["route"] = format_route(app.route());
    state["view"] = to_string(report.view);
    state["selected"] = report.selected.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.selected);
    state["language"] = code(app.language());
    state["revision"] = app.registry().revision();
    state["municipalities"] = app.registry().municipalities().size();
    state["partnerships"] = app.registry().partnerships().size();
    if (report.view == Page::find) {
        state["search"] = {{"query", app.route().param("q")},
                           {"total", report.search_total},
                           {"scroll", report.search_scroll},
                           {"results", hits_json(report.search_results, true)}};
    } else {
        state["search"] = nullptr;
    }
    state["facets"] = report.facets ? nlohmann::json{{"frontline", report.facets->frontline},
                                                     {"no_foreign_partner", report.facets->no_foreign_partner},
                                                     {"has_foreign_partner", report.facets->has_foreign_partner}}
                                    : nlohmann::json(nullptr);
    state["suggestions"] = hits_json(report.suggestions, false);
    nlohmann::json conflicts = nlohmann::json::array();
    for (const ReportedConflict& c : report.conflicts)
        conflicts.push_back({{"field", c.field}, {"mine", c.mine}, {"theirs", c.theirs}});
    state["conflicts"] = std::move(conflicts);
    const Session& session = app.session();
    state["session"] = to_string(session.status());
    state["signed_in"] = session.signed_in()
                             ? nlohmann::json{{"role", session.role()}, {"municipality", session.municipality()}}
                             : nlohmann::json(nullptr);
    state["editor"] = to_string(app.editor().state());
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
    state["heap_bytes"] = platform::heap_bytes();
    state["perf"] = {{"frame_ms", renderer.frame_ms()}, {"search_ms", report.search_ms}, {"searches", report.searches}};
    state["ready_ms"] = app.ready_ms();
    nlohmann::json targets = nlohmann::json::object();
    for (const auto& [name, t] : report.targets) {
        targets[name] = {{"x", t.x}, {"y", t.y}, {"width", t.width}, {"height", t.height}};
    }
    state["targets"] = std::move(targets);
    // Invalid UTF-8 in a record must not take the page's diagnostics down with it.
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace prd::web
