#pragma once
// Tokens and invitations over the API: /api/v1/admin/tokens and /api/v1/admin/invitations (list,
// create, revoke; moderators and admins only; a moderator manages editors, an admin everyone), and
// POST /api/v1/invitations/{code}/accept, where anyone holding a code exchanges it for a token.
// Secrets and codes are answered once, when made; lists never carry them.

#include <string>

#include "api/api.hpp"

namespace prd::server {

struct AdminOptions {
    /// The address people use (e.g. https://partners.example.org), for invitation links; empty:
    /// the request's Host header, over http.
    std::string public_url;
};

void add_admin_routes(Api& api, RegistryService& registry, AdminOptions options = {});

/// A token as the API shows it: everything but the hash.
nlohmann::json token_json(const TokenRecord& token);
/// An invitation as the API shows it, with its state at `now`: open, used, expired or revoked.
nlohmann::json invitation_json(const InvitationRecord& invitation, const std::string& now);

}  // namespace prd::server
