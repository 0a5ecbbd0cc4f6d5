#pragma once
// What moderators and admins manage in the app: invitations (make one for a community and role, see
// which are open, used or expired, withdraw one) and access tokens (who holds one, when it was last
// used, revoke it). Secrets never come back from the server; a new invitation's link is shown once.
// Plain C++ over the platform layer: the admin panel reads it and calls its methods.

#include <string>
#include <vector>

namespace prd::web {

class Session;

struct AdminToken {
    std::string id, role, municipality, label, created_at, last_used_at;
    bool revoked = false;
};

struct AdminInvitation {
    std::string id, role, municipality, label, created_at, expires_at, used_at;
    std::string state;     ///< open, used, expired, revoked
    std::string token_id;  ///< the token it became, once used
};

class AdminDesk {
public:
    explicit AdminDesk(const Session& session) : m_session(session) {}

    /// Asks the server for both lists.
    void refresh();
    /// A one-time invitation for `municipality` and `role`, valid `days` days; its link arrives in
    /// new_link().
    void invite(const std::string& municipality, const std::string& role, int days, const std::string& label);
    void revoke_token(const std::string& id);
    void withdraw_invitation(const std::string& id);

    const std::vector<AdminToken>& tokens() const { return m_tokens; }
    const std::vector<AdminInvitation>& invitations() const { return m_invitations; }
    /// The link of the invitation made last (shown once; the server keeps only its hash).
    const std::string& new_link() const { return m_link; }
    /// The last refusal or failure, naming the field and the rule as the server does; "" when none.
    const std::string& error() const { return m_error; }
    bool busy() const { return m_busy > 0; }

private:
    void remove(const std::string& path);

    const Session& m_session;
    std::vector<AdminToken> m_tokens;
    std::vector<AdminInvitation> m_invitations;
    std::string m_link;
    std::string m_error;
    int m_busy = 0;
};

}  // namespace prd::web
