#include "api/conditional.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace prd::server {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// RFC 9110 etagc: %x21 / %x23-7E / obs-text.
bool is_etag_char(unsigned char c) { return c == 0x21 || (c >= 0x23 && c != 0x7F); }

}  // namespace

std::string EntityTag::text() const { return (weak ? "W/\"" : "\"") + opaque + "\""; }

std::optional<TagList> parse_tag_list(std::string_view value) {
    TagList list;
    std::size_t i = 0;
    const auto skip_space = [&] {
        while (i < value.size() && is_space(value[i])) ++i;
    };
    skip_space();
    if (i < value.size() && value[i] == '*') {
        ++i;
        skip_space();
        if (i != value.size()) return std::nullopt;
        list.any = true;
        return list;
    }
    while (i < value.size()) {
        // Empty list elements (", ,") are allowed by the list rule and skipped.
        if (value[i] == ',') {
            ++i;
            skip_space();
            continue;
        }
        EntityTag tag;
        if (value.compare(i, 2, "W/") == 0) {
            tag.weak = true;
            i += 2;
        }
        if (i >= value.size() || value[i] != '"') return std::nullopt;
        const auto close = value.find('"', i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        tag.opaque = std::string(value.substr(i + 1, close - i - 1));
        for (const char c : tag.opaque)
            if (!is_etag_char(static_cast<unsigned char>(c))) return std::nullopt;
        list.tags.push_back(std::move(tag));
        i = close + 1;
        skip_space();
        if (i < value.size() && value[i] != ',') return std::nullopt;
    }
    if (list.tags.empty()) return std::nullopt;
    return list;
}

bool none_match_fails(std::string_view value, const std::vector<EntityTag>& current) {
    const auto list = parse_tag_list(value);
    if (!list) return false;
    if (list->any) return !current.empty();
    for (const auto& tag : list->tags)
        for (const auto& have : current)
            if (tag.opaque == have.opaque) return true;  // weak comparison: W/ is ignored on both sides
    return false;
}

bool if_match_passes(std::string_view value, const std::optional<EntityTag>& current) {
    const auto list = parse_tag_list(value);
    if (!list || !current) return false;
    if (list->any) return true;
    if (current->weak) return false;
    for (const auto& tag : list->tags)
        if (!tag.weak && tag.opaque == current->opaque) return true;
    return false;
}

bool accepts_coding(std::string_view accept_encoding, std::string_view coding) {
    std::optional<bool> named, any;
    std::size_t start = 0;
    while (start <= accept_encoding.size()) {
        const auto end = std::min(accept_encoding.find(',', start), accept_encoding.size());
        std::string item;
        for (const char c : accept_encoding.substr(start, end - start))
            if (!is_space(c)) item += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        start = end + 1;
        const auto semicolon = item.find(';');
        const std::string name = item.substr(0, semicolon);
        bool refused = false;
        if (semicolon != std::string::npos) {
            const auto q = item.find("q=", semicolon);
            // q=0, q=0.0, q=0.00 and q=0.000 refuse; any other weight accepts.
            if (q != std::string::npos) {
                const std::string weight = item.substr(q + 2);
                refused = !weight.empty() && weight[0] == '0' && weight.find_first_of("123456789") == std::string::npos;
            }
        }
        if (name == coding) named = !refused;
        else if (name == "*") any = !refused;
    }
    return named ? *named : any.value_or(false);
}

std::optional<std::int64_t> strong_revision(std::string_view value) {
    const auto list = parse_tag_list(value);
    if (!list || list->any || list->tags.size() != 1 || list->tags.front().weak) return std::nullopt;
    const auto& text = list->tags.front().opaque;
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::int64_t n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

}  // namespace prd::server
