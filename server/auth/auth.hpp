#pragma once
// Who is calling, and what they may do. Tokens are bearer secrets; the store keeps only their
// SHA-256. Anonymous callers read the public registry; an editor speaks for one municipality; a
// moderator looks after every public record; an admin also manages tokens.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/types.hpp"
#include "proposals/workflow.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"

namespace prd::server {

enum class Role { anonymous, editor, moderator, admin };

std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

struct Principal {
    Role role = Role::anonymous;
    std::string municipality;  ///< for editors
    std::string token_id;      ///< empty for anonymous callers
    std::string label;         ///< the token's label, e.g. who it was made for
    /// How the principal appears in logs: "-", "editor:tok_ab12cd34@UA46060250000025047", ...
    std::string log_name() const;
    bool is_moderator() const { return role == Role::moderator || role == Role::admin; }
};

/// A freshly made token: the secret is shown once, only the record is stored.
struct NewToken {
    std::string secret;
    TokenRecord record;
};

/// `bytes` from the system's random source as lower-case hex. Throws std::runtime_error if it cannot read it.
std::string random_hex(std::size_t bytes);

/// Makes a token from the system's random source. Throws std::runtime_error if it cannot read it.
NewToken make_token(Role role, std::string municipality, std::string label, std::string created_at);

/// The principal an Authorization header value names. No header: anonymous. A header that is not
/// "Bearer <token>", or names an unknown or revoked token: nothing (the caller answers 401).
/// With `now` (UTC ISO-8601), the token's last use is noted, to the minute.
std::optional<Principal> authenticate(Store& store, std::string_view authorization, std::string_view now = {});

/// Why `principal` may not apply `change`, or nothing when it may. `current` is the record as it
/// is now (null when new); the change's record is parsed JSON. Proposals follow the workflow for
/// every role: only an editor of the sending municipality starts one, and only the sender edits or
/// deletes it, while it is a draft; every other step goes through the workflow's actions.
std::optional<std::string> write_refusal(const Principal& principal, const Change& change, const nlohmann::json& current,
                                         const Registry& registry);

/// A proposal field only the server writes (history, messages, signing_confirmed_by, signed_on,
/// partnership, and status other than draft on creation) that the change sets differently from
/// `current`, e.g. {"history", "written by the server"}; nothing otherwise.
std::optional<ValidationError> server_written_field(const Change& change, const nlohmann::json& current);

/// The principal's side of this proposal, by the workflow's definition.
proposals::Side side_of(const Principal& principal, const Proposal& proposal, const Registry& registry);

/// Whether the principal may see this proposal: a draft only its sender's editors; once sent, the
/// two sides' editors and moderators.
bool can_see(const Principal& principal, const Proposal& proposal, const Registry& registry);

/// Whether the principal may read and change the suggestions this municipality hid or declined
/// (its editors and moderators).
bool can_see_dismissals(const Principal& principal, const std::string& municipality);

}  // namespace prd::server
