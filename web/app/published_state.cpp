#include "app/published_state.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"

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
//   targets: {"nav.find": {x, y, width, height} in CSS pixels, "search", "result.<id>", ...},
//   online, registry_source: "none" | "local" | "network", registry_revision, synced_at, outbox (waiting),
//   drafts: [{id, from, to, kind, status: "draft" | "sending" | "refused", updated_at, chars}],
//   inbox: [{id, status, unread}], sent: [{id, status}], storage: {saving, error, persist},
//   proposal: {id, status, side, actions, messages, waiting} on a proposal's page,
//   map: {selected, partnership, arcs, points, points_drawn, communities, without_foreign_partner,
//         labels, outlines, outline_points, level, scale, filters} on the map, else null,
//   map.centre: [x, y] the projected point (km) in the middle of the map,
//   dashboard: the gap figures as `partnership stats --json` gives them, on the dashboard, else null,
//   dashboard_sort: {column, descending, rows: [{oblast, without_foreign_partner}]} as the oblast table shows them,
//   service worker state is the shell's own: window.prdServiceWorker
// }
namespace {

std::string_view persist_name(PersistState state) {
    switch (state) {
        case PersistState::not_asked: return "not_asked";
        case PersistState::asking: return "asking";
        case PersistState::granted: return "granted";
        case PersistState::refused: return "refused";
        case PersistState::unsupported: return "unsupported";
    }
    return "not_asked";
}

void proposals_state(const AppState& app, nlohmann::json& state) {
    const ProposalBook& book = app.proposals();
    nlohmann::json drafts = nlohmann::json::array();
    for (const auto& [id, d] : book.drafts()) {
        std::string status = book.sending(id) ? "sending" : "draft";
        for (const OutboxItem& item : book.outbox())
            if (item.proposal == id && !item.refused.empty()) status = "refused";
        drafts.push_back({{"id", id},
                          {"from", d.from},
                          {"to", d.to},
                          {"kind", to_string(d.kind)},
                          {"status", status},
                          {"updated_at", d.updated_at},
                          {"chars", ProposalBook::characters(d)}});
    }
    state["drafts"] = std::move(drafts);
    nlohmann::json inbox = nlohmann::json::array();
    nlohmann::json sent = nlohmann::json::array();
    const std::string& mine = app.session().municipality();
    for (const auto& [id, p] : book.received_and_sent()) {
        if (!mine.empty() && p.from == mine) {
            sent.push_back({{"id", id}, {"status", to_string(p.status)}});
        } else {
            inbox.push_back({{"id", id}, {"status", to_string(p.status)}, {"unread", book.unread(p)}});
        }
    }
    state["inbox"] = std::move(inbox);
    state["sent"] = std::move(sent);
    state["storage"] = {
        {"saving", book.saving()}, {"error", book.save_error()}, {"persist", persist_name(book.persist_state())}};
    state["proposal"] = nullptr;
    if (app.route().page == Page::proposal) {
        if (const Proposal* p = book.proposal(app.route().id)) {
            nlohmann::json actions = nlohmann::json::array();
            const proposals::Side side = book.side(*p, app.registry());
            for (const proposals::Action a : proposals::available(*p, side)) actions.push_back(proposals::to_string(a));
            std::size_t waiting = 0;
            for (const OutboxItem& item : book.outbox()) waiting += item.proposal == p->id && item.refused.empty();
            state["proposal"] = {{"id", p->id},
                                 {"status", to_string(p->status)},
                                 {"side", proposals::to_string(side)},
                                 {"actions", std::move(actions)},
                                 {"messages", p->messages.size()},
                                 {"waiting", waiting},
                                 {"partnership", p->partnership}};
        }
    }
}

}  // namespace

std::string published_state(const AppState& app, const FrameReport& report, const GlyphAudit& audit,
                            const Renderer& renderer) {
    nlohmann::json state;
    state["status"] = to_string(app.status());
    state["online"] = platform::online() && !app.registry_sync().unreachable();
    state["registry_source"] = to_string(app.registry_sync().source());
    state["registry_revision"] = app.registry().revision();
    state["synced_at"] = app.registry_sync().synced_at();
    state["snapshot_bytes"] = app.registry_sync().snapshot_bytes();
    state["outbox"] = app.waiting_changes();
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
    state["perf"] = {{"frame_ms", renderer.frame_ms()},
                     {"search_ms", report.search_ms},
                     {"searches", report.searches},
                     {"load_read_ms", app.registry_sync().load_times().read_ms},
                     {"load_decode_ms", app.registry_sync().load_times().decode_ms},
                     {"index_ms", app.index_ms()}};
    state["ready_ms"] = app.ready_ms();
    proposals_state(app, state);
    state["map"] = report.map;
    state["dashboard"] = report.dashboard;
    state["dashboard_sort"] = report.dashboard_sort;
    if (app.route().page == Page::admin) {
        const AdminDesk& desk = app.admin();
        nlohmann::json invitations = nlohmann::json::array();
        for (const AdminInvitation& i : desk.invitations())
            invitations.push_back({{"id", i.id},
                                   {"municipality", i.municipality},
                                   {"role", i.role},
                                   {"state", i.state},
                                   {"token_id", i.token_id}});
        nlohmann::json tokens = nlohmann::json::array();
        for (const AdminToken& t : desk.tokens())
            tokens.push_back({{"id", t.id}, {"label", t.label}, {"role", t.role}, {"revoked", t.revoked}});
        state["admin"] = {{"link", desk.new_link()},
                          {"error", desk.error()},
                          {"busy", desk.busy()},
                          {"invitations", std::move(invitations)},
                          {"tokens", std::move(tokens)}};
    } else {
        state["admin"] = nullptr;
    }
    nlohmann::json targets = nlohmann::json::object();
    for (const auto& [name, t] : report.targets) {
        targets[name] = {{"x", t.x}, {"y", t.y}, {"width", t.width}, {"height", t.height}};
    }
    state["targets"] = std::move(targets);
    // Invalid UTF-8 in a record must not take the page's diagnostics down with it.
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace prd::web
