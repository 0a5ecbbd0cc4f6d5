// The sync engine: the outbox, the push and pull steps of a sync, backoff, and the user's settling
// of conflicts. Saving and loading its state is in sync_client_state.cpp.

#include "sync/sync_client.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "model/json_codec.hpp"

namespace prd {

using nlohmann::json;

namespace {

bool same_record(const Change& a, const Change& b) { return a.kind == b.kind && a.id == b.id; }

// Retry-After is either seconds or an HTTP date; only seconds are honoured (the server sends them),
// a date falls back to the client's own backoff.
std::optional<std::int64_t> retry_after_seconds(const HttpHeaders& headers) {
    const std::optional<std::string> value = find_header(headers, "Retry-After");
    if (!value || value->empty() || value->size() > 9) return std::nullopt;
    std::int64_t seconds = 0;
    for (char c : *value) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        seconds = seconds * 10 + (c - '0');
    }
    return seconds;
}

SyncError http_error(const HttpReply& reply) {
    ApiError error = api_error_from_body(reply.body);
    return {reply.status, std::move(error.code), std::move(error.message)};
}

SyncError malformed(const std::string& what) { return {1, "malformed_answer", what}; }

}  // namespace

std::optional<std::string> find_header(const HttpHeaders& headers, std::string_view name) {
    auto equal = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const auto& [key, value] : headers) {
        if (equal(key, name)) return value;
    }
    return std::nullopt;
}

SyncClient::SyncClient(std::string client_id, SyncOptions options)
    : m_options(std::move(options)), m_client_id(std::move(client_id)) {
    if (m_client_id.empty()) throw std::invalid_argument("SyncClient: the client id must not be empty");
    m_options.pull_limit = std::max<std::size_t>(m_options.pull_limit, 1);
    m_options.push_batch = std::max<std::size_t>(m_options.push_batch, 1);
    m_batch_limit = m_options.push_batch;
}

std::string SyncClient::new_change_id() {
    if (m_make_id) return m_make_id();
    return m_client_id + "-" + std::to_string(m_next_change_number++);
}

// ---------------------------------------------------------------------------------------------
// Local edits

std::string SyncClient::stage(Change change) {
    // An edit that never left the device may simply be replaced: nobody has seen its id yet.
    for (auto it = m_outbox.rbegin(); it != m_outbox.rend(); ++it) {
        if (!same_record(it->change, change)) continue;
        if (it->sent) break;
        it->change.op = change.op;
        it->change.record = std::move(change.record);
        return it->change.client_change_id;
    }
    // Based on the server's record as mirrored. If an earlier change to the same record is still
    // waiting, this one is rebased on that one's revision when it is applied (see acknowledge()).
    change.base_revision = m_mirror.record_revision(change.kind, change.id);
    change.client_change_id = new_change_id();
    m_outbox.push_back({change, false});
    return change.client_change_id;
}

std::string SyncClient::stage_put(RecordKind kind, json record) {
    Change change;
    change.kind = kind;
    change.op = Change::Op::put;
    change.id = decoded_record_id(kind, record);
    if (change.id.empty()) throw DecodeError("id", "required");
    change.record = std::move(record);
    return stage(std::move(change));
}

std::string SyncClient::stage_put(const Municipality& record) { return stage_put(RecordKind::municipality, to_json(record)); }
std::string SyncClient::stage_put(const Partnership& record) { return stage_put(RecordKind::partnership, to_json(record)); }
std::string SyncClient::stage_put(const Proposal& record) { return stage_put(RecordKind::proposal, to_json(record)); }
std::string SyncClient::stage_put(const Announcement& record) { return stage_put(RecordKind::announcement, to_json(record)); }

std::string SyncClient::stage_remove(RecordKind kind, std::string id) {
    Change change;
    change.kind = kind;
    change.op = Change::Op::remove;
    change.id = std::move(id);
    return stage(std::move(change));
}

// ---------------------------------------------------------------------------------------------
// The state machine

void SyncClient::sync() {
    if (busy()) {
        m_again = true;
        return;
    }
    m_phase = SyncPhase::pushing;
    m_batch_limit = m_options.push_batch;
    m_failures = 0;
    m_retry_after_ms = 0;
    m_last_error.reset();
}

std::vector<std::size_t> SyncClient::sendable_batch() const {
    // A change waits while an earlier change to the same record is unacknowledged: its base
    // revision is only known once that one is applied.
    std::vector<std::size_t> batch;
    for (std::size_t i = 0; i < m_outbox.size() && batch.size() < m_batch_limit; ++i) {
        bool waits = false;
        for (std::size_t j = 0; j < i && !waits; ++j) waits = same_record(m_outbox[j].change, m_outbox[i].change);
        if (!waits) batch.push_back(i);
    }
    return batch;
}

HttpCall SyncClient::make_call(std::string method, std::string path, std::string body) const {
    HttpCall call{std::move(method), std::move(path), std::move(body), {{"Accept", "application/json"}}};
    if (!call.body.empty()) call.headers.emplace_back("Content-Type", "application/json");
    if (!m_token.empty()) call.headers.emplace_back("Authorization", "Bearer " + m_token);
    return call;
}

std::optional<HttpCall> SyncClient::next_call() {
    if (m_in_flight != InFlight::none) return std::nullopt;
    if (m_phase == SyncPhase::pushing) {
        m_batch = sendable_batch();
        if (!m_batch.empty()) {
            PushRequest request;
            for (std::size_t index : m_batch) {
                m_outbox[index].sent = true;
                request.changes.push_back(m_outbox[index].change);
            }
            m_in_flight = InFlight::push;
            return make_call("POST", m_options.api_prefix + "/changes", to_json(request).dump());
        }
        m_phase = SyncPhase::pulling;
    }
    if (m_phase == SyncPhase::pulling) {
        m_in_flight = InFlight::pull;
        return make_call("GET", changes_path(m_options.api_prefix, m_mirror.revision(), m_options.pull_limit), "");
    }
    return std::nullopt;
}

void SyncClient::on_failure(std::string reason) {
    if (m_in_flight == InFlight::none) return;
    retry_later({0, "network", std::move(reason)});
}

void SyncClient::on_response(const HttpReply& reply) {
    if (m_in_flight == InFlight::none) return;
    const InFlight call = m_in_flight;
    if (reply.status >= 200 && reply.status < 300) {
        if (call == InFlight::pull) {
            handle_pull(reply);
        } else {
            handle_push(reply);
        }
        return;
    }
    if (reply.status == 429) {
        const std::optional<std::int64_t> seconds = retry_after_seconds(reply.headers);
        retry_later(http_error(reply), seconds ? std::optional<std::int64_t>(*seconds * 1000) : std::nullopt);
    } else if (reply.status == 408 || reply.status >= 500) {
        retry_later(http_error(reply));
    } else if (reply.status == 413 && call == InFlight::push) {
        m_in_flight = InFlight::none;
        if (m_batch.size() > 1) {
            m_batch_limit = std::max<std::size_t>(m_batch.size() / 2, 1);
        } else {
            reject_first_sendable("too large for the server to accept");
        }
    } else {
        stop(http_error(reply));
    }
}

void SyncClient::start_from(std::int64_t revision) {
    if (busy() || revision <= m_mirror.revision()) return;
    m_mirror.set_revision(revision);
}

void SyncClient::handle_pull(const HttpReply& reply) {
    Delta delta;
    try {
        const json body = json::parse(reply.body, nullptr, false);
        if (body.is_discarded()) throw DecodeError("", "not JSON");
        delta = delta_from_json(body);
    } catch (const DecodeError& error) {
        retry_later(malformed(std::string("changes answer: ") + error.what()));
        return;
    }
    // A page that claims more but does not move the revision on would make the client ask forever.
    if (delta.more && delta.revision <= m_mirror.revision()) {
        retry_later(malformed("changes answer: more is true but the revision did not advance"));
        return;
    }
    for (const DeltaEntry& entry : delta.entries) {
        if (m_options.mirror_public_records || entry.kind == RecordKind::proposal) m_mirror.install(entry);
        if (m_on_pulled) m_on_pulled(entry);
    }
    m_mirror.set_revision(std::max(m_mirror.revision(), delta.revision));
    succeeded();
    if (delta.more) return;
    if (m_again) {
        m_again = false;
        m_phase = SyncPhase::pushing;
    } else {
        m_phase = SyncPhase::idle;
    }
}

void SyncClient::handle_push(const HttpReply& reply) {
    PushResponse response;
    try {
        const json body = json::parse(reply.body, nullptr, false);
        if (body.is_discarded()) throw DecodeError("", "not JSON");
        response = push_response_from_json(body);
    } catch (const DecodeError& error) {
        retry_later(malformed(std::string("push answer: ") + error.what()));
        return;
    }
    // Answers are matched by client change id: a change the answer leaves out stays in the
    // outbox and goes out again with the same id.
    const std::size_t before = m_outbox.size();
    for (const PushResult& result : response.results) acknowledge(result);
    if (m_outbox.size() == before) {
        retry_later(malformed("push answer: answers none of the changes sent"));
        return;
    }
    succeeded();
}

void SyncClient::acknowledge(const PushResult& result) {
    auto it = std::find_if(m_outbox.begin(), m_outbox.end(), [&](const PendingChange& pending) {
        return pending.sent && pending.change.client_change_id == result.client_change_id;
    });
    if (it == m_outbox.end()) return;
    Change change = std::move(it->change);
    const auto next = m_outbox.erase(it);
    switch (result.status) {
        case PushStatus::applied: {
            json record;  // null: removed
            if (change.op == Change::Op::put) {
                record = change.record;
                record["revision"] = result.revision;
            }
            m_mirror.install(change.kind, change.id, result.revision, std::move(record));
            // Later edits of the same record were made on top of this one.
            const std::int64_t base = change.op == Change::Op::put ? result.revision : 0;
            for (auto later = next; later != m_outbox.end(); ++later) {
                if (same_record(later->change, change) && !later->sent) later->change.base_revision = base;
            }
            break;
        }
        case PushStatus::conflict:
            m_mirror.install(change.kind, change.id, result.revision, result.current);
            m_conflicts.push_back({std::move(change), result.revision, result.current});
            break;
        case PushStatus::invalid: m_rejected.push_back({std::move(change), result.status, result.errors}); break;
        case PushStatus::forbidden:
            m_rejected.push_back({std::move(change), result.status, {{"", result.message}}});
            break;
    }
}

void SyncClient::reject_first_sendable(std::string rule) {
    const std::vector<std::size_t> batch = sendable_batch();
    if (batch.empty()) return;
    Change change = std::move(m_outbox[batch.front()].change);
    m_outbox.erase(m_outbox.begin() + static_cast<std::ptrdiff_t>(batch.front()));
    m_rejected.push_back({std::move(change), PushStatus::invalid, {{"record", std::move(rule)}}});
}

void SyncClient::succeeded() {
    m_in_flight = InFlight::none;
    m_failures = 0;
    m_retry_after_ms = 0;
    m_last_error.reset();
}

void SyncClient::retry_later(SyncError error, std::optional<std::int64_t> wait_ms) {
    m_in_flight = InFlight::none;
    m_failures = std::min(m_failures + 1, 30);
    if (wait_ms) {
        m_retry_after_ms = *wait_ms;
    } else {
        std::int64_t wait = m_options.first_retry_ms;
        for (int i = 1; i < m_failures && wait < m_options.max_retry_ms; ++i) wait *= 2;
        m_retry_after_ms = std::min(wait, m_options.max_retry_ms);
    }
    m_last_error = std::move(error);
}

void SyncClient::stop(SyncError error) {
    m_in_flight = InFlight::none;
    m_phase = SyncPhase::stopped;
    m_again = false;
    m_retry_after_ms = 0;
    m_last_error = std::move(error);
}

// ---------------------------------------------------------------------------------------------
// Views and settling

std::vector<Change> SyncClient::pending_changes() const {
    std::vector<Change> changes;
    changes.reserve(m_outbox.size());
    for (const PendingChange& pending : m_outbox) changes.push_back(pending.change);
    return changes;
}

Snapshot SyncClient::snapshot() const { return m_mirror.snapshot(pending_changes()); }

std::vector<Proposal> SyncClient::proposals() const { return m_mirror.proposals(pending_changes()); }

bool SyncClient::keep_mine(std::string_view client_change_id) {
    auto it = std::find_if(m_conflicts.begin(), m_conflicts.end(),
                           [&](const SyncConflict& c) { return c.mine.client_change_id == client_change_id; });
    if (it == m_conflicts.end()) return false;
    Change change = std::move(it->mine);
    const std::int64_t base = it->server_revision;
    const bool gone = it->theirs.is_null();
    m_conflicts.erase(it);
    if (change.op == Change::Op::remove && gone) return true;  // what I wanted has happened
    change.base_revision = gone ? 0 : base;
    // A new id: the old one was answered "conflict", and a change is one attempt.
    change.client_change_id = new_change_id();
    // Ahead of any later edit of the same record, which was made on top of this one and is
    // rebased on it once it is applied.
    auto later = std::find_if(m_outbox.begin(), m_outbox.end(),
                              [&](const PendingChange& pending) { return same_record(pending.change, change); });
    m_outbox.insert(later, {std::move(change), false});
    return true;
}

bool SyncClient::take_theirs(std::string_view client_change_id) {
    return std::erase_if(m_conflicts, [&](const SyncConflict& c) { return c.mine.client_change_id == client_change_id; }) > 0;
}

bool SyncClient::dismiss_rejected(std::string_view client_change_id) {
    return std::erase_if(m_rejected, [&](const RejectedChange& r) { return r.change.client_change_id == client_change_id; }) > 0;
}

}  // namespace prd
