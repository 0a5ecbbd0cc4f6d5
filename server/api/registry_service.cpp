#include "api/registry_service.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <stdexcept>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "api/gzip.hpp"
#include "model/json_codec.hpp"
#include "registry/record_json.hpp"

namespace prd::server {
namespace {

/// Where earlier servers kept a community's dismissal list: inside its public record.
constexpr const char* kDismissedField = "dismissed_suggestions";

template <typename Record>
StoredRecord stored(RecordKind kind, const Record& record) {
    return {kind, record.id, record.revision, false, to_json(record).dump()};
}

std::vector<StoredRecord> all_records(const Registry& registry) {
    std::vector<StoredRecord> records;
    for (const auto& [id, m] : registry.municipalities()) records.push_back(stored(RecordKind::municipality, m));
    for (const auto& [id, p] : registry.partnerships()) records.push_back(stored(RecordKind::partnership, p));
    for (const auto& [id, a] : registry.announcements()) records.push_back(stored(RecordKind::announcement, a));
    for (const auto& [id, p] : registry.proposals()) records.push_back(stored(RecordKind::proposal, p));
    return records;
}


nlohmann::json errors_json(const ValidationErrors& errors) {
    auto list = nlohmann::json::array();
    for (const auto& e : errors) list.push_back({{"field", e.field}, {"rule", e.rule}, {"message", e.message()}});
    return list;
}

/// A public record may not carry a dismissal list: it would tell every reader whom the
/// community turned down.
std::optional<ValidationError> private_field(const Change& change) {
    if (change.kind != RecordKind::municipality || change.op != Change::Op::put || !change.record.is_object() ||
        !change.record.contains(kDismissedField))
        return std::nullopt;
    return ValidationError{kDismissedField, "kept privately; use /api/v1/municipalities/" + change.id + "/dismissed"};
}

StoredDismissals stored(const DismissedSuggestions& list) {
    return {list.municipality, list.entries.empty() ? std::string() : to_json(list).dump()};
}

/// The entries of a list an earlier server kept in a public record. An entry that cannot be read
/// is left out and logged whole, so one bad entry neither keeps the rest public nor is lost unseen.
DismissedSuggestions readable_entries(const std::string& municipality, const nlohmann::json& value) {
    DismissedSuggestions list;
    list.municipality = municipality;
    const auto* entries = value.is_object() && value.contains("entries") ? &value["entries"] : nullptr;
    if (!entries || !entries->is_array()) {
        std::fprintf(stderr, "migrate: %s: left out an unreadable %s: %s\n", municipality.c_str(), kDismissedField,
                     value.dump().c_str());
        return list;
    }
    for (const auto& entry : *entries) {
        try {
            const auto one = dismissed_suggestions_from_json({{"entries", nlohmann::json::array({entry})}});
            if (!list.contains(one.entries.front().id)) list.entries.push_back(one.entries.front());
        } catch (const DecodeError& e) {
            std::fprintf(stderr, "migrate: %s: left out an unreadable %s entry (%s): %s\n", municipality.c_str(),
                         kDismissedField, e.what(), entry.dump().c_str());
        }
    }
    return list;
}

/// A write to the store from begin_write() to commit(): ended (rolled back) when left any other way.
class StoreWrite {
public:
    explicit StoreWrite(Store& store) : m_store(store) {}
    ~StoreWrite() {
        if (!m_open) return;
        try {
            m_store.end_write();
        } catch (...) {  // the store was already out of reach; nothing was written
        }
    }
    StoreWrite(const StoreWrite&) = delete;
    StoreWrite& operator=(const StoreWrite&) = delete;
    /// commit() ends the write whether it succeeds or throws.
    void committing() { m_open = false; }

private:
    Store& m_store;
    bool m_open = true;
};

}  // namespace

void release_free_memory() {
#ifdef __GLIBC__
    // glibc keeps freed memory for reuse; after loading or encoding a large registry that is
    // hundreds of megabytes the process would hold for nothing.
    malloc_trim(0);
#endif
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

RegistryService::RegistryService(std::unique_ptr<Store> store, const Snapshot& seed)
    : RegistryService(std::move(store), [&seed] { return seed; }) {}

RegistryService::RegistryService(std::unique_ptr<Store> store, const std::function<Snapshot()>& seed)
    : m_store(std::move(store)) {
    {
        // Two servers starting on one empty shared store: only the first seeds it.
        StoreWrite write(*m_store);
        if (m_store->begin_write() == 0) {
            m_registry = Registry::from_snapshot(seed());
            write.committing();
            m_store->commit(m_registry.revision(), all_records(m_registry));
            m_seeded = true;
        }
    }
    if (!m_seeded) rewrite_outdated(reload_from_store(true));
    m_dismissals_moved = move_dismissals_to_private(utc_now());
    release_free_memory();
}

std::size_t RegistryService::move_dismissals_to_private(const std::string& now) {
    const auto public_lists = [this] {
        std::vector<std::string> ids;
        for (const auto& [id, m] : m_registry.municipalities())
            if (m.extra.contains(kDismissedField)) ids.push_back(id);
        return ids;
    };
    if (public_lists().empty()) return 0;  // the usual start: no write to open
    StoreWrite write(*m_store);
    catch_up(m_store->begin_write());  // another server may have moved them meanwhile
    const auto ids = public_lists();
    if (ids.empty()) return 0;
    std::vector<StoredRecord> records;
    std::vector<StoredDismissals> lists;
    for (const auto& id : ids) {
        auto record = record_json(m_registry, RecordKind::municipality, id);
        // A list already kept privately wins over the public copy for the ids both name.
        auto list = load_dismissals(id);
        for (auto& entry : readable_entries(id, record[kDismissedField]).entries)
            if (!list.contains(entry.id)) list.entries.push_back(std::move(entry));
        record.erase(kDismissedField);
        // An ordinary change, so the record's revision rises and every syncing client is sent the
        // cleaned record in its next pull.
        const auto base = record.value("revision", std::int64_t{0});
        const Change change{RecordKind::municipality, Change::Op::put, id, base, record, {}};
        const auto applied = m_registry.apply(change, now);
        if (applied.status != ApplyResult::Status::applied)
            throw std::runtime_error("cannot move " + std::string(kDismissedField) + " out of municipality " + id +
                                     ": the record no longer passes validation");
        records.push_back({RecordKind::municipality, id, applied.revision, false,
                           record_json(m_registry, RecordKind::municipality, id).dump()});
        lists.push_back(stored(list));
    }
    // One transaction: a crash leaves either every list public as before (and this runs again) or
    // every list private and every record clean.
    write.committing();
    try {
        m_store->commit(m_registry.revision(), records, {}, lists);
    } catch (...) {
        reload_from_store();
        throw;
    }
    return records.size();
}

DismissedSuggestions RegistryService::load_dismissals(const std::string& municipality) const {
    DismissedSuggestions list;
    if (const auto json = m_store->find_dismissals(municipality))
        list = dismissed_suggestions_from_json(nlohmann::json::parse(*json));
    list.municipality = municipality;
    return list;
}

DismissedSuggestions RegistryService::dismissals(const std::string& municipality) const {
    std::shared_lock lock(m_mutex);
    return load_dismissals(municipality);
}

DismissalResult RegistryService::dismiss(const std::string& municipality, const std::string& other,
                                         DismissedSuggestions::Reason reason, const std::string& now) {
    std::unique_lock lock(m_mutex);
    StoreWrite write(*m_store);
    catch_up(m_store->begin_write());
    DismissalResult result;
    if (!m_registry.find_municipality(municipality)) result.status = DismissalResult::Status::no_municipality;
    else if (!m_registry.find_municipality(other)) result.status = DismissalResult::Status::no_other;
    else if (other == municipality) result.status = DismissalResult::Status::itself;
    if (result.status != DismissalResult::Status::done) return result;
    result.list = load_dismissals(municipality);
    result.list.dismiss(other, reason, now);
    write.committing();
    m_store->commit(m_registry.revision(), {}, {}, {stored(result.list)});
    return result;
}

DismissalResult RegistryService::restore(const std::string& municipality, const std::string& other) {
    std::unique_lock lock(m_mutex);
    StoreWrite write(*m_store);
    catch_up(m_store->begin_write());
    DismissalResult result;
    if (!m_registry.find_municipality(municipality)) {
        result.status = DismissalResult::Status::no_municipality;
        return result;
    }
    result.list = load_dismissals(municipality);
    if (!result.list.restore(other)) {
        result.status = DismissalResult::Status::not_dismissed;
        return result;
    }
    write.committing();
    m_store->commit(m_registry.revision(), {}, {}, {stored(result.list)});
    return result;
}

std::vector<StoredRecord> RegistryService::reload_from_store(bool check_bodies) {
    Snapshot snapshot;
    snapshot.revision = m_store->revision();
    std::vector<Proposal> proposals;
    std::vector<Registry::Removal> removals;
    std::vector<StoredRecord> outdated;
    // Snapshots are made of the stored text, so it must be what this build writes for the record.
    const auto check = [&](StoredRecord& record, const auto& decoded) {
        if (!check_bodies) return;
        auto current = to_json(decoded).dump();
        if (current == record.json) return;
        record.json = std::move(current);
        outdated.push_back(std::move(record));
    };
    for (auto& record : m_store->load_all()) {
        if (record.removed) {
            removals.push_back({record.kind, record.id, record.revision});
            continue;
        }
        const auto json = nlohmann::json::parse(record.json);
        switch (record.kind) {
            case RecordKind::municipality:
                check(record, snapshot.municipalities.emplace_back(municipality_from_json(json)));
                break;
            case RecordKind::partnership:
                check(record, snapshot.partnerships.emplace_back(partnership_from_json(json)));
                break;
            case RecordKind::announcement:
                check(record, snapshot.announcements.emplace_back(announcement_from_json(json)));
                break;
            case RecordKind::proposal: proposals.push_back(proposal_from_json(json)); break;
        }
    }
    m_registry = Registry::from_records(snapshot, proposals, removals);
    return outdated;
}

void RegistryService::rewrite_outdated(const std::vector<StoredRecord>& outdated) {
    if (outdated.empty()) return;
    // The same records at the same revisions, in the text this build writes (an earlier build wrote
    // them otherwise): no client needs them again, so no revision is spent.
    StoreWrite write(*m_store);
    const auto stored = m_store->begin_write();
    write.committing();
    m_store->commit(stored, outdated);
    std::fprintf(stderr, "start: rewrote %zu stored records in this build's JSON form\n", outdated.size());
}

std::int64_t RegistryService::revision() const {
    std::shared_lock lock(m_mutex);
    return m_registry.revision();
}

std::shared_ptr<const EncodedSnapshot> RegistryService::snapshot() const {
    const auto wanted = revision();
    {
        std::unique_lock lock(m_snapshot_mutex);
        for (;;) {
            if (m_snapshot && m_snapshot->revision >= wanted) return m_snapshot;
            if (!m_snapshot_building) break;
            if (m_snapshot) return m_snapshot;  // someone is encoding the new revision: the previous one now
            m_snapshot_built.wait(lock);
        }
        m_snapshot_building = true;
    }
    std::shared_ptr<EncodedSnapshot> encoded;
    try {
        encoded = std::make_shared<EncodedSnapshot>();
        // The records' JSON as stored, read in one consistent transaction while writers go on: no
        // copy of the registry, and no record encoded again. Compressed as it is read, so the JSON
        // text (77 MB at 100,000 municipalities) never exists whole.
        GzipWriter gzip(9);
        std::string pending;
        const auto write = [&](std::string_view piece) {
            pending += piece;
            if (pending.size() >= (1u << 16)) {
                gzip.write(pending);
                pending.clear();
            }
        };
        bool first = true;
        encode_snapshot(
            [&](const std::function<void(RecordKind, std::string_view)>& sink) {
                return encoded->revision = m_store->read_public([&](RecordKind kind, std::string_view text) {
                    if (first && m_before_encoding) m_before_encoding();  // with the read under way
                    first = false;
                    sink(kind, text);
                });
            },
            write);
        gzip.write(pending);
        encoded->json_size = gzip.bytes_in();
        encoded->gzip = gzip.finish();
    } catch (...) {
        std::lock_guard lock(m_snapshot_mutex);
        m_snapshot_building = false;
        m_snapshot_built.notify_all();
        throw;
    }
    release_free_memory();  // the encoder's buffers
    std::lock_guard lock(m_snapshot_mutex);
    if (!m_snapshot || m_snapshot->revision < encoded->revision) m_snapshot = encoded;
    m_snapshot_building = false;
    m_snapshot_built.notify_all();
    return encoded;
}

std::string EncodedSnapshot::json() const { return gzip_decompress(gzip); }

void RegistryService::before_encoding_snapshots(std::function<void()> hook) { m_before_encoding = std::move(hook); }

RegistryService::Counts RegistryService::counts() const {
    std::shared_lock lock(m_mutex);
    return {m_registry.municipalities().size(), m_registry.partnerships().size(), m_registry.announcements().size(),
            m_registry.proposals().size()};
}

Delta RegistryService::changes_since(std::int64_t since, std::size_t limit, const Principal& principal) const {
    std::shared_lock lock(m_mutex);
    const bool any_proposals = principal.role != Role::anonymous;
    Delta delta = m_registry.changes_since(since, limit, any_proposals);
    if (!any_proposals) return delta;
    // Moderators too: a draft is its sender's alone.
    std::erase_if(delta.entries, [&](const DeltaEntry& entry) {
        if (entry.kind != RecordKind::proposal) return false;
        const auto* proposal = m_registry.find_proposal(entry.id);
        return !proposal || !can_see(principal, *proposal, m_registry);
    });
    return delta;
}

std::vector<PushResult> RegistryService::push(const Principal& principal, const std::vector<Change>& changes,
                                              const std::string& now) {
    std::vector<PushResult> results;
    std::unique_lock lock(m_mutex);
    for (const auto& change : changes) {
        PushResult result{change.client_change_id, nlohmann::json::object()};
        const std::string key = (principal.token_id.empty() ? "-" : principal.token_id) + "/" + change.client_change_id;
        // Each change is decided on what the store holds now, another server's writes included.
        StoreWrite write(*m_store);
        catch_up(m_store->begin_write());
        if (!change.client_change_id.empty()) {
            if (auto remembered = m_store->find_client_change(key)) {
                result.json = nlohmann::json::parse(*remembered);
                results.push_back(std::move(result));
                continue;
            }
        }
        result.json["client_change_id"] = change.client_change_id;
        const auto current = record_json(m_registry, change.kind, change.id);
        if (auto refused = server_written_field(change, current)) {
            result.json["status"] = "invalid";
            result.json["errors"] = errors_json({*refused});
            results.push_back(std::move(result));
            continue;
        }
        if (auto refusal = write_refusal(principal, change, current, m_registry)) {
            result.json["status"] = "forbidden";
            result.json["message"] = *refusal;
            results.push_back(std::move(result));
            continue;
        }
        if (auto refused = private_field(change)) {
            result.json["status"] = "invalid";
            result.json["errors"] = errors_json({*refused});
            results.push_back(std::move(result));
            continue;
        }
        // Retries are recognised here, per principal, from the store; the core's own memory of
        // change ids is global and would let one caller's id answer for another's.
        Change anonymous_change = change;
        anonymous_change.client_change_id.clear();
        if (change.base_revision == kAnyRevision)  // a missing record stays a conflict (base 1 of nothing)
            anonymous_change.base_revision = current.is_null() ? 1 : current.value("revision", std::int64_t{0});
        const auto applied = m_registry.apply(anonymous_change, now);
        switch (applied.status) {
            case ApplyResult::Status::applied: {
                result.json["status"] = "applied";
                result.json["revision"] = applied.revision;
                StoredRecord record{change.kind, change.id, applied.revision, change.op == Change::Op::remove, {}};
                if (!record.removed) record.json = record_json(m_registry, change.kind, change.id).dump();
                write.committing();
                try {
                    m_store->commit(m_registry.revision(), {record}, {{key, result.json.dump()}}, {},
                                    m_local_write_hook ? m_local_write_hook({change}) : FollowerWrite{});
                } catch (...) {
                    // Memory ran ahead of the disk: put memory back to what the store holds.
                    reload_from_store();
                    throw;
                }
                break;
            }
            case ApplyResult::Status::conflict:
                result.json["status"] = "conflict";
                result.json["revision"] = applied.revision;
                result.json["current"] = change.kind == RecordKind::proposal && !applied.current.is_null() &&
                                                 !can_see(principal, proposal_from_json(applied.current), m_registry)
                                             ? nlohmann::json(nullptr)
                                             : applied.current;
                break;
            case ApplyResult::Status::invalid:
                result.json["status"] = "invalid";
                result.json["errors"] = errors_json(applied.errors);
                break;
        }
        results.push_back(std::move(result));
    }
    return results;
}

std::optional<ApplyResult> RegistryService::apply_together(
    const std::function<std::vector<Change>(const Registry&)>& plan, const std::string& now) {
    std::unique_lock lock(m_mutex);
    StoreWrite write(*m_store);
    catch_up(m_store->begin_write());
    const std::vector<Change> changes = plan(m_registry);
    if (changes.empty()) return std::nullopt;
    std::vector<StoredRecord> records;
    ApplyResult last;
    for (Change change : changes) {
        change.client_change_id.clear();
        last = m_registry.apply(change, now);
        if (last.status != ApplyResult::Status::applied) {
            if (!records.empty()) reload_from_store();  // undo the ones applied in memory
            return last;
        }
        StoredRecord record{change.kind, change.id, last.revision, change.op == Change::Op::remove, {}};
        if (!record.removed) record.json = record_json(m_registry, change.kind, change.id).dump();
        records.push_back(std::move(record));
    }
    write.committing();
    try {
        m_store->commit(m_registry.revision(), records, {}, {},
                        m_local_write_hook ? m_local_write_hook(changes) : FollowerWrite{});
    } catch (...) {
        reload_from_store();
        throw;
    }
    return last;
}

std::vector<std::pair<Change, ApplyResult>> RegistryService::apply_from_upstream(
    const std::function<UpstreamBatch(const Registry&)>& plan) {
    std::unique_lock lock(m_mutex);
    StoreWrite write(*m_store);
    catch_up(m_store->begin_write());
    UpstreamBatch batch = plan(m_registry);
    std::vector<std::pair<Change, ApplyResult>> skipped;
    std::vector<StoredRecord> records;
    for (auto& [change, updated_at] : batch.changes) {
        const auto current = record_json(m_registry, change.kind, change.id);
        if (change.op == Change::Op::remove && current.is_null()) continue;
        change.base_revision = current.is_null() ? 0 : current.value("revision", std::int64_t{0});
        change.client_change_id.clear();
        const auto applied = m_registry.apply(change, updated_at);
        if (applied.status != ApplyResult::Status::applied) {
            skipped.emplace_back(change, applied);
            continue;
        }
        StoredRecord record{change.kind, change.id, applied.revision, change.op == Change::Op::remove, {}};
        if (!record.removed) record.json = record_json(m_registry, change.kind, change.id).dump();
        records.push_back(std::move(record));
    }
    if (records.empty() && batch.write.empty()) return skipped;
    write.committing();
    try {
        m_store->commit(m_registry.revision(), records, {}, {}, batch.write);
    } catch (...) {
        reload_from_store();
        throw;
    }
    return skipped;
}

void RegistryService::exclusive(const std::function<void(Store&)>& work) {
    std::unique_lock lock(m_mutex);
    work(*m_store);
}

void RegistryService::catch_up(std::int64_t stored) {
    if (stored <= m_registry.revision()) return;
    install(m_store->load_since(m_registry.revision()));
    // A store whose revision is ahead of every record (never written so by this server) is read whole.
    if (m_registry.revision() < stored) reload_from_store();
}

void RegistryService::install(const std::vector<StoredRecord>& records) {
    for (const auto& record : records) {
        DeltaEntry entry{record.kind, record.id, record.revision, record.removed, nullptr};
        if (!record.removed) entry.record = nlohmann::json::parse(record.json);
        m_registry.install(entry);
    }
}

bool RegistryService::refresh() {
    const auto known = revision();
    // Read outside the registry's lock, so readers go on while the database answers; what another
    // server committed meanwhile comes with the next refresh.
    auto records = m_store->load_since(known);
    if (records.empty()) return false;
    std::unique_lock lock(m_mutex);
    install(records);
    return true;
}

void RegistryService::follow_store(std::chrono::milliseconds wait) {
    if (m_follower.joinable() || !m_store->shared()) return;
    m_following = true;
    m_follower = std::thread([this, wait] {
        while (m_following) {
            try {
                if (m_store->wait_for_change(revision(), wait)) refresh();
            } catch (const std::exception& e) {
                // The database is out of reach: requests answer 503 meanwhile; try again shortly.
                std::fprintf(stderr, "store: cannot follow other servers' writes: %s\n", e.what());
                for (int i = 0; i < 10 && m_following; ++i) std::this_thread::sleep_for(wait / 10);
            }
        }
    });
}

void RegistryService::stop_following() {
    m_following = false;
    if (m_follower.joinable()) m_follower.join();
}

RegistryService::~RegistryService() { stop_following(); }

nlohmann::json RegistryService::record(RecordKind kind, const std::string& id, const Principal& principal) const {
    std::shared_lock lock(m_mutex);
    if (kind == RecordKind::proposal) {
        const auto* proposal = m_registry.find_proposal(id);
        if (!proposal || !can_see(principal, *proposal, m_registry)) return nullptr;
    }
    return record_json(m_registry, kind, id);
}

nlohmann::json RegistryService::partnerships_of(const std::string& municipality) const {
    std::shared_lock lock(m_mutex);
    auto list = nlohmann::json::array();
    for (const auto* p : m_registry.partnerships_of(municipality)) list.push_back(to_json(*p));
    return list;
}

nlohmann::json RegistryService::proposals_for(const Principal& principal) const {
    std::shared_lock lock(m_mutex);
    std::vector<const Proposal*> visible;
    for (const auto& [id, proposal] : m_registry.proposals())
        if (can_see(principal, proposal, m_registry)) visible.push_back(&proposal);
    std::sort(visible.begin(), visible.end(), [](const Proposal* a, const Proposal* b) {
        return a->updated_at != b->updated_at ? a->updated_at > b->updated_at : a->id < b->id;
    });
    auto list = nlohmann::json::array();
    for (const auto* p : visible) list.push_back(to_json(*p));
    return list;
}

}  // namespace prd::server
