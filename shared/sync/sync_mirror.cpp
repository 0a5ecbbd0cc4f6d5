// The client's mirror of the server's records and the views the UI reads from it.

#include "sync/sync_mirror.hpp"

#include "model/json_codec.hpp"
#include "model/json_read.hpp"

namespace prd {

using nlohmann::json;
using namespace json_read;

std::string decoded_record_id(RecordKind kind, const json& record) {
    switch (kind) {
        case RecordKind::municipality: return municipality_from_json(record).id;
        case RecordKind::partnership: return partnership_from_json(record).id;
        case RecordKind::proposal: return proposal_from_json(record).id;
        case RecordKind::announcement: return announcement_from_json(record).id;
    }
    return {};
}

void SyncMirror::install(RecordKind kind, const std::string& id, std::int64_t revision, json record) {
    Key key{kind, id};
    auto it = m_records.find(key);
    if (it != m_records.end() && it->second.revision > revision) return;
    if (record.is_null()) {
        if (it != m_records.end()) m_records.erase(it);
        return;
    }
    m_records.insert_or_assign(std::move(key), MirrorRecord{revision, std::move(record)});
}

void SyncMirror::install(const DeltaEntry& entry) {
    install(entry.kind, entry.id, entry.revision, entry.removed ? json() : entry.record);
}

const MirrorRecord* SyncMirror::find(RecordKind kind, std::string_view id) const {
    auto it = m_records.find(Key{kind, std::string(id)});
    return it == m_records.end() ? nullptr : &it->second;
}

std::int64_t SyncMirror::record_revision(RecordKind kind, std::string_view id) const {
    const MirrorRecord* record = find(kind, id);
    return record ? record->revision : 0;
}

std::map<SyncMirror::Key, const json*> SyncMirror::with_pending(const std::vector<Change>& pending) const {
    std::map<Key, const json*> view;
    for (const auto& [key, record] : m_records) view.emplace(key, &record.record);
    for (const Change& change : pending) {
        Key key{change.kind, change.id};
        if (change.op == Change::Op::remove) {
            view.erase(key);
        } else {
            view.insert_or_assign(std::move(key), &change.record);
        }
    }
    return view;
}

Snapshot SyncMirror::snapshot(const std::vector<Change>& pending) const {
    Snapshot snapshot;
    snapshot.revision = m_revision;
    for (const auto& [key, record] : with_pending(pending)) {
        try {
            switch (key.first) {
                case RecordKind::municipality: snapshot.municipalities.push_back(municipality_from_json(*record)); break;
                case RecordKind::partnership: snapshot.partnerships.push_back(partnership_from_json(*record)); break;
                case RecordKind::announcement: snapshot.announcements.push_back(announcement_from_json(*record)); break;
                case RecordKind::proposal: break;
            }
        } catch (const DecodeError&) {
            // Unreachable for records that came through the codecs; a view must not fail the UI.
        }
    }
    return snapshot;
}

std::vector<Proposal> SyncMirror::proposals(const std::vector<Change>& pending) const {
    std::vector<Proposal> proposals;
    for (const auto& [key, record] : with_pending(pending)) {
        if (key.first != RecordKind::proposal) continue;
        try {
            proposals.push_back(proposal_from_json(*record));
        } catch (const DecodeError&) {
            // As in snapshot().
        }
    }
    return proposals;
}

json SyncMirror::records_to_json() const {
    json list = json::array();
    for (const auto& [key, record] : m_records) {
        list.push_back({{"kind", to_string(key.first)}, {"id", key.second}, {"revision", record.revision},
                        {"record", record.record}});
    }
    return list;
}

std::map<SyncMirror::Key, MirrorRecord> SyncMirror::records_from_json(const json& list) {
    require_array(list, "records");
    std::map<Key, MirrorRecord> records;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = index_path("records", i);
        const json& entry = list[i];
        require_object(entry, path);
        const json* kind = member(entry, "kind");
        const json* id = member(entry, "id");
        const json* revision = member(entry, "revision");
        const json* record = member(entry, "record");
        if (!kind) throw DecodeError(path + ".kind", "required");
        if (!id) throw DecodeError(path + ".id", "required");
        if (!revision) throw DecodeError(path + ".revision", "required");
        if (!record) throw DecodeError(path + ".record", "required");
        Key key{read_enum(*kind, path + ".kind", record_kind_from_string, RecordKind::announcement),
                read_string(*id, path + ".id")};
        MirrorRecord value{read_integer(*revision, path + ".revision"), *record};
        std::string decoded_id;
        try {
            decoded_id = decoded_record_id(key.first, value.record);
        } catch (const DecodeError& error) {
            throw with_prefix(error, path + ".record");
        }
        if (decoded_id != key.second) throw DecodeError(path + ".record.id", "must be \"" + key.second + "\"");
        if (!records.emplace(std::move(key), std::move(value)).second) throw DecodeError(path, "listed twice");
    }
    return records;
}

}  // namespace prd
