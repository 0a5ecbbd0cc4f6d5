#pragma once
// Conditional requests as RFC 9110 (section 13) defines them, and Accept-Encoding (12.5.3): entity tags, If-None-Match with weak
// comparison (lists and *), If-Match with strong comparison. Pure functions of header values.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prd::server {

struct EntityTag {
    bool weak = false;
    std::string opaque;  ///< without the quotes and the W/ prefix

    /// "\"42\"" or "W/\"42\"".
    std::string text() const;
};

/// The tags of an If-Match or If-None-Match value: "*" (any = true, no tags) or a comma-separated
/// list of entity tags. Nothing when the value is malformed (an unquoted tag, a stray character).
struct TagList {
    bool any = false;
    std::vector<EntityTag> tags;
};
std::optional<TagList> parse_tag_list(std::string_view value);

/// True when If-None-Match `value` matches one of `current` (the tags of the current
/// representations) by weak comparison, or is "*". A malformed value matches nothing, so the
/// caller sends the full answer as if no condition was given.
bool none_match_fails(std::string_view value, const std::vector<EntityTag>& current);

/// If-Match by strong comparison: true when `value` is "*" and `current` exists, or names a strong
/// tag equal to `current`. A weak tag never matches (RFC 9110 13.1.1).
bool if_match_passes(std::string_view value, const std::optional<EntityTag>& current);

/// True when an Accept-Encoding value accepts `coding` (e.g. "br") by name, not with q=0. "*"
/// accepts every coding not named.
bool accepts_coding(std::string_view accept_encoding, std::string_view coding);

/// The revision a strong tag such as "\"42\"" names, or nothing (a weak tag, "*", a list,
/// anything that is not a whole number).
std::optional<std::int64_t> strong_revision(std::string_view value);

}  // namespace prd::server
