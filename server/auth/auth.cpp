#include "auth/auth.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "auth/sha256.hpp"
#include "model/json_codec.hpp"

namespace prd::server {

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

namespace {

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

std::optional<Principal> authenticate(Store& store, std::string_view authorization, std::string_view now) {
    if (authorization.empty()) return Principal{};
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.substr(0, scheme.size()) != scheme) return std::nullopt;
    const auto secret = authorization.substr(scheme.size());
    if (secret.empty() || secret.size() > 200) return std::nullopt;
    const auto token = store.find_token_by_hash(sha256_hex(secret));
    if (!token || token->revoked) return std::nullopt;
    const auto role = role_from_string(token->role);
    if (!role) return std::nullopt;
    if (!now.empty() && token->last_used_at.compare(0, 16, now.substr(0, 16)) != 0)
        store.note_token_use(token->id, std::string(now));
    return Principal{*role, token->municipality, token->id, token->label};
}

namespace {

std::optional<std::string> proposal_refusal(const Principal& principal, const Change& change,
                                            const nlohmann::json& current, const Registry& registry) {
    const auto& own = principal.municipality;
    if (current.is_null()) {
        if (principal.role != Role::editor) return "from: only an editor of the sending municipality starts a proposal";
        if (field(change.record, "from") != own) return "from: an editor of " + own + " can only send proposals from it";
        return std::nullopt;
    }
    Proposal stored;
    try {
        stored = proposal_from_json(current);
    } catch (const DecodeError&) {
        return "only a moderator can repair a stored proposal";  // never expected: stored records were validated
    }
    const auto side = side_of(principal, stored, registry);
    if (change.op == Change::Op::remove) {
        if (!proposals::can_edit_text(stored, side)) return "only the sender can delete a proposal, and only a draft";
        return std::nullopt;
    }
    if (!proposals::can_edit_text(stored, side))
        return "sections: only the sender edits a proposal, and only while it is a draft; answers go through "
               "POST /api/v1/proposals/" + change.id + "/actions";
    if (field(change.record, "from") != stored.from) return "from: a proposal cannot change its sender";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> write_refusal(const Principal& principal, const Change& change, const nlohmann::json& current,
                                         const Registry& registry) {
    if (principal.role == Role::anonymous) return "sign in: anonymous callers can only read";
    if (change.kind == RecordKind::proposal) return proposal_refusal(principal, change, current, registry);
    if (principal.role == Role::admin || principal.role == Role::moderator) return std::nullopt;

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
    return "only a moderator can change " + std::string(change.kind == RecordKind::partnership ? "partnerships" : "announcements");
}

std::optional<ValidationError> server_written_field(const Change& change, const nlohmann::json& current) {
    if (change.kind != RecordKind::proposal || change.op != Change::Op::put || !change.record.is_object())
        return std::nullopt;
    Proposal wanted, held;
    try {
        wanted = proposal_from_json(change.record);
        if (!current.is_null()) held = proposal_from_json(current);
    } catch (const DecodeError&) {
        return std::nullopt;  // the registry names the field that cannot be read
    }
    const std::string actions = "use POST /api/v1/proposals/" + change.id + "/actions";
    if (wanted.status != held.status) {
        if (current.is_null()) return ValidationError{"status", "a proposal starts as a draft; " + actions};
        return ValidationError{"status", actions};
    }
    constexpr const char* rule = "written by the server";
    if (wanted.history != held.history) return ValidationError{"history", rule};
    if (wanted.messages != held.messages) return ValidationError{"messages", rule};
    if (wanted.signing_confirmed_by != held.signing_confirmed_by) return ValidationError{"signing_confirmed_by", rule};
    if (wanted.signed_on != held.signed_on) return ValidationError{"signed_on", rule};
    if (wanted.partnership != held.partnership) return ValidationError{"partnership", rule};
    return std::nullopt;
}

proposals::Side side_of(const Principal& principal, const Proposal& proposal, const Registry& registry) {
    const std::string_view municipality = principal.role == Role::editor ? principal.municipality : std::string_view();
    return proposals::side_of(proposal, registry, municipality, principal.is_moderator());
}

bool can_see(const Principal& principal, const Proposal& proposal, const Registry& registry) {
    return proposals::visible_to(proposal, side_of(principal, proposal, registry));
}

bool can_see_dismissals(const Principal& principal, const std::string& municipality) {
    if (principal.is_moderator()) return true;
    return principal.role == Role::editor && principal.municipality == municipality;
}

}  // namespace prd::server
