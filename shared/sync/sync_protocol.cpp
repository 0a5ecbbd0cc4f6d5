// Encoding and decoding of the push batch and its answer. Strict about shape, so a malformed body
// is refused with the field named instead of being half-applied.

#include "sync/sync_protocol.hpp"

#include <algorithm>

#include "model/json_read.hpp"

namespace prd {

using nlohmann::json;
using namespace json_read;

namespace {

constexpr std::string_view k_status_names[] = {"applied", "conflict", "invalid", "forbidden"};

// A member that must be present (null counts as absent, as everywhere in the data format).
const json& required(const json& object, std::string_view key, const std::string& path) {
    const json* value = member(object, key);
    if (!value) throw DecodeError(path, "required");
    return *value;
}

std::string read_required_string(const json& object, std::string_view key, const std::string& base) {
    const std::string path = child_path(base, key);
    std::string text = read_string(required(object, key, path), path);
    if (text.empty()) throw DecodeError(path, "must not be empty");
    return text;
}

std::int64_t read_revision(const json& object, std::string_view key, const std::string& base, bool needed) {
    const std::string path = child_path(base, key);
    const json* value = member(object, key);
    if (!value) {
        if (needed) throw DecodeError(path, "required");
        return 0;
    }
    const std::int64_t revision = read_integer(*value, path);
    if (revision < 0) throw DecodeError(path, "must not be negative");
    return revision;
}

json errors_json(const ValidationErrors& errors) {
    json list = json::array();
    for (const ValidationError& error : errors) list.push_back({{"field", error.field}, {"rule", error.rule}});
    return list;
}

ValidationErrors errors_from_json(const json& list, const std::string& path) {
    require_array(list, path);
    ValidationErrors errors;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string item = index_path(path, i);
        require_object(list[i], item);
        ValidationError error;
        if (const json* field = member(list[i], "field")) error.field = read_string(*field, child_path(item, "field"));
        error.rule = read_string(required(list[i], "rule", child_path(item, "rule")), child_path(item, "rule"));
        errors.push_back(std::move(error));
    }
    return errors;
}

}  // namespace

PushResult PushResult::from(const Change& change, const ApplyResult& result) {
    PushResult out;
    out.client_change_id = change.client_change_id;
    out.revision = result.revision;
    switch (result.status) {
        case ApplyResult::Status::applied: out.status = PushStatus::applied; break;
        case ApplyResult::Status::conflict:
            out.status = PushStatus::conflict;
            out.current = result.current;
            break;
        case ApplyResult::Status::invalid:
            out.status = PushStatus::invalid;
            out.errors = result.errors;
            break;
    }
    return out;
}

std::string_view to_string(PushStatus status) { return k_status_names[static_cast<int>(status)]; }

std::string_view to_string(Change::Op op) { return op == Change::Op::remove ? "remove" : "put"; }

json push_item_to_json(const PushItem& item) {
    json out = {
        {"client_change_id", item.client_change_id},
        {"kind", to_string(item.kind)},
        {"op", to_string(item.op)},
        {"id", item.id},
        {"base_revision", item.base_revision},
    };
    if (item.op == Change::Op::put) out["record"] = item.record;
    return out;
}

PushItem push_item_from_json(const json& in, const std::string& path) {
    require_object(in, path);
    PushItem item;
    item.client_change_id = read_required_string(in, "client_change_id", path);
    const std::string kind_path = child_path(path, "kind");
    item.kind = read_enum(required(in, "kind", kind_path), kind_path, record_kind_from_string, RecordKind::announcement);
    const std::string op_path = child_path(path, "op");
    const std::string op = read_string(required(in, "op", op_path), op_path);
    if (op == "put") {
        item.op = Change::Op::put;
    } else if (op == "remove") {
        item.op = Change::Op::remove;
    } else {
        throw DecodeError(op_path, "unknown value \"" + op + "\" (expected one of: put, remove)");
    }
    item.id = read_required_string(in, "id", path);
    item.base_revision = read_revision(in, "base_revision", path, false);
    if (item.op == Change::Op::put) {
        const std::string record_path = child_path(path, "record");
        const nlohmann::json& record = required(in, "record", record_path);
        require_object(record, record_path);
        item.record = record;
    }
    return item;
}

json to_json(const PushRequest& request) {
    json changes = json::array();
    for (const PushItem& item : request.changes) changes.push_back(push_item_to_json(item));
    return {{"changes", std::move(changes)}};
}

PushRequest push_request_from_json(const json& json) {
    require_object(json, "");
    const nlohmann::json& changes = required(json, "changes", "changes");
    require_array(changes, "changes");
    PushRequest request;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        request.changes.push_back(push_item_from_json(changes[i], index_path("changes", i)));
    }
    return request;
}

json to_json(const PushResponse& response) {
    json results = json::array();
    for (const PushResult& result : response.results) {
        json out = {{"client_change_id", result.client_change_id}, {"status", to_string(result.status)}};
        switch (result.status) {
            case PushStatus::applied: out["revision"] = result.revision; break;
            case PushStatus::conflict:
                out["revision"] = result.revision;
                out["current"] = result.current;
                break;
            case PushStatus::invalid: out["errors"] = errors_json(result.errors); break;
            case PushStatus::forbidden: out["message"] = result.message; break;
        }
        results.push_back(std::move(out));
    }
    return {{"revision", response.revision}, {"results", std::move(results)}};
}

PushResponse push_response_from_json(const json& json) {
    require_object(json, "");
    PushResponse response;
    response.revision = read_revision(json, "revision", "", true);
    const nlohmann::json& results = required(json, "results", "results");
    require_array(results, "results");
    for (std::size_t i = 0; i < results.size(); ++i) {
        const nlohmann::json& in = results[i];
        const std::string path = index_path("results", i);
        require_object(in, path);
        PushResult result;
        result.client_change_id = read_required_string(in, "client_change_id", path);
        const std::string status_path = child_path(path, "status");
        const std::string status = read_string(required(in, "status", status_path), status_path);
        if (status == "applied") {
            result.status = PushStatus::applied;
            result.revision = read_revision(in, "revision", path, true);
        } else if (status == "conflict") {
            result.status = PushStatus::conflict;
            result.revision = read_revision(in, "revision", path, true);
            // Null (or absent) means the record does not exist on the server.
            if (const nlohmann::json* current = member(in, "current")) {
                require_object(*current, child_path(path, "current"));
                result.current = *current;
            }
        } else if (status == "invalid") {
            result.status = PushStatus::invalid;
            const std::string errors_path = child_path(path, "errors");
            result.errors = errors_from_json(required(in, "errors", errors_path), errors_path);
        } else if (status == "forbidden") {
            result.status = PushStatus::forbidden;
            if (const nlohmann::json* message = member(in, "message")) {
                result.message = read_string(*message, child_path(path, "message"));
            }
        } else {
            throw DecodeError(status_path,
                              "unknown value \"" + status + "\" (expected one of: applied, conflict, invalid, forbidden)");
        }
        response.results.push_back(std::move(result));
    }
    return response;
}

json to_json(const ApiError& error) { return {{"error", {{"code", error.code}, {"message", error.message}}}}; }

ApiError api_error_from_body(std::string_view body) {
    ApiError error;
    const json parsed = json::parse(body.begin(), body.end(), nullptr, false);
    if (parsed.is_object()) {
        const auto it = parsed.find("error");
        if (it != parsed.end() && it->is_object()) {
            const auto code = it->find("code");
            const auto message = it->find("message");
            if (code != it->end() && code->is_string()) error.code = code->get<std::string>();
            if (message != it->end() && message->is_string()) error.message = message->get<std::string>();
            if (!error.code.empty() || !error.message.empty()) return error;
        }
    }
    std::size_t cut = std::min<std::size_t>(body.size(), 200);
    // Never cut a UTF-8 sequence in half: back up over continuation bytes (10xxxxxx).
    while (cut > 0 && cut < body.size() && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    error.message = std::string(body.substr(0, cut));
    return error;
}

std::string changes_path(std::string_view api_prefix, std::int64_t since, std::size_t limit) {
    return std::string(api_prefix) + "/changes?since=" + std::to_string(since) + "&limit=" + std::to_string(limit);
}

}  // namespace prd
