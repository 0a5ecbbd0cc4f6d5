#pragma once
// The registry: every record, a global revision that rises with each change, and each record's
// revision. Changes carry the revision they were based on; applying one yields either the new
// revision or a conflict with the current record. The same code runs in the server and the browser.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/types.hpp"
#include "validation/validate.hpp"

namespace prd {

/// One write. base_revision is the revision of the record the author saw (0: the record is new).
struct Change {
    enum class Op { put, remove };
    RecordKind kind = RecordKind::municipality;
    Op op = Op::put;
    std::string id;
    std::int64_t base_revision = 0;
    nlohmann::json record;          ///< the whole new record for put; ignored for remove
    std::string client_change_id;   ///< chosen by the client so a retried batch is recognised
};

struct ApplyResult {
    enum class Status { applied, conflict, invalid };
    Status status = Status::applied;
    std::int64_t revision = 0;   ///< applied: the record's new revision; conflict: its current one
    nlohmann::json current;      ///< conflict: the current record (null when it was removed)
    ValidationErrors errors;     ///< invalid: why
};

/// A record that changed after some revision: its current JSON, or a tombstone when removed.
struct DeltaEntry {
    RecordKind kind = RecordKind::municipality;
    std::string id;
    std::int64_t revision = 0;
    bool removed = false;
    nlohmann::json record;  ///< null when removed
};

/// The changes after `since`, oldest first. `more` is true when `limit` cut the list short;
/// `revision` is the revision the receiver is at after applying these entries.
struct Delta {
    std::int64_t since = 0;
    std::int64_t revision = 0;
    bool more = false;
    std::vector<DeltaEntry> entries;
};

/// Every public record at one revision (proposals are private and never part of a snapshot).
struct Snapshot {
    std::int64_t revision = 0;
    std::vector<Municipality> municipalities;
    std::vector<Partnership> partnerships;
    std::vector<Announcement> announcements;
};

nlohmann::json to_json(const Snapshot& snapshot);
/// The same text as to_json(snapshot).dump(), written record by record, so the whole registry never
/// exists as one JSON tree (at 100,000 municipalities such a tree holds hundreds of megabytes).
std::string encode_snapshot(const Snapshot& snapshot);
/// The same text handed to `sink` in pieces of a record or so, for a host that compresses as it goes.
void encode_snapshot(const Snapshot& snapshot, const std::function<void(std::string_view)>& sink);
/// Records already encoded, each exactly as to_json(record).dump() writes it: the function hands
/// them to its callback announcements first, then municipalities, then partnerships, each kind
/// ordered by id, and returns the revision they are at.
using EncodedRecords = std::function<std::int64_t(const std::function<void(RecordKind, std::string_view)>&)>;
/// The same text as encode_snapshot() from records already encoded (a server reading them from its
/// store, so the registry is never copied). Throws std::invalid_argument when a kind comes out of
/// order or a proposal comes at all.
void encode_snapshot(const EncodedRecords& records, const std::function<void(std::string_view)>& sink);
/// Throws DecodeError naming the field (e.g. "municipalities[3].id: ...") when the snapshot is malformed.
Snapshot snapshot_from_json(const nlohmann::json& json);
nlohmann::json to_json(const Delta& delta);
Delta delta_from_json(const nlohmann::json& json);

class Registry {
public:
    Registry() = default;

    /// Loads a snapshot as it is (records keep their revisions). Throws DecodeError when a record
    /// is invalid or refers to a municipality the snapshot lacks.
    static Registry from_snapshot(Snapshot snapshot);

    /// A record that was removed, remembered so deltas can carry its tombstone.
    struct Removal {
        RecordKind kind = RecordKind::municipality;
        std::string id;
        std::int64_t revision = 0;
    };
    /// Everything a store holds, exactly as held (revisions included): the public snapshot, the
    /// private proposals and the removals. Throws DecodeError like from_snapshot, naming
    /// "proposals[i].<field>" for a bad proposal.
    static Registry from_records(const Snapshot& snapshot, const std::vector<Proposal>& proposals,
                                 const std::vector<Removal>& removals);

    /// Validates and applies one change; `now` (UTC ISO-8601) becomes the record's updated_at.
    /// A put whose record id differs from change.id, or a change to a missing record with a
    /// base_revision other than 0, is a conflict or invalid as documented per case in registry.cpp.
    /// In short: a record that cannot be decoded, breaks a rule, names a missing municipality, or
    /// (remove) a municipality still party to a partnership is `invalid`; a base_revision other
    /// than the record's revision (0 for a missing record) is a `conflict`. A change whose non-empty
    /// client_change_id was already applied to the same record is not applied again: the result
    /// repeats the revision it got then, so a client can retry a batch after a lost response.
    ApplyResult apply(const Change& change, std::string_view now);

    /// Installs a record's state as the server sent it (its revision included; a removal drops
    /// it), as a client does with the answer to its own write or with a delta. The server already
    /// validated it, so only decoding is checked: throws DecodeError naming the field. A state
    /// older than the one held is ignored. The registry's revision becomes at least the entry's.
    void install(const DeltaEntry& entry);

    std::int64_t revision() const { return m_revision; }

    const Municipality* find_municipality(std::string_view id) const;
    const Partnership* find_partnership(std::string_view id) const;
    const Proposal* find_proposal(std::string_view id) const;
    const Announcement* find_announcement(std::string_view id) const;

    const std::map<std::string, Municipality, std::less<>>& municipalities() const { return m_municipalities; }
    const std::map<std::string, Partnership, std::less<>>& partnerships() const { return m_partnerships; }
    const std::map<std::string, Proposal, std::less<>>& proposals() const { return m_proposals; }
    const std::map<std::string, Announcement, std::less<>>& announcements() const { return m_announcements; }

    /// Partnerships that name this municipality as a party.
    std::vector<const Partnership*> partnerships_of(std::string_view municipality_id) const;

    Snapshot snapshot() const;
    /// Changes after `since`, at most `limit` entries. Proposals are included only when
    /// `include_proposals` is set (the caller filters them by who may see them).
    Delta changes_since(std::int64_t since, std::size_t limit, bool include_proposals = false) const;

private:
    std::int64_t m_revision = 0;
    std::map<std::string, Municipality, std::less<>> m_municipalities;
    std::map<std::string, Partnership, std::less<>> m_partnerships;
    std::map<std::string, Proposal, std::less<>> m_proposals;
    std::map<std::string, Announcement, std::less<>> m_announcements;
    struct LogEntry {
        std::int64_t revision;
        RecordKind kind;
        std::string id;
    };
    /// Changes by rising revision; an entry a later change to the same record made stale may linger
    /// until the log is compacted, and changes_since skips it.
    std::vector<LogEntry> m_log;
    /// Removed records: the revision of their removal, so a delta can carry the tombstone.
    std::map<std::pair<RecordKind, std::string>, std::int64_t> m_removed;
    struct AppliedChange {
        RecordKind kind;
        std::string id;
        std::int64_t revision;
    };
    /// client_change_id -> what it did, so a retried change is recognised.
    std::map<std::string, AppliedChange, std::less<>> m_applied_changes;

    /// The revision of the record's latest state (a tombstone counts), or 0 when never seen.
    std::int64_t latest_revision(RecordKind kind, std::string_view id) const;
    /// Notes a change at m_revision; drops log entries that later changes made stale.
    void log_change(RecordKind kind, const std::string& id);
    ApplyResult apply_remove(const Change& change);
    ValidationErrors missing_references(const Partnership& value) const;
    ValidationErrors missing_references(const Proposal& value) const;
};

}  // namespace prd
