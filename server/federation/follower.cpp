#include "federation/follower.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

#include "api/registry_service.hpp"
#include "auth/auth.hpp"
#include "model/json_codec.hpp"
#include "registry/record_json.hpp"
#include "store/store.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kChangesPath = "/api/v1/changes";
constexpr std::size_t kForwardBatch = 100;

/// The request being handled on this thread, set by the Api's write wrapper so the registry's
/// write hook knows who wrote and whether the write is a proposal's step or message (forwarded as
/// the request itself) or record changes (forwarded as changes).
struct LocalRequest {
    const ApiRequest* request = nullptr;
    const Principal* principal = nullptr;
};
thread_local LocalRequest t_request;

/// "/api/v1/proposals/{id}/actions" or ".../messages": the proposal's id; empty otherwise.
std::string proposal_step_id(const ApiRequest& request) {
    constexpr std::string_view prefix = "/api/v1/proposals/";
    if (request.method != "POST" || request.path.rfind(prefix, 0) != 0) return {};
    const auto rest = std::string_view(request.path).substr(prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0) return {};
    const auto tail = rest.substr(slash + 1);
    return tail == "actions" || tail == "messages" ? std::string(rest.substr(0, slash)) : std::string();
}


/// Two states of a record hold the same content when they differ at most in their revision.
bool same_content(Json a, Json b) {
    if (a.is_object()) a.erase("revision");
    if (b.is_object()) b.erase("revision");
    return a == b;
}

std::string record_path(RecordKind kind, const std::string& id) {
    switch (kind) {
        case RecordKind::municipality: return "/api/v1/municipalities/" + id;
        case RecordKind::partnership: return "/api/v1/partnerships/" + id;
        case RecordKind::proposal: return "/api/v1/proposals/" + id;
        case RecordKind::announcement: break;
    }
    return {};
}

/// Answers that say nothing about the write itself: it stays queued and is sent again later. A 401
/// is the instance's token (revoked, mistyped), never the write: nothing is refused for it.
bool must_retry(int status) { return status == 401 || status == 408 || status == 429 || status >= 500; }

std::string error_text(const HttpReply& reply) {
    const auto error = api_error_from_body(reply.body);
    return "HTTP " + std::to_string(reply.status) + (error.message.empty() ? "" : ": " + error.message);
}

}  // namespace

Follower::Follower(RegistryService& registry, Api& api, FollowerOptions options, UpstreamFetch fetch)
    : m_registry(registry), m_options(std::move(options)), m_fetch(std::move(fetch)) {
    auto& store = m_registry.store();
    for (const auto& [kind, id, revision] : store.upstream_revisions()) m_upstream_revisions[{kind, id}] = revision;
    m_applied = store.upstream_revision();
    m_head = m_applied;

    m_registry.set_local_write_hook([this](const std::vector<Change>& applied) {
        FollowerWrite write;
        const auto now = utc_now();
        const auto* request = t_request.request;
        const auto* principal = t_request.principal;
        OutboxItem base;
        base.created_at = now;
        base.principal = principal ? principal->log_name() : "-";
        base.token_id = principal ? principal->token_id : "";
        if (request) {
            if (auto id = proposal_step_id(*request); !id.empty()) {
                // Steps and messages are forwarded as they were asked: the upstream stamps them
                // itself, and their change_id or id makes a resend harmless.
                OutboxItem item = base;
                item.kind = RecordKind::proposal;
                item.record_id = std::move(id);
                item.method = request->method;
                item.path = request->path;
                item.body = request->body;
                write.outbox.push_back(std::move(item));
                return write;
            }
        }
        std::lock_guard lock(m_mutex);
        for (const auto& change : applied) {
            OutboxItem item = base;
            item.kind = change.kind;
            item.record_id = change.id;
            const auto known = m_upstream_revisions.find({change.kind, change.id});
            item.base_revision = known == m_upstream_revisions.end() ? 0 : known->second;
            item.method = "POST";
            item.path = kChangesPath;
            Change forwarded = change;
            forwarded.client_change_id = "fwd-" + random_hex(12);
            item.body = push_item_to_json(forwarded).dump();
            write.outbox.push_back(std::move(item));
        }
        return write;
    });
    api.wrap_writes([this](const ApiRequest& request, const Principal& principal, const std::function<ApiResponse()>& handle) {
        t_request = {&request, &principal};
        ApiResponse response;
        try {
            response = handle();
        } catch (...) {
            t_request = {};
            throw;
        }
        t_request = {};
        if (response.status < 300) {
            std::lock_guard lock(m_mutex);
            m_wake = true;
            m_changed.notify_all();
        }
        return response;
    });
    add_reports(api);

    SyncOptions sync;
    sync.mirror_public_records = false;
    sync.first_retry_ms = m_options.first_retry.count();
    sync.max_retry_ms = m_options.max_retry.count();
    m_client = std::make_unique<SyncClient>("follower", sync);
    m_client->set_token(m_options.token);
}

Follower::~Follower() { stop(); }

void Follower::start() {
    if (m_thread.joinable()) return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void Follower::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_changed.notify_all();
    }
    if (m_thread.joinable()) m_thread.join();
}

void Follower::run() {
    for (;;) {
        sync_once();
        std::unique_lock lock(m_mutex);
        const auto wait = m_failures > 0 ? next_wait() : m_options.interval;
        m_changed.wait_for(lock, wait, [this] { return m_stopping || (m_wake && m_failures == 0); });
        m_wake = false;
        if (m_stopping) return;
    }
}

std::chrono::milliseconds Follower::next_wait() {
    // Exponential, capped, with jitter so that many followers of one upstream do not retry in step.
    auto wait = m_options.first_retry;
    for (int i = 1; i < m_failures && wait < m_options.max_retry; ++i) wait *= 2;
    wait = std::min(wait, m_options.max_retry);
    static thread_local std::mt19937 random{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(wait.count()) * jitter(random)));
}

bool Follower::sync_once() { return forward() && pull(); }

std::optional<HttpReply> Follower::call(const std::string& method, const std::string& path, const std::string& body,
                                        std::string& error) {
    HttpCall call{method, path, body, {{"Accept", "application/json"}}};
    if (!body.empty()) call.headers.emplace_back("Content-Type", "application/json");
    if (!m_options.token.empty()) call.headers.emplace_back("Authorization", "Bearer " + m_options.token);
    return m_fetch(call, error);
}

void Follower::failed(std::string error) {
    std::fprintf(stderr, "upstream: %s\n", error.c_str());
    std::lock_guard lock(m_mutex);
    m_last_error = std::move(error);
    m_last_error_at = utc_now();
    ++m_errors;
    m_failures = std::min(m_failures + 1, 30);
}

void Follower::succeeded() {
    std::lock_guard lock(m_mutex);
    m_failures = 0;
}

// ---------------------------------------------------------------------------------------------
// Forwarding

bool Follower::forward() {
    // Record changes go in batches (one request for many writes, so an upstream's rate limit is
    // no bottleneck), at most one change per record in a batch: a later change of the record is
    // based on the earlier one's upstream revision, known once that one is answered.
    for (;;) {
        const auto items = m_registry.store().outbox_items(true);
        if (items.empty()) return true;
        if (items.front().path != kChangesPath) {
            if (!forward_request(items.front())) return false;
            continue;
        }
        std::vector<OutboxItem> batch;
        std::set<Key> records;
        for (const auto& item : items) {
            if (item.path != kChangesPath || batch.size() == kForwardBatch) break;
            if (!records.insert({item.kind, item.record_id}).second) break;
            batch.push_back(item);
        }
        if (!forward_changes(batch)) return false;
    }
}

bool Follower::retry_later(const std::vector<OutboxItem>& items, const std::optional<HttpReply>& reply,
                           const std::string& error) {
    const auto now = utc_now();
    for (const auto& item : items) m_registry.store().note_outbox_attempt(item.seq, now);
    failed("forwarding #" + std::to_string(items.front().seq) + (items.size() > 1 ? " and " + std::to_string(items.size() - 1) + " more" : "") +
           ": " + (reply ? error_text(*reply) : error));
    return false;
}

bool Follower::forward_changes(const std::vector<OutboxItem>& items) {
    Json changes = Json::array();
    for (const auto& item : items) {
        Json one = Json::parse(item.body);
        one["base_revision"] = item.base_revision;
        changes.push_back(std::move(one));
    }
    std::string error;
    const auto reply = call("POST", kChangesPath, Json{{"changes", changes}}.dump(), error);
    if (!reply || must_retry(reply->status)) return retry_later(items, reply, error);
    const Json answer = Json::parse(reply->body, nullptr, false);
    const auto now = utc_now();
    std::map<std::string, Json> results;
    if (reply->status >= 200 && reply->status < 300 && answer.is_object() && answer["results"].is_array())
        for (const auto& result : answer["results"])
            if (result.is_object()) results[result.value("client_change_id", "")] = result;
    bool all_answered = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        OutboxItem settled = items[i];
        settled.attempts += 1;
        settled.last_attempt_at = settled.settled_at = now;
        settled.status = reply->status;
        if (reply->status < 200 || reply->status >= 300) {
            // The batch as a whole was refused (never expected of changes this server wrote).
            settled.state = "refused";
            settled.result = answer.is_discarded() ? Json(reply->body).dump() : answer.dump();
            settle(items[i], settled);
            continue;
        }
        const auto it = results.find(Json::parse(items[i].body).value("client_change_id", ""));
        const std::string status = it == results.end() ? std::string() : it->second.value("status", "");
        if (status == "applied") {
            settled.state = "applied";
            settled.upstream_revision = it->second.value("revision", std::int64_t{0});
        } else if (status == "conflict" || status == "invalid" || status == "forbidden") {
            settled.state = status == "conflict" ? "conflict" : "refused";
            settled.result = it->second.dump();
        } else {
            all_answered = false;  // sent again next round, under the same change id
            continue;
        }
        settle(items[i], settled);
    }
    if (!all_answered) return retry_later(items, reply, "the upstream's answer left out some of the changes sent");
    succeeded();
    return true;
}

bool Follower::forward_request(const OutboxItem& item) {
    std::string error;
    const auto reply = call(item.method, item.path, item.body, error);
    if (!reply || must_retry(reply->status)) return retry_later({item}, reply, error);
    const Json answer = Json::parse(reply->body, nullptr, false);
    OutboxItem settled = item;
    settled.attempts += 1;
    settled.last_attempt_at = settled.settled_at = utc_now();
    settled.status = reply->status;
    if (reply->status >= 200 && reply->status < 300) {
        settled.state = "applied";
        if (answer.is_object()) settled.upstream_revision = answer.value("revision", std::int64_t{0});
    } else {
        settled.state = reply->status == 409 || reply->status == 412 ? "conflict" : "refused";
        settled.result = answer.is_discarded() ? Json(reply->body).dump() : answer.dump();
    }
    settle(item, settled);
    succeeded();
    return true;
}

void Follower::settle(const OutboxItem& item, const OutboxItem& settled) {
    const bool change = item.path == kChangesPath;
    m_registry.exclusive([&](Store& store) {
        store.settle_outbox(settled);
        if (settled.state == "applied" && change) {
            std::lock_guard lock(m_mutex);
            m_upstream_revisions[{item.kind, item.record_id}] = settled.upstream_revision;
        }
    });
    if (settled.state == "applied") {
        std::lock_guard lock(m_mutex);
        ++m_forwarded;
    } else {
        // The whole answer is kept in the outbox; the log names the item and why.
        const Json answer = Json::parse(settled.result, nullptr, false);
        std::string why;
        if (answer.is_object()) {
            why = answer.value("message", std::string());
            if (why.empty() && answer.contains("error") && answer["error"].is_object())
                why = answer["error"].value("message", std::string());
        }
        std::fprintf(stderr, "upstream: forwarding #%lld (%s %s by %s): %s%s%s\n", static_cast<long long>(item.seq),
                     std::string(to_string(item.kind)).c_str(), item.record_id.c_str(), item.principal.c_str(),
                     settled.state.c_str(), why.empty() ? "" : ": ", why.c_str());
    }
    // An applied change shows here as it was written; anything else shows the upstream's version
    // again, and a proposal's step or message as the upstream stamped it.
    if (!(settled.state == "applied" && change)) refresh(item.kind, item.record_id);
}

void Follower::refresh(RecordKind kind, const std::string& id) {
    // Once nothing of ours is waiting for this record, it shows what the upstream holds: our write
    // as the upstream stamped it, or (after a conflict or a refusal) the upstream's own version.
    for (const auto& pending : m_registry.store().outbox_items(true))
        if (pending.kind == kind && pending.record_id == id) return;
    const auto path = record_path(kind, id);
    if (path.empty()) return;
    std::string error;
    const auto reply = call("GET", path, "", error);
    if (!reply || (reply->status != 200 && reply->status != 404)) return;  // the next change of it brings it
    DeltaEntry entry;
    entry.kind = kind;
    entry.id = id;
    if (reply->status == 404) {
        entry.removed = true;
        std::lock_guard lock(m_mutex);
        const auto known = m_upstream_revisions.find({kind, id});
        entry.revision = known == m_upstream_revisions.end() ? 0 : known->second;
    } else {
        entry.record = Json::parse(reply->body, nullptr, false);
        if (!entry.record.is_object()) return;
        entry.revision = entry.record.value("revision", std::int64_t{0});
    }
    install({entry}, std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Pulling

void Follower::install(std::vector<DeltaEntry> entries, std::optional<std::int64_t> upstream_revision) {
    // Records with a write of ours still waiting are left as they are here: forwarding that write
    // settles them (see refresh), whatever the upstream did meanwhile.
    const auto skipped = m_registry.apply_from_upstream([&](const Registry& registry) {
        // Read under the registry's lock: no local write can queue meanwhile.
        std::set<Key> waiting;
        for (const auto& pending : m_registry.store().outbox_items(true)) waiting.insert({pending.kind, pending.record_id});
        UpstreamBatch batch;
        std::lock_guard lock(m_mutex);
        for (auto& entry : entries) {
            const Key key{entry.kind, entry.id};
            if (waiting.count(key)) continue;
            auto& known = m_upstream_revisions[key];
            if (entry.revision < known) continue;
            known = entry.revision;
            batch.write.upstream_revisions.emplace_back(entry.kind, entry.id, entry.revision);
            const Json local = record_json(registry, entry.kind, entry.id);
            if (entry.removed) {
                if (!local.is_null()) batch.changes.push_back({{entry.kind, Change::Op::remove, entry.id, 0, {}, {}}, {}});
                continue;
            }
            if (same_content(local, entry.record)) continue;
            const std::string updated_at = entry.record.value("updated_at", std::string());
            batch.changes.push_back({{entry.kind, Change::Op::put, entry.id, 0, std::move(entry.record), {}},
                                     updated_at.empty() ? utc_now() : updated_at});
        }
        if (upstream_revision) batch.write.upstream_revision = *upstream_revision;
        return batch;
    });
    for (const auto& [change, result] : skipped)
        std::fprintf(stderr, "upstream: could not install %s %s here: %s\n", std::string(to_string(change.kind)).c_str(),
                     change.id.c_str(), result.errors.empty() ? "conflict" : result.errors.front().message().c_str());
    if (upstream_revision) {
        std::lock_guard lock(m_mutex);
        m_applied = std::max(m_applied, *upstream_revision);
        m_head = std::max(m_head, m_applied);
    }
}

bool Follower::pull_snapshot() {
    std::string error;
    const auto reply = call("GET", "/api/v1/snapshot", "", error);
    if (!reply || reply->status != 200) {
        failed("snapshot: " + (reply ? error_text(*reply) : error));
        return false;
    }
    Snapshot snapshot;
    try {
        snapshot = snapshot_from_json(Json::parse(reply->body));
    } catch (const std::exception& e) {
        failed(std::string("snapshot: not a snapshot: ") + e.what());
        return false;
    }
    std::vector<DeltaEntry> entries;
    std::set<Key> upstream;
    const auto add = [&](RecordKind kind, const auto& records) {
        for (const auto& record : records) {
            entries.push_back({kind, record.id, record.revision, false, to_json(record)});
            upstream.insert({kind, record.id});
        }
    };
    // Municipalities first: partnerships and announcements refer to them.
    add(RecordKind::municipality, snapshot.municipalities);
    add(RecordKind::partnership, snapshot.partnerships);
    add(RecordKind::announcement, snapshot.announcements);
    // The proposals this instance's token may see (a snapshot has none): fetched once, the deltas
    // bring their later changes.
    if (!m_options.token.empty()) {
        const auto listed = call("GET", "/api/v1/proposals", "", error);
        if (listed && listed->status == 200) {
            const Json body = Json::parse(listed->body, nullptr, false);
            for (const char* box : {"inbox", "outbox"})
                if (body.is_object() && body[box].is_array())
                    for (const auto& proposal : body[box])
                        entries.push_back({RecordKind::proposal, proposal.value("id", ""),
                                           proposal.value("revision", std::int64_t{0}), false, proposal});
        }
    }
    // What this instance was seeded with but the upstream does not hold goes: the follower serves
    // the upstream's registry. Partnerships and announcements before the municipalities they name.
    m_registry.read([&](const Registry& registry) {
        std::vector<DeltaEntry> removals;
        for (const auto& [id, p] : registry.partnerships())
            if (!upstream.count({RecordKind::partnership, id})) removals.push_back({RecordKind::partnership, id, 0, true, nullptr});
        for (const auto& [id, a] : registry.announcements())
            if (!upstream.count({RecordKind::announcement, id})) removals.push_back({RecordKind::announcement, id, 0, true, nullptr});
        for (const auto& [id, m] : registry.municipalities())
            if (!upstream.count({RecordKind::municipality, id})) removals.push_back({RecordKind::municipality, id, 0, true, nullptr});
        entries.insert(entries.begin(), removals.begin(), removals.end());
        return 0;
    });
    install(std::move(entries), snapshot.revision);
    {
        std::lock_guard lock(m_mutex);
        m_head = std::max(m_head, snapshot.revision);
    }
    return true;
}

bool Follower::pull() {
    std::int64_t applied;
    {
        std::lock_guard lock(m_mutex);
        applied = m_applied;
    }
    if (applied == 0 && !pull_snapshot()) return false;
    {
        std::lock_guard lock(m_mutex);
        applied = m_applied;
    }
    if (m_client->revision() != applied) {
        // A fresh client (or one whose pages were not all installed): resume from the store.
        SyncOptions sync;
        sync.mirror_public_records = false;
        sync.first_retry_ms = m_options.first_retry.count();
        sync.max_retry_ms = m_options.max_retry.count();
        m_client = std::make_unique<SyncClient>("follower", sync);
        m_client->set_token(m_options.token);
        m_client->start_from(applied);
    }
    std::vector<DeltaEntry> page;
    m_client->set_pull_listener([&page](const DeltaEntry& entry) { page.push_back(entry); });
    m_client->sync();
    while (auto next = m_client->next_call()) {
        std::string error;
        const auto reply = m_fetch(*next, error);
        if (!reply) {
            m_client->on_failure(error);
        } else {
            m_client->on_response(*reply);
        }
        if (!page.empty() || m_client->revision() > applied) {
            try {
                install(std::move(page), m_client->revision());
            } catch (const std::exception& e) {
                m_client = std::make_unique<SyncClient>("follower");  // rebuilt from the store next round
                failed(std::string("installing upstream changes: ") + e.what());
                return false;
            }
            page.clear();
            applied = m_client->revision();
        }
        if (m_client->last_error()) {
            failed("pulling: " + m_client->last_error()->message);
            return false;
        }
    }
    m_client->set_pull_listener({});
    std::lock_guard lock(m_mutex);
    m_head = std::max(m_head, m_client->revision());
    m_caught_up = std::chrono::steady_clock::now();
    m_caught_up_at = utc_now();
    m_failures = 0;
    return true;
}

}  // namespace prd::server
