#include "api/dismissed_routes.hpp"

#include <nlohmann/json.hpp>

namespace prd::server {
namespace {

using Json = nlohmann::json;

ApiResponse list_response(const DismissedSuggestions& list) {
    ApiResponse response;
    response.body = to_json(list).dump();
    response.headers.emplace_back("Cache-Control", "private, no-store");
    return response;
}

/// 401 for anonymous callers, 403 for anyone else who does not speak for the municipality.
std::optional<ApiResponse> refusal(const Principal& principal, const std::string& municipality) {
    if (principal.role == Role::anonymous)
        return error_response(401, "unauthorized",
                              "Authorization: dismissed suggestions are visible to their community only");
    if (!can_see_dismissals(principal, municipality))
        return error_response(403, "forbidden", "only an editor of " + municipality +
                                                    " or a moderator can see its dismissed suggestions");
    return std::nullopt;
}

/// Reads {"reason": "hidden" | "declined"}, or says why not.
std::optional<DismissedSuggestions::Reason> parse_reason(const ApiRequest& request, ApiResponse& error) {
    const Json body = request.body.empty() ? Json() : Json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
        error = error_response(400, "bad_json", "body: not valid JSON");
        return std::nullopt;
    }
    if (!body.is_object()) {
        error = error_response(400, "bad_request", "body: a JSON object is required, e.g. {\"reason\":\"declined\"}");
        return std::nullopt;
    }
    const auto it = body.find("reason");
    if (it != body.end() && *it == "hidden") return DismissedSuggestions::Reason::hidden;
    if (it != body.end() && *it == "declined") return DismissedSuggestions::Reason::declined;
    error = error_response(422, "invalid", "reason: must be \"hidden\" or \"declined\"");
    return std::nullopt;
}

ApiResponse answer(const DismissalResult& result, const std::string& municipality, const std::string& other) {
    switch (result.status) {
        case DismissalResult::Status::done: return list_response(result.list);
        case DismissalResult::Status::no_municipality:
            return error_response(404, "not_found", "no municipality with id \"" + municipality + "\"");
        case DismissalResult::Status::no_other:
            return error_response(404, "not_found", "no municipality with id \"" + other + "\" to dismiss");
        case DismissalResult::Status::itself:
            return error_response(422, "invalid", "other: a municipality is never suggested to itself");
        case DismissalResult::Status::not_dismissed:
            return error_response(404, "not_found",
                                  other + " is not among " + municipality + "'s dismissed suggestions");
    }
    return error_response(500, "internal_error", "the server could not answer this request");
}

ApiResponse list(RegistryService& registry, const Principal& principal, const std::string& id) {
    if (auto refused = refusal(principal, id)) return *refused;
    const bool known = registry.read([&](const Registry& r) { return r.find_municipality(id) != nullptr; });
    if (!known) return error_response(404, "not_found", "no municipality with id \"" + id + "\"");
    return list_response(registry.dismissals(id));
}

ApiResponse dismiss(RegistryService& registry, const ApiRequest& request, const Principal& principal,
                    const std::string& id, const std::string& other, const std::string& now) {
    if (auto refused = refusal(principal, id)) return *refused;
    ApiResponse error;
    const auto reason = parse_reason(request, error);
    if (!reason) return error;
    return answer(registry.dismiss(id, other, *reason, now), id, other);
}

ApiResponse restore(RegistryService& registry, const Principal& principal, const std::string& id,
                    const std::string& other) {
    if (auto refused = refusal(principal, id)) return *refused;
    return answer(registry.restore(id, other), id, other);
}

}  // namespace

void add_dismissed_routes(Api& api, RegistryService& registry) {
    using Params = std::vector<std::string>;
    api.add_route("GET", "/api/v1/municipalities/{}/dismissed",
                  [&registry](const ApiRequest&, const Principal& principal, const Params& p) {
                      return list(registry, principal, p.at(0));
                  });
    api.add_route("PUT", "/api/v1/municipalities/{}/dismissed/{}",
                  [&api, &registry](const ApiRequest& request, const Principal& principal, const Params& p) {
                      return dismiss(registry, request, principal, p.at(0), p.at(1), api.now());
                  });
    api.add_route("DELETE", "/api/v1/municipalities/{}/dismissed/{}",
                  [&registry](const ApiRequest&, const Principal& principal, const Params& p) {
                      return restore(registry, principal, p.at(0), p.at(1));
                  });
}

}  // namespace prd::server
