#include "auth/auth.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "auth/sha256.hpp"

namespace prd::server {
namespace {

std::string random_hex(std::size_t bytes) {
    std::ifstream random("/dev/urandom", std::ios::binary);
    std::string raw(bytes, '\0');
    if (!random.read(raw.data(), static_cast<std::streamsize>(bytes)))
        throw std::runtime_error("cannot read /dev/urandom to make a token");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const unsigned char c : raw) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

std::string field(const nlohmann::json& record, const char* name) {
    if (!record.is_object()) return {};
    const auto it = record.find(name);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string_view to_string(Role role) {
    switch (role) {
        case Role::anonymous: return "anonymous";
        case Role::editor: return "editor";
        case Role::moderator: return "moderator";
        case Role::admin: return "admin";
    }
    return "anonymous";
}

std::optional<Role> role_from_string(std::string_view text) {
    for (const auto role : {Role::editor, Role::moderator, Role::admin})
        if (to_string(role) == text) return role;
    return std::nullopt;
}

std::string Principal::log_name() const {
    if (role == Role::anonymous) return "-";
    std::string name = std::string(to_string(role)) + ":" + token_id;
    if (!municipality.empty()) name += "@" + municipality;
    return name;
}

NewToken make_token(Role role, std::string municipality, std::string label, std::string created_at) {
    NewToken token;
    token.secret = "prd_" + random_hex(24);
    token.record.id = "tok_" + random_hex(6);
    token.record.hash = sha256_hex(token.secret);
    token.record.role = std::string(to_string(role));
    token.record.municipality = std::move(municipality);
    token.record.label = std::move(label);
    token.record.created_at = std::move(created_at);
    return token;
}

std::optional<Principal> authenticate(Store& store, std::string_view authorization) {
    if (authorization.empty()) return Principal{};
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.substr(0, scheme.size()) != scheme) return std::nullopt;
    const auto secret = authorization.substr(scheme.size());
    if (secret.empty() || secret.size() > 200) return std::nullopt;
    const auto token = store.find_token_by_hash(sha256_hex(secret));
    if (!token || token->revoked) return std::nullopt;
    const auto role = role_from_string(token->role);
    if (!role) return std::nullopt;
    return Principal{*role, token->municipality, token->id, token->label};
}

std::optional<std::string> write_refusal(const Principal& principal, const Change& change, const nlohmann::json& current) {
    if (principal.role == Role::anonymous) return "sign in: anonymous callers can only read";
    if (principal.role == Role::admin) return std::nullopt;
    const bool is_proposal = change.kind == RecordKind::proposal;
    if (principal.role == Role::moderator) return std::nullopt;

    // Editors from here on.
    const auto& own = principal.municipality;
    if (change.kind == RecordKind::municipality) {
        if (change.id != own) return "an editor of " + own + " can only edit that municipality";
        if (change.op == Change::Op::remove || current.is_null()) return "only a moderator can add or remove a municipality";
        const bool was_verified = current.value("verified", false);
        const bool is_verified = change.record.is_object() && change.record.value("verified", false);
        if (was_verified != is_verified) return "verified: only a moderator can verify a municipality";
        return std::nullopt;
    }
    if (!is_proposal) return "only a moderator can change " + std::string(change.kind == RecordKind::partnership ? "partnerships" : "announcements");

    const std::string from = current.is_null() ? field(change.record, "from") : field(current, "from");
    const std::string to = current.is_null() ? field(change.record, "to") : field(current, "to");
    if (current.is_null()) {
        if (from != own) return "from: an editor of " + own + " can only send proposals from it";
        return std::nullopt;
    }
    if (own != from && own != to) return "only the editors of the proposal's two municipalities can change it";
    if (change.op == Change::Op::remove) {
        if (own != from || field(current, "status") != "draft") return "only the sender can delete a proposal, and only a draft";
        return std::nullopt;
    }
    if (field(change.record, "from") != from || field(change.record, "to") != to)
        return "from, to: a proposal cannot change its sides";
    if (own == to && own != from) {
        // The receiving side answers; it does not rewrite the sender's text.
        if (change.record.value("sections", nlohmann::json::object()) != current.value("sections", nlohmann::json::object()))
            return "sections: only the sender can edit the proposal's text";
        static const char* const answers[] = {"in_discussion", "accepted", "declined", "sent"};
        const auto status = field(change.record, "status");
        if (std::find(std::begin(answers), std::end(answers), status) == std::end(answers))
            return "status: the receiving side can answer in_discussion, accepted or declined";
    }
    return std::nullopt;
}

bool can_see(const Principal& principal, const Proposal& proposal) {
    if (principal.is_moderator()) return true;
    if (principal.role != Role::editor) return false;
    return principal.municipality == proposal.from || principal.municipality == proposal.to;
}

bool can_see_dismissals(const Principal& principal, const std::string& municipality) {
    if (principal.is_moderator()) return true;
    return principal.role == Role::editor && principal.municipality == municipality;
}

}  // namespace prd::server
