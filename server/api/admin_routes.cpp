#include "api/admin_routes.hpp"

#include <nlohmann/json.hpp>

#include "auth/invitations.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
using Params = std::vector<std::string>;

constexpr int kMaxInvitationDays = 90;
constexpr std::size_t kMaxLabel = 200;

ApiResponse private_json(int status, const Json& body) {
    ApiResponse response;
    response.status = status;
    response.body = body.dump();
    response.headers.emplace_back("Cache-Control", "private, no-store");
    return response;
}

/// Nothing when the principal may manage tokens and invitations at all; else the 401 or 403.
std::optional<ApiResponse> refuse_non_moderator(const Principal& principal) {
    if (principal.role == Role::anonymous)
        return error_response(401, "unauthorized", "Authorization: a moderator's or an admin's bearer token is needed");
    if (!principal.is_moderator())
        return error_response(403, "forbidden", "only moderators and admins manage tokens and invitations");
    return std::nullopt;
}

/// A moderator looks after editors; only an admin makes or ends moderators and admins.
bool may_manage(const Principal& principal, std::string_view role) {
    return principal.role == Role::admin || (principal.role == Role::moderator && role == "editor");
}

std::optional<Json> object_body(const ApiRequest& request, ApiResponse& error, bool optional) {
    if (request.body.empty() && optional) return Json::object();
    Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        error = error_response(400, "bad_request", "body: a JSON object is required");
        return std::nullopt;
    }
    return body;
}

std::optional<std::string> string_member(const Json& body, const char* name, ApiResponse& error) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) return std::string();
    if (!it->is_string()) {
        error = error_response(422, "invalid", std::string(name) + ": must be a string");
        return std::nullopt;
    }
    return it->get<std::string>();
}

/// The role, municipality and label of a token or invitation to be made, checked: or the refusal.
struct Grant {
    Role role = Role::editor;
    std::string municipality;
    std::string label;
};

std::optional<Grant> read_grant(RegistryService& registry, const Principal& principal, const Json& body,
                                ApiResponse& error) {
    const auto role_text = string_member(body, "role", error);
    const auto municipality = role_text ? string_member(body, "municipality", error) : std::nullopt;
    const auto label = municipality ? string_member(body, "label", error) : std::nullopt;
    if (!label) return std::nullopt;
    const auto role = role_from_string(role_text->empty() ? "editor" : *role_text);
    if (!role) {
        error = error_response(422, "invalid", "role: must be editor, moderator or admin");
        return std::nullopt;
    }
    if (!may_manage(principal, to_string(*role))) {
        error = error_response(403, "forbidden", "role: only an admin gives out " + std::string(to_string(*role)) + " access");
        return std::nullopt;
    }
    if (*role == Role::editor) {
        const bool known = registry.read([&](const Registry& r) { return r.find_municipality(*municipality) != nullptr; });
        if (municipality->empty() || !known) {
            error = error_response(422, "invalid",
                                   "municipality: an editor speaks for one municipality of the registry, e.g. "
                                   "UA46060250000025047" + (municipality->empty() ? std::string() : "; \"" + *municipality + "\" is not one"));
            return std::nullopt;
        }
    } else if (!municipality->empty()) {
        error = error_response(422, "invalid", "municipality: only editors belong to a municipality");
        return std::nullopt;
    }
    if (label->size() > kMaxLabel) {
        error = error_response(422, "invalid", "label: at most 200 bytes");
        return std::nullopt;
    }
    return Grant{*role, *municipality, *label};
}

std::string link_base(const AdminOptions& options, const ApiRequest& request) {
    if (!options.public_url.empty()) return options.public_url;
    const auto host = request.headers.find("Host");
    return "http://" + (host != request.headers.end() ? host->second : std::string("localhost"));
}

ApiResponse list_tokens(RegistryService& registry, const Principal& principal) {
    if (auto refused = refuse_non_moderator(principal)) return *refused;
    Json list = Json::array();
    for (const auto& token : registry.store().list_tokens()) list.push_back(token_json(token));
    return private_json(200, Json{{"tokens", list}});
}

ApiResponse create_token(RegistryService& registry, const Api& api, const ApiRequest& request, const Principal& principal) {
    if (auto refused = refuse_non_moderator(principal)) return *refused;
    ApiResponse error;
    const auto body = object_body(request, error, false);
    if (!body) return error;
    const auto grant = read_grant(registry, principal, *body, error);
    if (!grant) return error;
    const auto token = make_token(grant->role, grant->municipality, grant->label, api.now());
    registry.store().add_token(token.record);
    Json answer = token_json(token.record);
    answer["token"] = token.secret;
    return private_json(201, answer);
}

ApiResponse revoke_token(RegistryService& registry, const Principal& principal, const std::string& id) {
    if (auto refused = refuse_non_moderator(principal)) return *refused;
    const auto token = registry.store().find_token(id);
    if (!token) return error_response(404, "not_found", "no token with id \"" + id + "\"");
    if (!may_manage(principal, token->role))
        return error_response(403, "forbidden", "only an admin revokes a " + token->role + "'s token");
    registry.store().revoke_token(id);
    auto revoked = registry.store().find_token(id);
    return private_json(200, token_json(revoked ? *revoked : *token));
}

ApiResponse list_invitations(RegistryService& registry, const Api& api, const Principal& principal) {
    if (auto refused = refuse_non_moderator(principal)) return *refused;
    const std::string now = api.now();
    Json list = Json::array();
    for (const auto& invitation : registry.store().list_invitations()) list.push_back(invitation_json(invitation, now));
    return private_json(200, Json{{"invitations", list}});
}

ApiResponse create_invitation(RegistryService& registry, const Api& api, const AdminOptions& options,
                              const ApiRequest& request, const Principal& principal) {
    if (auto refused = refuse_non_moderator(principal)) return *refused;
    ApiResponse error;
    const auto body = object_body(request, error, false);
    if (!body) return error;
    const auto grant = read_grant(registry, principal, *body, error);
    if (!grant) return error;
    int days = 7;
    if (const auto it = body->find("days"); it != body->end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > kMaxInvitationDays)
            return error_response(422, "invalid", "days: a whole number from 1 to 90");
        days = it->get<int>();
    }
    const std::string now = api.now();
    const auto invitation = make_invitation(grant->role, grant->municipality, grant->label, days, now, principal.token_id);
    registry.store().add_invitation(invitation.record);
    Json answer = invitation_json(invitation.record, now);
    answer["code"] = invitation.code;
    answer["link"] = invitation_link(link_base(options, request), invitation.code);
    return private_json(201, answer);
}

ApiResponse revoke_invitation(RegistryService& registry, const Api& api, const Principal& principal, const std::string& id) {
    if (auto refused = refuse_non_moderator(principal)) return *refused;
    const auto invitation = registry.store().find_invitation(id);
    if (!invitation) return error_response(404, "not_found", "no invitation with id \"" + id + "\"");
    if (!may_manage(principal, invitation->role))
        return error_response(403, "forbidden", "only an admin revokes an invitation for a " + invitation->role);
    if (!invitation->used_at.empty())
        return error_response(409, "conflict", "the invitation was used already; revoke its token " + invitation->token_id);
    registry.store().revoke_invitation(id);
    return private_json(200, invitation_json(*registry.store().find_invitation(id), api.now()));
}

ApiResponse accept_invitation(RegistryService& registry, const Api& api, const ApiRequest& request, const std::string& code) {
    ApiResponse error;
    const auto body = object_body(request, error, true);
    if (!body) return error;
    const auto label = string_member(*body, "label", error);
    if (!label) return error;
    if (label->size() > kMaxLabel) return error_response(422, "invalid", "label: at most 200 bytes");
    const auto redeemed = redeem_invitation(registry.store(), code, *label, api.now());
    switch (redeemed.status) {
        case RedeemStatus::redeemed: break;
        case RedeemStatus::unknown:
            return error_response(401, "invitation_unknown", "code: no such invitation; check the link you were sent");
        case RedeemStatus::used:
            return error_response(401, "invitation_used", "code: this invitation was used already; ask for a new one");
        case RedeemStatus::expired:
            return error_response(401, "invitation_expired", "code: this invitation has expired; ask for a new one");
        case RedeemStatus::revoked:
            return error_response(401, "invitation_revoked", "code: this invitation was withdrawn; ask for a new one");
    }
    Json answer = token_json(redeemed.token.record);
    answer["token"] = redeemed.token.secret;
    return private_json(201, answer);
}

}  // namespace

Json token_json(const TokenRecord& token) {
    return {{"id", token.id},
            {"role", token.role},
            {"municipality", token.municipality},
            {"label", token.label},
            {"created_at", token.created_at},
            {"last_used_at", token.last_used_at.empty() ? Json() : Json(token.last_used_at)},
            {"revoked", token.revoked}};
}

Json invitation_json(const InvitationRecord& invitation, const std::string& now) {
    const char* state = invitation.revoked               ? "revoked"
                        : !invitation.used_at.empty()    ? "used"
                        : invitation.expires_at <= now   ? "expired"
                                                         : "open";
    const auto optional = [](const std::string& text) { return text.empty() ? Json() : Json(text); };
    return {{"id", invitation.id},
            {"role", invitation.role},
            {"municipality", invitation.municipality},
            {"label", invitation.label},
            {"created_at", invitation.created_at},
            {"expires_at", invitation.expires_at},
            {"created_by", invitation.created_by},
            {"used_at", optional(invitation.used_at)},
            {"token_id", optional(invitation.token_id)},
            {"state", state}};
}

void add_admin_routes(Api& api, RegistryService& registry, AdminOptions options) {
    const Api& routes = api;
    api.add_route("GET", "/api/v1/admin/tokens", [&registry](const ApiRequest&, const Principal& who, const Params&) {
        return list_tokens(registry, who);
    });
    api.add_route("POST", "/api/v1/admin/tokens",
                  [&registry, &routes](const ApiRequest& request, const Principal& who, const Params&) {
                      return create_token(registry, routes, request, who);
                  });
    api.add_route("DELETE", "/api/v1/admin/tokens/{}", [&registry](const ApiRequest&, const Principal& who, const Params& p) {
        return revoke_token(registry, who, p.at(0));
    });
    api.add_route("GET", "/api/v1/admin/invitations",
                  [&registry, &routes](const ApiRequest&, const Principal& who, const Params&) {
                      return list_invitations(registry, routes, who);
                  });
    api.add_route("POST", "/api/v1/admin/invitations",
                  [&registry, &routes, options](const ApiRequest& request, const Principal& who, const Params&) {
                      return create_invitation(registry, routes, options, request, who);
                  });
    api.add_route("DELETE", "/api/v1/admin/invitations/{}",
                  [&registry, &routes](const ApiRequest&, const Principal& who, const Params& p) {
                      return revoke_invitation(registry, routes, who, p.at(0));
                  });
    api.add_route("POST", "/api/v1/invitations/{}/accept",
                  [&registry, &routes](const ApiRequest& request, const Principal&, const Params& p) {
                      return accept_invitation(registry, routes, request, p.at(0));
                  });
}

}  // namespace prd::server
