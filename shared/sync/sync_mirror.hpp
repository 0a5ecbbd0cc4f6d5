#pragma once
// The client's copy of the server's records: each record's JSON exactly as the server sent it, at
// the server's revision. It is not a Registry because a mirror must install what the server says
// as-is (no base revisions, no validation, no revision of its own): the server already decided.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "registry/registry.hpp"

namespace prd {

struct MirrorRecord {
    std::int64_t revision = 0;
    nlohmann::json record;
};

class SyncMirror {
public:
    using Key = std::pair<RecordKind, std::string>;

    /// The server revision the mirror is complete up to.
    std::int64_t revision() const { return m_revision; }
    void set_revision(std::int64_t revision) { m_revision = revision; }

    /// Installs the server's state of one record at `revision`: `record` replaces what is held, a
    /// null `record` removes it. A state older than the one held is ignored, so a late answer
    /// cannot undo a newer one.
    void install(RecordKind kind, const std::string& id, std::int64_t revision, nlohmann::json record);
    void install(const DeltaEntry& entry);

    /// nullptr when the mirror does not hold the record.
    const MirrorRecord* find(RecordKind kind, std::string_view id) const;
    /// The record's revision, 0 when the mirror does not hold it (the base of a change creating it).
    std::int64_t record_revision(RecordKind kind, std::string_view id) const;
    const std::map<Key, MirrorRecord>& records() const { return m_records; }

    /// The public records decoded, with `pending` local changes applied on top in order (puts
    /// replace, removes drop), so a user sees their unsent edits. Records that do not decode are
    /// left out (the mirror only ever installs records the delta codec has decoded).
    Snapshot snapshot(const std::vector<Change>& pending) const;
    /// The proposals the server let this client see, with `pending` applied on top.
    std::vector<Proposal> proposals(const std::vector<Change>& pending) const;

    /// [{"kind","id","revision","record"}], sorted by kind and id.
    nlohmann::json records_to_json() const;
    /// Throws DecodeError naming the field ("records[3].record.id: ...") when an entry is
    /// malformed or its record does not decode as its kind.
    static std::map<Key, MirrorRecord> records_from_json(const nlohmann::json& json);
    void set_records(std::map<Key, MirrorRecord> records) { m_records = std::move(records); }

private:
    std::int64_t m_revision = 0;
    std::map<Key, MirrorRecord> m_records;

    std::map<Key, const nlohmann::json*> with_pending(const std::vector<Change>& pending) const;
};

/// Decodes `record` as a record of `kind` (throws DecodeError naming the field) and returns its id.
std::string decoded_record_id(RecordKind kind, const nlohmann::json& record);

}  // namespace prd
