#include "auth/invitations.hpp"

#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "auth/sha256.hpp"

namespace prd::server {

std::string add_days(const std::string& time, int days) {
    std::tm tm{};
    int consumed = 0;
    if (time.size() != 20 ||
        std::sscanf(time.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                    &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
        consumed != 20)
        throw std::invalid_argument("not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ: \"" + time + "\"");
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::time_t moved = timegm(&tm) + static_cast<std::time_t>(days) * 86400;
    std::tm out{};
    gmtime_r(&moved, &out);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &out);
    return text;
}

NewInvitation make_invitation(Role role, std::string municipality, std::string label, int days, const std::string& now,
                              std::string created_by) {
    NewInvitation invitation;
    invitation.code = random_hex(16);
    invitation.record.id = "inv_" + random_hex(6);
    invitation.record.hash = sha256_hex(invitation.code);
    invitation.record.role = std::string(to_string(role));
    invitation.record.municipality = std::move(municipality);
    invitation.record.label = std::move(label);
    invitation.record.created_at = now;
    invitation.record.expires_at = add_days(now, days);
    invitation.record.created_by = std::move(created_by);
    return invitation;
}

std::string invitation_link(std::string_view base, std::string_view code) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    return std::string(base) + "/#/join/" + std::string(code);
}

Redeemed redeem_invitation(Store& store, std::string_view code, std::string label, const std::string& now) {
    Redeemed result;
    // A code is 32 hex digits; anything else cannot name an invitation, and is not hashed or looked up.
    if (code.size() != 32 || code.find_first_not_of("0123456789abcdef") != std::string_view::npos) return result;
    // The secret is made here; the role and municipality are the invitation's, which the store
    // copies in the same transaction that burns the code.
    result.token = make_token(Role::editor, {}, std::move(label), now);
    result.status = store.redeem_invitation(sha256_hex(code), now, result.token.record);
    if (result.status != RedeemStatus::redeemed) result.token = {};
    return result;
}

}  // namespace prd::server
