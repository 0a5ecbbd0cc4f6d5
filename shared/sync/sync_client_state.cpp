// Saving and loading the sync client's state, so a sync interrupted by a closed tab or a killed
// process continues from the last acknowledged page and the unacknowledged outbox.

#include "model/json_read.hpp"
#include "sync/sync_client.hpp"

namespace prd {

using nlohmann::json;
using namespace json_read;

namespace {

constexpr std::string_view k_format = "partnership-sync-state";
constexpr std::int64_t k_version = 1;

const json& required(const json& object, std::string_view key, const std::string& path) {
    const json* value = member(object, key);
    if (!value) throw DecodeError(path, "required");
    return *value;
}

std::int64_t read_count(const json& object, std::string_view key, const std::string& path) {
    const std::int64_t value = read_integer(required(object, key, path), path);
    if (value < 0) throw DecodeError(path, "must not be negative");
    return value;
}

json errors_json(const ValidationErrors& errors) {
    json list = json::array();
    for (const ValidationError& error : errors) list.push_back({{"field", error.field}, {"rule", error.rule}});
    return list;
}

// A list saved by save_state(): each item decoded by `read(item, path)`.
template <class Item, class Read>
std::vector<Item> read_list(const json& state, const char* key, Read read) {
    std::vector<Item> items;
    const json* list = member(state, key);
    if (!list) return items;
    require_array(*list, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = index_path(key, i);
        require_object((*list)[i], path);
        items.push_back(read((*list)[i], path));
    }
    return items;
}

}  // namespace

json SyncClient::save_state() const {
    json outbox = json::array();
    for (const PendingChange& pending : m_outbox) {
        outbox.push_back({{"change", push_item_to_json(pending.change)}, {"sent", pending.sent}});
    }
    json conflicts = json::array();
    for (const SyncConflict& conflict : m_conflicts) {
        conflicts.push_back({{"mine", push_item_to_json(conflict.mine)},
                             {"server_revision", conflict.server_revision},
                             {"theirs", conflict.theirs}});
    }
    json rejected = json::array();
    for (const RejectedChange& change : m_rejected) {
        rejected.push_back({{"change", push_item_to_json(change.change)},
                            {"status", to_string(change.status)},
                            {"errors", errors_json(change.errors)}});
    }
    return {
        {"format", k_format},
        {"version", k_version},
        {"client_id", m_client_id},
        {"next_change_number", m_next_change_number},
        {"revision", m_mirror.revision()},
        {"syncing", busy() || m_again},
        {"records", m_mirror.records_to_json()},
        {"outbox", std::move(outbox)},
        {"conflicts", std::move(conflicts)},
        {"rejected", std::move(rejected)},
    };
}

void SyncClient::load_state(const json& state) {
    // Everything is decoded before anything is replaced, so a bad state leaves the client as it was.
    require_object(state, "");
    const json* format = member(state, "format");
    if (!format || !format->is_string() || format->get<std::string>() != k_format) {
        throw DecodeError("format", "must be \"" + std::string(k_format) + "\"");
    }
    const std::int64_t version = read_integer(required(state, "version", "version"), "version");
    if (version != k_version) {
        throw DecodeError("version", "unsupported version " + std::to_string(version) + " (this build reads version " +
                                         std::to_string(k_version) + ")");
    }
    std::string client_id = read_string(required(state, "client_id", "client_id"), "client_id");
    if (client_id.empty()) throw DecodeError("client_id", "must not be empty");
    const std::int64_t next_change_number = read_count(state, "next_change_number", "next_change_number");
    const std::int64_t revision = read_count(state, "revision", "revision");
    bool syncing = false;
    if (const json* value = member(state, "syncing")) syncing = read_bool(*value, "syncing");
    std::map<SyncMirror::Key, MirrorRecord> records = SyncMirror::records_from_json(required(state, "records", "records"));

    auto outbox = read_list<PendingChange>(state, "outbox", [](const json& item, const std::string& path) {
        PendingChange pending;
        pending.change = push_item_from_json(required(item, "change", path + ".change"), path + ".change");
        if (const json* sent = member(item, "sent")) pending.sent = read_bool(*sent, path + ".sent");
        return pending;
    });
    auto conflicts = read_list<SyncConflict>(state, "conflicts", [](const json& item, const std::string& path) {
        SyncConflict conflict;
        conflict.mine = push_item_from_json(required(item, "mine", path + ".mine"), path + ".mine");
        conflict.server_revision = read_count(item, "server_revision", path + ".server_revision");
        if (const json* theirs = member(item, "theirs")) {
            require_object(*theirs, path + ".theirs");
            conflict.theirs = *theirs;
        }
        return conflict;
    });
    auto rejected = read_list<RejectedChange>(state, "rejected", [](const json& item, const std::string& path) {
        RejectedChange change;
        change.change = push_item_from_json(required(item, "change", path + ".change"), path + ".change");
        const std::string status_path = path + ".status";
        const std::string status = read_string(required(item, "status", status_path), status_path);
        if (status == "invalid") {
            change.status = PushStatus::invalid;
        } else if (status == "forbidden") {
            change.status = PushStatus::forbidden;
        } else {
            throw DecodeError(status_path, "must be \"invalid\" or \"forbidden\"");
        }
        if (const json* errors = member(item, "errors")) {
            require_array(*errors, path + ".errors");
            for (std::size_t i = 0; i < errors->size(); ++i) {
                const std::string error_path = index_path(path + ".errors", i);
                const json& error = (*errors)[i];
                require_object(error, error_path);
                ValidationError out;
                if (const json* field = member(error, "field")) out.field = read_string(*field, error_path + ".field");
                if (const json* rule = member(error, "rule")) out.rule = read_string(*rule, error_path + ".rule");
                change.errors.push_back(std::move(out));
            }
        }
        return change;
    });

    m_client_id = std::move(client_id);
    m_next_change_number = next_change_number;
    m_mirror = SyncMirror();
    m_mirror.set_revision(revision);
    m_mirror.set_records(std::move(records));
    m_outbox = std::move(outbox);
    m_conflicts = std::move(conflicts);
    m_rejected = std::move(rejected);
    // A call that was outstanding when the state was saved is forgotten: its answer, if any, is
    // lost with the old process. A sync under way starts again from the saved revision and outbox
    // (resent changes keep their ids, so none is applied twice).
    m_in_flight = InFlight::none;
    m_again = false;
    m_batch.clear();
    m_phase = SyncPhase::idle;
    if (syncing) sync();
}

}  // namespace prd
