#pragma once
// Who the person is: signed out, or signed in with an access token made by
// `partnership token create`. The token is kept only in this browser (localStorage) until
// "Sign out"; the server says what it allows (GET /api/v1/session). For a community's editor it
// also holds the community's hidden and declined partner suggestions, which only they may see.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/matching.hpp"

namespace prd::web {

class Session {
public:
    enum class Status {
        signed_out,
        checking,  ///< asking the server about the token
        signed_in,
        refused,      ///< the server does not know the token (mistyped, revoked)
        unreachable,  ///< the server could not be asked; the token is kept and tried again later
    };

    /// Signs in again with the token saved on an earlier visit, if any.
    void restore();
    /// Checks `token` with the server and keeps it when the server accepts it.
    void sign_in(std::string token);
    void sign_out();
    /// Exchanges an invitation code (from a #/join/<code> link) for the person's own token, and
    /// signs in with it. `label` names the person for the administrators (may be empty).
    void accept_invitation(const std::string& code, const std::string& label);

    Status status() const { return m_status; }
    /// Why signing in failed, in English from the server or the network ("" otherwise).
    const std::string& message() const { return m_message; }
    bool signed_in() const { return m_status == Status::signed_in; }
    /// False while signed in offline on the strength of an earlier visit (the server not asked yet).
    bool confirmed() const { return m_confirmed; }
    const std::string& role() const { return m_role; }
    /// The community an editor works for ("" for moderators and admins).
    const std::string& municipality() const { return m_municipality; }
    const std::string& label() const { return m_label; }
    bool is_moderator() const { return signed_in() && (m_role == "moderator" || m_role == "admin"); }
    /// True for the community's own editors and for moderators.
    bool may_edit(std::string_view municipality_id) const;

    /// The Authorization header for requests made on the person's behalf (none when signed out).
    std::vector<std::pair<std::string, std::string>> auth_headers() const;

    /// The signed-in community's dismissed suggestions; version() rises when they change.
    const DismissedSuggestions& dismissed() const { return m_dismissed; }
    int dismissed_version() const { return m_dismissed_version; }
    void set_dismissed(DismissedSuggestions dismissed);

private:
    void check();
    void load_dismissed();

    Status m_status = Status::signed_out;
    std::string m_token;
    std::string m_message;
    std::string m_role;
    std::string m_municipality;
    std::string m_label;
    DismissedSuggestions m_dismissed;
    int m_dismissed_version = 0;
    int m_attempt = 0;  ///< answers to an older sign-in attempt are ignored
    bool m_confirmed = false;
};

std::string_view to_string(Session::Status status);

}  // namespace prd::web
