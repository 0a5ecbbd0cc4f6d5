#pragma once
// The JSON bodies of the sync protocol's push (POST /api/v1/changes): the batch a client sends and
// the answer the server gives, one result per change in the same order. Shared by the server, which
// decodes requests and encodes answers, and the sync client, which does the opposite. The pull side
// (GET /api/v1/changes) is a Delta; its codec lives in registry/registry.hpp.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "registry/registry.hpp"
#include "validation/validate.hpp"

namespace prd {

/// One change in a push batch. It is a registry Change: the server applies it as it is.
/// client_change_id is required on the wire, so a retried batch is recognised.
using PushItem = Change;

struct PushRequest {
    std::vector<PushItem> changes;
};

/// What became of one pushed change. forbidden: the caller may not make this change (the
/// registry's ApplyResult has no such status; the server's permission check answers it).
enum class PushStatus { applied, conflict, invalid, forbidden };

/// The server's answer to one change of a batch.
struct PushResult {
    std::string client_change_id;
    PushStatus status = PushStatus::applied;
    std::int64_t revision = 0;  ///< applied: the record's new revision; conflict: its current one
    nlohmann::json current;     ///< conflict: the server's record, null when it does not exist
    ValidationErrors errors;    ///< invalid: the fields and the rules they break
    std::string message;        ///< forbidden: why, for people

    /// The answer to `change` that the registry gave as `result`.
    static PushResult from(const Change& change, const ApplyResult& result);
};

struct PushResponse {
    std::int64_t revision = 0;  ///< the server's registry revision after the batch
    std::vector<PushResult> results;
};

/// The answer of a failed call: {"error":{"code":..,"message":..}}.
struct ApiError {
    std::string code;
    std::string message;
};

/// One change as the batch carries it (also how the sync client keeps its outbox).
nlohmann::json push_item_to_json(const PushItem& item);
/// Throws DecodeError with fields under `path` ("changes[2].op: ...") for the cases listed below.
PushItem push_item_from_json(const nlohmann::json& json, const std::string& path);

/// {"changes":[{"client_change_id","kind","op","id","base_revision","record"}]}; "record" only for put.
nlohmann::json to_json(const PushRequest& request);
/// Throws DecodeError naming the field ("changes[2].op: unknown value ...") when the body is not a
/// batch: a missing or empty client_change_id or id, an unknown kind or op, a negative base_revision,
/// or a put whose record is not an object. Whether the record itself is valid is not checked here:
/// the registry answers that per change (status invalid), so one bad record spoils no other.
PushRequest push_request_from_json(const nlohmann::json& json);

/// {"revision":R,"results":[...]}: applied carries revision, conflict revision and current (null
/// when the record does not exist), invalid errors [{field, rule}], forbidden message.
nlohmann::json to_json(const PushResponse& response);
/// Throws DecodeError naming the field ("results[0].status: ...") when the answer is malformed.
PushResponse push_response_from_json(const nlohmann::json& json);

nlohmann::json to_json(const ApiError& error);
/// Reads an error body; never throws. A body that is not the documented shape gives an empty code
/// and the body's first 200 bytes as the message, so the user still sees what the server said.
ApiError api_error_from_body(std::string_view body);

std::string_view to_string(PushStatus status);
std::string_view to_string(Change::Op op);

/// "/api/v1/changes?since=R&limit=N" (prefix "/api/v1").
std::string changes_path(std::string_view api_prefix, std::int64_t since, std::size_t limit);

}  // namespace prd
