// Proposal routes: each reads the proposal and decides under the registry's write lock
// (RegistryService::apply_together), so two answers racing cannot both apply, and a signing
// commits the proposal and its partnership record together.

#include "api/proposal_routes.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "i18n/utf8.hpp"
#include "model/json_codec.hpp"
#include "proposals/workflow.hpp"
#include "validation/validate.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
using proposals::Action;
using proposals::Side;
using proposals::Stamp;

constexpr std::size_t kMaxMessageChars = 5000;
constexpr std::size_t kMaxNoteChars = 2000;
constexpr std::size_t kMaxChangeId = 100;

// The fields a draft's sender writes with PUT; everything else is the server's or the workflow's.
constexpr const char* kServerFields[] = {"history", "messages", "signing_confirmed_by", "signed_on", "partnership"};

ApiResponse json_response(int status, const Json& body) {
    ApiResponse response;
    response.status = status;
    response.body = body.dump();
    response.headers.emplace_back("Cache-Control", "private, no-store");
    return response;
}

ApiResponse invalid(const std::string& field, const std::string& rule) {
    return json_response(422, Json{{"error", {{"code", "invalid"}, {"message", field + ": " + rule}}}});
}

ApiResponse not_found(const std::string& id) {
    return error_response(404, "not_found", "no proposal with id \"" + id + "\"");
}

/// The body as a JSON object, or the response that says why not.
std::optional<Json> object_body(const ApiRequest& request, ApiResponse& error) {
    Json body = Json::parse(request.body, nullptr, false);
    if (request.body.empty() || body.is_discarded() || !body.is_object()) {
        error = error_response(400, "bad_request", "body: a JSON object is required");
        return std::nullopt;
    }
    return body;
}

/// A string member: "" when absent or null; nothing (and `error` set) when of another type.
std::optional<std::string> string_member(const Json& body, const char* name, ApiResponse& error) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) return std::string();
    if (!it->is_string()) {
        error = invalid(name, "must be a string");
        return std::nullopt;
    }
    return it->get<std::string>();
}

ApiResponse unauthorized() {
    return error_response(401, "unauthorized", "Authorization: proposals are written with a bearer token");
}

ApiResponse from_result(const ApplyResult& result) {
    if (result.status == ApplyResult::Status::invalid) {
        Json errors = Json::array();
        for (const auto& e : result.errors) errors.push_back({{"field", e.field}, {"rule", e.rule}, {"message", e.message()}});
        const std::string message = result.errors.empty() ? "the record breaks a rule" : result.errors.front().message();
        return json_response(422, Json{{"error", {{"code", "invalid"}, {"message", message}, {"errors", errors}}}});
    }
    return error_response(409, "conflict", "the record changed meanwhile; read it again");
}

Stamp stamp_for(const Principal& principal, const std::string& now) {
    Stamp stamp;
    stamp.at = now;
    stamp.by = principal.token_id;
    stamp.role = std::string(to_string(principal.role));
    if (principal.role == Role::editor) stamp.municipality = principal.municipality;
    return stamp;
}

// ---- PUT /api/v1/proposals/{id} ----

ApiResponse put_draft(RegistryService& registry, const Api& api, const ApiRequest& request, const Principal& principal,
                      const std::string& id) {
    if (principal.role == Role::anonymous) return unauthorized();
    ApiResponse error;
    auto body = object_body(request, error);
    if (!body) return error;
    for (const char* name : kServerFields) {
        const auto it = body->find(name);
        if (it != body->end() && !it->is_null() && !it->empty()) return invalid(name, "written by the server");
    }
    if (const auto it = body->find("status"); it != body->end() && !it->is_null() && *it != "draft")
        return invalid("status", "use POST /api/v1/proposals/" + id + "/actions");
    if (const auto it = body->find("id"); it != body->end() && !it->is_null() && *it != id)
        return invalid("id", "must be the id in the path (" + id + ")");
    if (const auto it = body->find("revision"); it != body->end()) body->erase(it);

    // The sender's fields as sent (an absent one is emptied: PUT replaces), the server's as held.
    const Json current = registry.record(RecordKind::proposal, id, principal);
    const bool exists = registry.read([&](const Registry& r) { return r.find_proposal(id) != nullptr; });
    if (exists && current.is_null()) return not_found(id);
    Json record = *body;
    record["id"] = id;
    std::int64_t base = 0;
    if (!current.is_null()) {
        base = current.value("revision", std::int64_t{0});
        for (const char* name : kServerFields)
            if (current.contains(name)) record[name] = current[name];
        record["status"] = current["status"];
        if (current.contains("created_at")) record["created_at"] = current["created_at"];
    }
    Change change{RecordKind::proposal, Change::Op::put, id, base, record, {}};
    const auto results = registry.push(principal, {change}, api.now());
    const Json& result = results.front().json;
    const std::string status = result.value("status", "");
    if (status == "applied") return json_response(exists ? 200 : 201, registry.record(RecordKind::proposal, id, principal));
    if (status == "forbidden") return error_response(403, "forbidden", result.value("message", "not allowed"));
    if (status == "invalid") {
        const std::string message = result["errors"].empty() ? "the record breaks a rule" : result["errors"][0].value("message", "");
        return json_response(422, Json{{"error", {{"code", "invalid"}, {"message", message}, {"errors", result["errors"]}}}});
    }
    return json_response(409, Json{{"error", {{"code", "conflict"}, {"message", "the proposal changed meanwhile"}}},
                                   {"current", result.value("current", Json())}});
}

// ---- POST /api/v1/proposals/{id}/actions ----

ApiResponse take_action(RegistryService& registry, const Api& api, const ApiRequest& request,
                        const Principal& principal, const std::string& id) {
    if (principal.role == Role::anonymous) return unauthorized();
    ApiResponse error;
    const auto body = object_body(request, error);
    if (!body) return error;
    const auto action_text = string_member(*body, "action", error);
    const auto change_id = action_text ? string_member(*body, "change_id", error) : std::nullopt;
    const auto note = change_id ? string_member(*body, "note", error) : std::nullopt;
    const auto signed_on = note ? string_member(*body, "signed_on", error) : std::nullopt;
    if (!signed_on) return error;
    const auto action = proposals::action_from_string(*action_text);
    if (!action) {
        std::string names;
        for (const auto& step : proposals::steps()) names += (names.empty() ? "" : ", ") + std::string(to_string(step.action));
        return invalid("action", "unknown action \"" + *action_text + "\" (expected one of: " + names + ")");
    }
    if (change_id->empty() || change_id->size() > kMaxChangeId)
        return invalid("change_id", "1 to 100 characters, made by the client so a retry is recognised");
    if (utf8::length(*note) > kMaxNoteChars) return invalid("note", "at most 2000 characters");
    if (!signed_on->empty() && !is_iso_date(*signed_on)) return invalid("signed_on", "must be a real date (YYYY-MM-DD)");

    const std::string now = api.now();
    Stamp stamp = stamp_for(principal, now);
    stamp.change_id = *change_id;
    stamp.note = *note;
    stamp.signed_on = *signed_on;

    std::optional<ApiResponse> answer;  // set when the plan decides without writing
    std::optional<ApplyResult> applied;
    try {
        applied = registry.apply_together(
            [&](const Registry& r) -> std::vector<Change> {
                const Proposal* p = r.find_proposal(id);
                const Side side = p ? side_of(principal, *p, r) : Side::none;
                if (!p || !proposals::visible_to(*p, side)) {
                    answer = not_found(id);
                    return {};
                }
                const bool replay = std::any_of(p->history.begin(), p->history.end(),
                                                [&](const StatusChange& c) { return c.change_id == *change_id; });
                if (replay) {
                    answer = json_response(200, to_json(*p));
                    return {};
                }
                if (auto why = proposals::refusal(*p, side, *action)) {
                    answer = proposals::takes_part(side, *action)
                                 ? json_response(409, Json{{"error", "conflict"}, {"message", *why}, {"current", to_json(*p)}})
                                 : json_response(403, Json{{"error", "forbidden"}, {"message", *why}});
                    return {};
                }
                const Proposal next = proposals::apply(*p, r, side, *action, stamp);
                std::vector<Change> changes;
                if (next.status == ProposalStatus::signed_) {
                    const Partnership partnership = proposals::partnership_for(next, r);
                    const Partnership* held = r.find_partnership(partnership.id);
                    changes.push_back({RecordKind::partnership, Change::Op::put, partnership.id,
                                       held ? held->revision : 0, to_json(partnership), {}});
                }
                changes.push_back({RecordKind::proposal, Change::Op::put, id, p->revision, to_json(next), {}});
                return changes;
            },
            now);
    } catch (const std::invalid_argument& e) {
        return invalid("to", e.what());  // a side left the registry since the proposal was sent
    }
    if (answer) return *answer;
    if (!applied) return error_response(500, "internal", "the step was neither taken nor refused");
    if (applied->status != ApplyResult::Status::applied) return from_result(*applied);
    return json_response(200, registry.record(RecordKind::proposal, id, principal));
}

// ---- POST /api/v1/proposals/{id}/messages ----

ApiResponse post_message(RegistryService& registry, const Api& api, const ApiRequest& request,
                         const Principal& principal, const std::string& id) {
    if (principal.role == Role::anonymous) return unauthorized();
    ApiResponse error;
    const auto body = object_body(request, error);
    if (!body) return error;
    const auto message_id = string_member(*body, "id", error);
    const auto text = message_id ? string_member(*body, "text", error) : std::nullopt;
    if (!text) return error;
    if (!is_uuid(*message_id)) return invalid("id", "must be a UUID made by the client");
    const std::size_t length = utf8::length(*text);
    if (length == 0 || length > kMaxMessageChars || text->find_first_not_of(" \t\r\n") == std::string::npos)
        return invalid("text", "1 to 5000 characters");

    const std::string now = api.now();
    std::optional<ApiResponse> answer;
    const auto applied = registry.apply_together(
        [&](const Registry& r) -> std::vector<Change> {
            const Proposal* p = r.find_proposal(id);
            const Side side = p ? side_of(principal, *p, r) : Side::none;
            if (!p || !proposals::visible_to(*p, side)) {
                answer = not_found(id);
                return {};
            }
            const bool replay = std::any_of(p->messages.begin(), p->messages.end(),
                                            [&](const ProposalMessage& m) { return m.id == *message_id; });
            if (replay) {
                answer = json_response(200, to_json(*p));
                return {};
            }
            if (!proposals::can_write_messages(*p, side)) {
                answer = json_response(403, Json{{"error", "forbidden"},
                                                 {"message", "messages: only the two sides write messages, from when "
                                                             "the proposal is sent until it is answered or signed"}});
                return {};
            }
            Proposal next = *p;
            const Stamp stamp = stamp_for(principal, now);
            next.messages.push_back({*message_id, stamp.at, stamp.by, stamp.role, stamp.municipality, *text});
            return {{RecordKind::proposal, Change::Op::put, id, p->revision, to_json(next), {}}};
        },
        now);
    if (answer) return *answer;
    if (!applied) return error_response(500, "internal", "the message was neither stored nor refused");
    if (applied->status != ApplyResult::Status::applied) return from_result(*applied);
    return json_response(201, registry.record(RecordKind::proposal, id, principal));
}

}  // namespace

void add_proposal_routes(Api& api, RegistryService& registry) {
    const Api& routes = api;
    api.add_route("PUT", "/api/v1/proposals/{}",
                  [&registry, &routes](const ApiRequest& request, const Principal& principal,
                                       const std::vector<std::string>& p) {
                      return put_draft(registry, routes, request, principal, p[0]);
                  });
    api.add_route("POST", "/api/v1/proposals/{}/actions",
                  [&registry, &routes](const ApiRequest& request, const Principal& principal,
                                       const std::vector<std::string>& p) {
                      return take_action(registry, routes, request, principal, p[0]);
                  });
    api.add_route("POST", "/api/v1/proposals/{}/messages",
                  [&registry, &routes](const ApiRequest& request, const Principal& principal,
                                       const std::vector<std::string>& p) {
                      return post_message(registry, routes, request, principal, p[0]);
                  });
}

}  // namespace prd::server
