// The registry's rules for change: optimistic concurrency on each record's revision, validation,
// references between records, and a log from which deltas are cut. Pure logic: storing the
// registry durably is the host's business (the server's Store, the browser's IndexedDB).

#include "registry/registry.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <type_traits>

#include "model/json_codec.hpp"
#include "model/json_read.hpp"

namespace prd {

using nlohmann::json;

namespace {

template <class Record>
using Records = std::map<std::string, Record, std::less<>>;

template <class Record>
const Record* find_in(const Records<Record>& records, std::string_view id) {
    auto it = records.find(id);
    return it == records.end() ? nullptr : &it->second;
}

ApplyResult invalid(ValidationErrors errors) {
    ApplyResult result;
    result.status = ApplyResult::Status::invalid;
    result.errors = std::move(errors);
    return result;
}

ApplyResult conflict(std::int64_t revision, json current) {
    ApplyResult result;
    result.status = ApplyResult::Status::conflict;
    result.revision = revision;
    result.current = std::move(current);
    return result;
}

// The checks a put makes before it may touch the registry, for every kind of record alike.
// On success `stored` holds the record as it will be stored (revision and times stamped).
template <class Record, class Decode, class References>
std::optional<ApplyResult> check_put(const Records<Record>& records, const Change& change, std::string_view now,
                                     std::int64_t new_revision, Decode decode, References references,
                                     Record& stored) {
    try {
        stored = decode(change.record);
    } catch (const DecodeError& error) {
        return invalid({{error.field(), error.rule()}});
    }
    if (stored.id != change.id) {
        return invalid({{"id", "must match the id of the change (\"" + change.id + "\")"}});
    }
    // Concurrency before validation: an author working from a stale copy must first see the
    // current record, and their edit may well be valid against it.
    const Record* existing = find_in(records, change.id);
    if (existing && change.base_revision != existing->revision) return conflict(existing->revision, to_json(*existing));
    if (!existing && change.base_revision != 0) return conflict(0, json());
    stored.revision = new_revision;
    stored.updated_at = std::string(now);
    if constexpr (std::is_same_v<Record, Proposal>) {
        if (stored.created_at.empty()) stored.created_at = existing ? existing->created_at : std::string(now);
    }
    ValidationErrors errors = validate(stored);
    ValidationErrors missing = references(stored);
    errors.insert(errors.end(), missing.begin(), missing.end());
    if (!errors.empty()) return invalid(std::move(errors));
    return std::nullopt;
}

ValidationErrors no_references(const auto&) { return {}; }

}  // namespace

const Municipality* Registry::find_municipality(std::string_view id) const { return find_in(m_municipalities, id); }
const Partnership* Registry::find_partnership(std::string_view id) const { return find_in(m_partnerships, id); }
const Proposal* Registry::find_proposal(std::string_view id) const { return find_in(m_proposals, id); }
const Announcement* Registry::find_announcement(std::string_view id) const { return find_in(m_announcements, id); }

std::vector<const Partnership*> Registry::partnerships_of(std::string_view municipality_id) const {
    // A linear scan: a few thousand partnerships take microseconds; an index would have to be
    // kept in step with every put and remove.
    std::vector<const Partnership*> found;
    for (const auto& [id, partnership] : m_partnerships) {
        for (const Party& party : partnership.parties) {
            if (party.municipality == municipality_id) {
                found.push_back(&partnership);
                break;
            }
        }
    }
    return found;
}

ValidationErrors Registry::missing_references(const Partnership& value) const {
    ValidationErrors errors;
    for (std::size_t i = 0; i < value.parties.size(); ++i) {
        const std::string& id = value.parties[i].municipality;
        if (!id.empty() && !find_municipality(id)) {
            errors.push_back({json_read::index_path("parties", i) + ".municipality", "no such municipality " + id});
        }
    }
    return errors;
}

ValidationErrors Registry::missing_references(const Proposal& value) const {
    ValidationErrors errors;
    if (!value.from.empty() && !find_municipality(value.from)) {
        errors.push_back({"from", "no such municipality " + value.from});
    }
    if (!value.to.empty() && !find_municipality(value.to)) {
        const Partnership* declaration = find_partnership(value.to);
        if (!declaration || declaration->kind != PartnershipKind::joint_declaration) {
            errors.push_back({"to", "no such municipality or joint declaration " + value.to});
        }
    }
    return errors;
}

std::int64_t Registry::latest_revision(RecordKind kind, std::string_view id) const {
    auto revision_in = [&](const auto& records) -> std::int64_t {
        auto it = records.find(id);
        return it == records.end() ? -1 : it->second.revision;
    };
    std::int64_t revision = -1;
    switch (kind) {
        case RecordKind::municipality: revision = revision_in(m_municipalities); break;
        case RecordKind::partnership: revision = revision_in(m_partnerships); break;
        case RecordKind::proposal: revision = revision_in(m_proposals); break;
        case RecordKind::announcement: revision = revision_in(m_announcements); break;
    }
    if (revision >= 0) return revision;
    auto removed = m_removed.find({kind, std::string(id)});
    return removed == m_removed.end() ? 0 : removed->second;
}

void Registry::log_change(RecordKind kind, const std::string& id) {
    m_log.push_back({m_revision, kind, id});
    // Each record needs only its latest entry; compact once stale entries outnumber live ones.
    const std::size_t live = m_municipalities.size() + m_partnerships.size() + m_proposals.size() +
                             m_announcements.size() + m_removed.size();
    if (m_log.size() <= 2 * live + 64) return;
    std::erase_if(m_log, [&](const LogEntry& entry) { return latest_revision(entry.kind, entry.id) != entry.revision; });
}

void Registry::install(const DeltaEntry& entry) {
    if (latest_revision(entry.kind, entry.id) >= entry.revision && entry.revision > 0) return;
    const auto install_into = [&](auto& records, auto decode) {
        if (entry.removed || entry.record.is_null()) {
            records.erase(entry.id);
            m_removed[{entry.kind, entry.id}] = entry.revision;
            return;
        }
        auto record = decode(entry.record);
        if (record.id != entry.id) throw DecodeError("id", "must be \"" + entry.id + "\", the id the entry names");
        record.revision = entry.revision;
        records.insert_or_assign(entry.id, std::move(record));
        m_removed.erase({entry.kind, entry.id});
    };
    switch (entry.kind) {
        case RecordKind::municipality: install_into(m_municipalities, municipality_from_json); break;
        case RecordKind::partnership: install_into(m_partnerships, partnership_from_json); break;
        case RecordKind::proposal: install_into(m_proposals, proposal_from_json); break;
        case RecordKind::announcement: install_into(m_announcements, announcement_from_json); break;
    }
    m_revision = std::max(m_revision, entry.revision);
    const auto at = std::upper_bound(m_log.begin(), m_log.end(), entry.revision,
                                     [](std::int64_t revision, const LogEntry& e) { return revision < e.revision; });
    m_log.insert(at, {entry.revision, entry.kind, entry.id});
}

ApplyResult Registry::apply_remove(const Change& change) {
    const std::int64_t current = latest_revision(change.kind, change.id);
    json current_json;  // stays null when the record does not exist
    switch (change.kind) {
        case RecordKind::municipality:
            if (const auto* record = find_municipality(change.id)) current_json = to_json(*record);
            break;
        case RecordKind::partnership:
            if (const auto* record = find_partnership(change.id)) current_json = to_json(*record);
            break;
        case RecordKind::proposal:
            if (const auto* record = find_proposal(change.id)) current_json = to_json(*record);
            break;
        case RecordKind::announcement:
            if (const auto* record = find_announcement(change.id)) current_json = to_json(*record);
            break;
    }
    if (current_json.is_null()) return conflict(0, json());
    if (change.base_revision != current) return conflict(current, std::move(current_json));
    if (change.kind == RecordKind::municipality) {
        const std::vector<const Partnership*> partnerships = partnerships_of(change.id);
        if (!partnerships.empty()) {
            return invalid({{"id", "still a party to partnership " + partnerships.front()->id +
                                       "; change or remove that partnership first"}});
        }
    }
    switch (change.kind) {
        case RecordKind::municipality: m_municipalities.erase(change.id); break;
        case RecordKind::partnership: m_partnerships.erase(change.id); break;
        case RecordKind::proposal: m_proposals.erase(change.id); break;
        case RecordKind::announcement: m_announcements.erase(change.id); break;
    }
    m_revision += 1;
    m_removed[{change.kind, change.id}] = m_revision;
    log_change(change.kind, change.id);
    ApplyResult result;
    result.revision = m_revision;
    return result;
}

ApplyResult Registry::apply(const Change& change, std::string_view now) {
    if (!change.client_change_id.empty()) {
        auto seen = m_applied_changes.find(change.client_change_id);
        if (seen != m_applied_changes.end() && seen->second.kind == change.kind && seen->second.id == change.id) {
            ApplyResult result;
            result.revision = seen->second.revision;
            return result;
        }
    }
    ApplyResult result;
    if (change.op == Change::Op::remove) {
        result = apply_remove(change);
    } else {
        const std::int64_t new_revision = m_revision + 1;
        // Stores the checked record, moves the revision on and logs the change.
        auto put = [&](auto& records, auto decode, auto references) {
            using Record = typename std::decay_t<decltype(records)>::mapped_type;
            Record stored;
            if (auto failed = check_put(records, change, now, new_revision, decode, references, stored)) {
                return *failed;
            }
            records.insert_or_assign(change.id, std::move(stored));
            m_removed.erase({change.kind, change.id});
            m_revision = new_revision;
            log_change(change.kind, change.id);
            ApplyResult applied;
            applied.revision = new_revision;
            return applied;
        };
        auto partnership_refs = [this](const Partnership& p) { return missing_references(p); };
        auto proposal_refs = [this](const Proposal& p) { return missing_references(p); };
        auto none = [](const auto& r) { return no_references(r); };
        switch (change.kind) {
            case RecordKind::municipality: result = put(m_municipalities, municipality_from_json, none); break;
            case RecordKind::partnership: result = put(m_partnerships, partnership_from_json, partnership_refs); break;
            case RecordKind::proposal: result = put(m_proposals, proposal_from_json, proposal_refs); break;
            case RecordKind::announcement: result = put(m_announcements, announcement_from_json, none); break;
        }
    }
    if (result.status == ApplyResult::Status::applied && !change.client_change_id.empty()) {
        m_applied_changes.insert_or_assign(change.client_change_id, AppliedChange{change.kind, change.id, result.revision});
    }
    return result;
}

Registry Registry::from_snapshot(Snapshot snapshot) {
    Registry registry;
    registry.m_revision = snapshot.revision;
    // Validates each record of one list and moves it in, or throws naming "<list>[i].<field>".
    auto load = [&](const char* list, auto& source, auto& target, auto references) {
        for (std::size_t i = 0; i < source.size(); ++i) {
            auto& record = source[i];
            const std::string path = json_read::index_path(list, i);
            ValidationErrors errors = validate(record);
            ValidationErrors missing = references(record);
            errors.insert(errors.end(), missing.begin(), missing.end());
            if (!errors.empty()) {
                throw json_read::with_prefix(DecodeError(errors.front().field, errors.front().rule), path);
            }
            registry.m_revision = std::max(registry.m_revision, record.revision);
            std::string id = record.id;
            if (!target.emplace(std::move(id), std::move(record)).second) throw DecodeError(path + ".id", "listed twice");
        }
        source.clear();
        source.shrink_to_fit();  // a registry of 100,000 should not stand in memory twice
    };
    auto none = [](const auto& r) { return no_references(r); };
    load("municipalities", snapshot.municipalities, registry.m_municipalities, none);
    load("partnerships", snapshot.partnerships, registry.m_partnerships,
         [&](const Partnership& p) { return registry.missing_references(p); });
    load("announcements", snapshot.announcements, registry.m_announcements, none);

    // Each loaded record counts as changed at its own revision, so a client can sync from 0.
    auto add_to_log = [&](RecordKind kind, const auto& records) {
        for (const auto& [id, record] : records) registry.m_log.push_back({record.revision, kind, id});
    };
    add_to_log(RecordKind::municipality, registry.m_municipalities);
    add_to_log(RecordKind::partnership, registry.m_partnerships);
    add_to_log(RecordKind::announcement, registry.m_announcements);
    std::stable_sort(registry.m_log.begin(), registry.m_log.end(),
                     [](const LogEntry& a, const LogEntry& b) { return a.revision < b.revision; });
    return registry;
}

Snapshot Registry::snapshot() const {
    Snapshot snapshot;
    snapshot.revision = m_revision;
    for (const auto& [id, record] : m_municipalities) snapshot.municipalities.push_back(record);
    for (const auto& [id, record] : m_partnerships) snapshot.partnerships.push_back(record);
    for (const auto& [id, record] : m_announcements) snapshot.announcements.push_back(record);
    return snapshot;
}

Registry Registry::from_records(const Snapshot& snapshot, const std::vector<Proposal>& proposals,
                                const std::vector<Removal>& removals) {
    Registry registry = from_snapshot(snapshot);
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        const auto& proposal = proposals[i];
        const std::string path = json_read::index_path("proposals", i);
        ValidationErrors errors = validate(proposal);
        if (errors.empty()) errors = registry.missing_references(proposal);
        if (!errors.empty()) throw json_read::with_prefix(DecodeError(errors.front().field, errors.front().rule), path);
        if (!registry.m_proposals.emplace(proposal.id, proposal).second) throw DecodeError(path + ".id", "listed twice");
        registry.m_revision = std::max(registry.m_revision, proposal.revision);
        registry.m_log.push_back({proposal.revision, RecordKind::proposal, proposal.id});
    }
    for (const auto& removal : removals) {
        if (registry.latest_revision(removal.kind, removal.id) >= removal.revision) continue;
        registry.m_removed[{removal.kind, removal.id}] = removal.revision;
        registry.m_revision = std::max(registry.m_revision, removal.revision);
        registry.m_log.push_back({removal.revision, removal.kind, removal.id});
    }
    std::stable_sort(registry.m_log.begin(), registry.m_log.end(),
                     [](const LogEntry& a, const LogEntry& b) { return a.revision < b.revision; });
    return registry;
}

Delta Registry::changes_since(std::int64_t since, std::size_t limit, bool include_proposals) const {
    Delta delta;
    delta.since = since;
    delta.revision = m_revision;
    auto current_json = [&](const LogEntry& entry) -> json {
        switch (entry.kind) {
            case RecordKind::municipality: return to_json(*find_municipality(entry.id));
            case RecordKind::partnership: return to_json(*find_partnership(entry.id));
            case RecordKind::proposal: return to_json(*find_proposal(entry.id));
            case RecordKind::announcement: return to_json(*find_announcement(entry.id));
        }
        return json();
    };
    auto first = std::upper_bound(m_log.begin(), m_log.end(), since,
                                  [](std::int64_t revision, const LogEntry& entry) { return revision < entry.revision; });
    bool more = false;
    std::size_t group_start = 0;  // where the entries of the newest revision begin
    for (auto it = first; it != m_log.end(); ++it) {
        const LogEntry& entry = *it;
        if (entry.kind == RecordKind::proposal && !include_proposals) continue;
        if (latest_revision(entry.kind, entry.id) != entry.revision) continue;  // a later entry carries it
        // Cut only between revisions: records loaded from a snapshot may share one, and a client
        // resuming from the last revision it got would skip the rest of them. A group of records
        // that does not fit moves to the next page, unless it alone is larger than a page.
        const bool new_group = delta.entries.empty() || entry.revision != delta.entries.back().revision;
        if (new_group) {
            if (delta.entries.size() >= limit && !delta.entries.empty()) {
                more = true;
                break;
            }
            group_start = delta.entries.size();
        } else if (delta.entries.size() >= limit && group_start > 0) {
            delta.entries.resize(group_start);
            more = true;
            break;
        }
        DeltaEntry out;
        out.kind = entry.kind;
        out.id = entry.id;
        out.revision = entry.revision;
        out.removed = m_removed.count({entry.kind, entry.id}) > 0;
        if (!out.removed) out.record = current_json(entry);
        delta.entries.push_back(std::move(out));
    }
    if (more) {
        delta.more = true;
        delta.revision = delta.entries.back().revision;
    }
    return delta;
}

}  // namespace prd
