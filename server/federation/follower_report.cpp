// What a follower reports: its status (GET /api/v1/about's "upstream"), its metrics, and its
// outbox (GET /api/v1/federation/outbox). The pulling and forwarding are in follower.cpp.

#include "federation/follower.hpp"

#include "api/registry_service.hpp"
#include "store/store.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kChangesPath = "/api/v1/changes";

}  // namespace

void Follower::add_reports(Api& api) {
    api.extend_about([this](Json& about) { about["upstream"] = status(); });
    api.extend_metrics([this] {
        const auto s = status();
        std::string text;
        const auto metric = [&](const char* name, const char* type, const char* help, const Json& value) {
            text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
                    value.dump() + "\n";
        };
        metric("partnership_upstream_lag_revisions", "gauge", "Upstream revisions not yet installed.", s["lag"]["revisions"]);
        metric("partnership_upstream_lag_seconds", "gauge", "Seconds since the copy was last known complete.",
               s["lag"]["seconds"].is_null() ? Json(-1) : s["lag"]["seconds"]);
        metric("partnership_upstream_revision", "gauge", "The upstream revision installed.", s["revision"]);
        metric("partnership_upstream_errors_total", "counter", "Calls to the upstream that failed.", s["errors"]);
        metric("partnership_outbox_pending", "gauge", "Local writes waiting to be forwarded.", s["outbox"]["pending"]);
        metric("partnership_outbox_conflicts", "gauge", "Forwarded writes the upstream answered with a conflict.",
               s["outbox"]["conflicts"]);
        metric("partnership_outbox_refused", "gauge", "Forwarded writes the upstream refused.", s["outbox"]["refused"]);
        metric("partnership_outbox_forwarded_total", "counter", "Local writes the upstream applied.", s["forwarded"]);
        return text;
    });
    add_outbox_route(api);
}

void Follower::add_outbox_route(Api& api) {
    // GET /api/v1/federation/outbox[?state=pending|conflict|refused|applied|all]: by default what
    // needs someone's attention (waiting, conflicts, refusals). Editors see their own writes,
    // moderators everyone's.
    api.add_route("GET", "/api/v1/federation/outbox",
                  [this](const ApiRequest& request, const Principal& principal, const std::vector<std::string>&) {
                      if (principal.role == Role::anonymous)
                          return error_response(401, "unauthorized", "Authorization: the outbox shows editors their own writes");
                      std::string state;
                      if (const auto it = request.query.find("state"); it != request.query.end()) state = it->second;
                      if (!state.empty() && state != "all" && state != "pending" && state != "conflict" &&
                          state != "refused" && state != "applied")
                          return error_response(400, "bad_request",
                                                "state: must be pending, conflict, refused, applied or all");
                      Json items = Json::array();
                      for (const auto& item : m_registry.store().outbox_items(false)) {
                          if (!principal.is_moderator() && item.token_id != principal.token_id) continue;
                          if (state.empty() ? item.state == "applied" : state != "all" && item.state != state) continue;
                          Json shown{{"seq", item.seq},
                                     {"state", item.state},
                                     {"kind", std::string(to_string(item.kind))},
                                     {"id", item.record_id},
                                     {"by", item.principal},
                                     {"created_at", item.created_at},
                                     {"attempts", item.attempts},
                                     {"last_attempt_at", item.last_attempt_at.empty() ? Json() : Json(item.last_attempt_at)},
                                     {"settled_at", item.settled_at.empty() ? Json() : Json(item.settled_at)},
                                     {"status", item.status == 0 ? Json() : Json(item.status)},
                                     {"answer", item.result.empty() ? Json() : Json::parse(item.result, nullptr, false)}};
                          const Json body = Json::parse(item.body, nullptr, false);
                          if (item.path == kChangesPath) shown["change"] = body;
                          else shown["request"] = {{"method", item.method}, {"path", item.path}, {"body", body}};
                          items.push_back(std::move(shown));
                      }
                      ApiResponse response;
                      response.body = Json{{"upstream", m_options.upstream_url}, {"items", items}}.dump();
                      response.headers.emplace_back("Cache-Control", "private, no-store");
                      return response;
                  });
}

Json Follower::status() const {
    const auto items = m_registry.store().outbox_items(false);
    std::size_t pending = 0, conflicts = 0, refused = 0;
    for (const auto& item : items) {
        if (item.state == "pending") ++pending;
        else if (item.state == "conflict") ++conflicts;
        else if (item.state == "refused") ++refused;
    }
    std::lock_guard lock(m_mutex);
    Json lag_seconds = nullptr;
    if (!m_caught_up_at.empty())
        lag_seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_caught_up).count();
    return {{"url", m_options.upstream_url},
            {"revision", m_applied},
            {"head", m_head},
            {"lag", {{"revisions", std::max<std::int64_t>(0, m_head - m_applied)}, {"seconds", lag_seconds}}},
            {"caught_up_at", m_caught_up_at.empty() ? Json() : Json(m_caught_up_at)},
            {"last_error", m_last_error.empty() ? Json() : Json{{"at", m_last_error_at}, {"message", m_last_error}}},
            {"errors", m_errors},
            {"forwarded", m_forwarded},
            {"outbox", {{"pending", pending}, {"conflicts", conflicts}, {"refused", refused}}}};
}

}  // namespace prd::server
