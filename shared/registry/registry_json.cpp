// JSON forms of a snapshot and a delta: what the server sends and the browser caches.
// Snapshots are deterministic (records sorted by id, keys sorted) so equal registries give equal bytes.

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "model/json_codec.hpp"
#include "model/json_read.hpp"
#include "registry/registry.hpp"

namespace prd {

using nlohmann::json;
using namespace json_read;

namespace {

constexpr std::string_view k_format = "partnership-registry";
constexpr std::int64_t k_version = 1;

template <class Record>
json encode_sorted(const std::vector<Record>& records) {
    std::vector<const Record*> sorted;
    for (const Record& record : records) sorted.push_back(&record);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Record* a, const Record* b) { return a->id < b->id; });
    json list = json::array();
    for (const Record* record : sorted) list.push_back(to_json(*record));
    return list;
}

template <class Record>
void append_sorted(const std::function<void(std::string_view)>& sink, const char* key,
                   const std::vector<Record>& records) {
    std::vector<const Record*> sorted;
    for (const Record& record : records) sorted.push_back(&record);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Record* a, const Record* b) { return a->id < b->id; });
    sink("\"");
    sink(key);
    sink("\":[");
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i) sink(",");
        sink(to_json(*sorted[i]).dump());
    }
    sink("]");
}

template <class Record, class Decode>
std::vector<Record> decode_list(const json& snapshot, const char* key, Decode decode) {
    std::vector<Record> records;
    const json* list = member(snapshot, key);
    if (!list) return records;
    require_array(*list, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        try {
            records.push_back(decode((*list)[i]));
        } catch (const DecodeError& error) {
            throw with_prefix(error, index_path(key, i));
        }
    }
    return records;
}

std::int64_t read_revision(const json& object, const std::string& key) {
    const json* value = member(object, key);
    if (!value) return 0;
    const std::int64_t revision = read_integer(*value, key);
    if (revision < 0) throw DecodeError(key, "must not be negative");
    return revision;
}

}  // namespace

json to_json(const Snapshot& snapshot) {
    return {
        {"format", k_format},
        {"version", k_version},
        {"revision", snapshot.revision},
        {"municipalities", encode_sorted(snapshot.municipalities)},
        {"partnerships", encode_sorted(snapshot.partnerships)},
        {"announcements", encode_sorted(snapshot.announcements)},
    };
}

void encode_snapshot(const Snapshot& snapshot, const std::function<void(std::string_view)>& sink) {
    // The keys in the order nlohmann::json's object (a std::map) writes them.
    sink("{");
    append_sorted(sink, "announcements", snapshot.announcements);
    sink(",\"format\":" + json(k_format).dump() + ",");
    append_sorted(sink, "municipalities", snapshot.municipalities);
    sink(",");
    append_sorted(sink, "partnerships", snapshot.partnerships);
    sink(",\"revision\":" + std::to_string(snapshot.revision) + ",\"version\":" + std::to_string(k_version) + "}");
}

void encode_snapshot(const EncodedRecords& records, const std::function<void(std::string_view)>& sink) {
    // The sections in the order encode_snapshot(Snapshot) writes them; `open` is the next to open.
    static constexpr RecordKind order[] = {RecordKind::announcement, RecordKind::municipality, RecordKind::partnership};
    const std::string between[] = {"{\"announcements\":[",
                                   "],\"format\":" + json(k_format).dump() + ",\"municipalities\":[",
                                   "],\"partnerships\":["};
    std::size_t open = 0;
    bool first = true;
    const auto open_through = [&](std::size_t section) {
        for (; open <= section; ++open) {
            sink(between[open]);
            first = true;
        }
    };
    const std::int64_t revision = records([&](RecordKind kind, std::string_view text) {
        const auto* at = std::find(std::begin(order), std::end(order), kind);
        if (at == std::end(order)) throw std::invalid_argument("a snapshot holds no " + std::string(to_string(kind)));
        const auto section = static_cast<std::size_t>(at - std::begin(order));
        if (section + 1 < open) throw std::invalid_argument("records of a snapshot must come kind by kind");
        open_through(section);
        if (!first) sink(",");
        first = false;
        sink(text);
    });
    open_through(std::size(order) - 1);
    sink("],\"revision\":" + std::to_string(revision) + ",\"version\":" + std::to_string(k_version) + "}");
}

std::string encode_snapshot(const Snapshot& snapshot) {
    std::string out;
    encode_snapshot(snapshot, [&out](std::string_view piece) { out += piece; });
    return out;
}

Snapshot snapshot_from_json(const json& json) {
    require_object(json, "");
    const nlohmann::json* format = member(json, "format");
    if (!format || !format->is_string() || format->get<std::string>() != k_format) {
        throw DecodeError("format", "must be \"" + std::string(k_format) + "\"");
    }
    const nlohmann::json* version = member(json, "version");
    if (!version) throw DecodeError("version", "required");
    const std::int64_t number = read_integer(*version, "version");
    if (number != k_version) {
        throw DecodeError("version", "unsupported version " + std::to_string(number) + " (this build reads version " +
                                         std::to_string(k_version) + ")");
    }
    Snapshot snapshot;
    snapshot.revision = read_revision(json, "revision");
    snapshot.municipalities = decode_list<Municipality>(json, "municipalities", municipality_from_json);
    snapshot.partnerships = decode_list<Partnership>(json, "partnerships", partnership_from_json);
    snapshot.announcements = decode_list<Announcement>(json, "announcements", announcement_from_json);
    return snapshot;
}

json to_json(const Delta& delta) {
    json changes = json::array();
    for (const DeltaEntry& entry : delta.entries) {
        json change = {
            {"kind", to_string(entry.kind)},
            {"id", entry.id},
            {"revision", entry.revision},
            {"removed", entry.removed},
        };
        if (!entry.removed) change["record"] = entry.record;
        changes.push_back(std::move(change));
    }
    return {{"since", delta.since}, {"revision", delta.revision}, {"more", delta.more}, {"changes", std::move(changes)}};
}

Delta delta_from_json(const json& json) {
    require_object(json, "");
    Delta delta;
    delta.since = read_revision(json, "since");
    delta.revision = read_revision(json, "revision");
    if (const nlohmann::json* more = member(json, "more")) delta.more = read_bool(*more, "more");
    const nlohmann::json* changes = member(json, "changes");
    if (!changes) return delta;
    require_array(*changes, "changes");
    for (std::size_t i = 0; i < changes->size(); ++i) {
        const nlohmann::json& change = (*changes)[i];
        const std::string path = index_path("changes", i);
        require_object(change, path);
        DeltaEntry entry;
        const nlohmann::json* kind = member(change, "kind");
        if (!kind) throw DecodeError(path + ".kind", "required");
        entry.kind = read_enum(*kind, path + ".kind", record_kind_from_string, RecordKind::announcement);
        const nlohmann::json* id = member(change, "id");
        if (!id) throw DecodeError(path + ".id", "required");
        entry.id = read_string(*id, path + ".id");
        try {
            entry.revision = read_revision(change, "revision");
        } catch (const DecodeError& error) {
            throw with_prefix(error, path);
        }
        if (const nlohmann::json* removed = member(change, "removed")) {
            entry.removed = read_bool(*removed, path + ".removed");
        }
        if (entry.removed) {
            delta.entries.push_back(std::move(entry));
            continue;
        }
        const nlohmann::json* record = member(change, "record");
        if (!record) throw DecodeError(path + ".record", "required unless the record was removed");
        // Decoded here only to report a malformed record with its path; the JSON is kept as sent
        // so the receiver's own decode sees exactly what the sender wrote.
        try {
            switch (entry.kind) {
                case RecordKind::municipality: (void)municipality_from_json(*record); break;
                case RecordKind::partnership: (void)partnership_from_json(*record); break;
                case RecordKind::proposal: (void)proposal_from_json(*record); break;
                case RecordKind::announcement: (void)announcement_from_json(*record); break;
            }
        } catch (const DecodeError& error) {
            throw with_prefix(error, path + ".record");
        }
        entry.record = *record;
        delta.entries.push_back(std::move(entry));
    }
    return delta;
}

}  // namespace prd
