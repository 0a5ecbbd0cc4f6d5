#pragma once
// One-time invitations: a moderator makes one for a municipality and role, valid for some days;
// whoever opens its link (https://HOST/#/join/CODE) exchanges the code for a token of their own.
// Codes, like tokens, are stored only as their SHA-256; a code works once.

#include <optional>
#include <string>
#include <string_view>

#include "auth/auth.hpp"
#include "store/store.hpp"

namespace prd::server {

/// A freshly made invitation: the code is shown once, only the record is stored.
struct NewInvitation {
    std::string code;
    InvitationRecord record;
};

/// Makes an invitation valid from `now` for `days` days. Throws std::runtime_error when the
/// system's random source cannot be read, std::invalid_argument when `now` is not UTC ISO-8601.
NewInvitation make_invitation(Role role, std::string municipality, std::string label, int days, const std::string& now,
                              std::string created_by);

/// The link people open: `base` (e.g. https://partners.example.org, a trailing slash is dropped)
/// followed by /#/join/CODE.
std::string invitation_link(std::string_view base, std::string_view code);

/// The token an accepted invitation became; `secret` is shown once.
struct Redeemed {
    RedeemStatus status = RedeemStatus::unknown;
    NewToken token;  ///< set when status is redeemed
};

/// Exchanges `code` for a new token with the invitation's role and municipality, labelled `label`
/// (or the invitation's label when empty). Burns the code in the same transaction.
Redeemed redeem_invitation(Store& store, std::string_view code, std::string label, const std::string& now);

/// `time` (YYYY-MM-DDTHH:MM:SSZ) moved on by `days`; throws std::invalid_argument when it is not that form.
std::string add_days(const std::string& time, int days);

}  // namespace prd::server
