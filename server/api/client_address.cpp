#include "api/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

namespace prd::server {
namespace {

/// The address as 16 bytes, with IPv4 (and IPv4-mapped IPv6) in the first four and v6 false.
std::optional<std::pair<bool, std::array<unsigned char, 16>>> parse_ip(std::string_view text) {
    std::string ip(text);
    if (ip.size() > 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
    std::array<unsigned char, 16> bytes{};
    if (inet_pton(AF_INET, ip.c_str(), bytes.data()) == 1) return std::pair{false, bytes};
    if (inet_pton(AF_INET6, ip.c_str(), bytes.data()) != 1) return std::nullopt;
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(std::begin(kMapped), std::end(kMapped), bytes.begin())) {
        std::array<unsigned char, 16> v4{};
        std::copy(bytes.begin() + 12, bytes.end(), v4.begin());
        return std::pair{false, v4};
    }
    return std::pair{true, bytes};
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool trusted_address(std::string_view ip, const std::vector<Cidr>& trusted) {
    return std::any_of(trusted.begin(), trusted.end(), [&](const Cidr& cidr) { return cidr.contains(ip); });
}

}  // namespace

bool Cidr::contains(std::string_view ip) const {
    const auto parsed = parse_ip(ip);
    if (!parsed || parsed->first != v6) return false;
    const auto& bytes = parsed->second;
    int bits = prefix;
    for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
        const unsigned mask = bits >= 8 ? 0xffu : (0xffu << (8 - bits)) & 0xffu;
        if ((bytes[i] & mask) != (address[i] & mask)) return false;
    }
    return true;
}

std::optional<Cidr> parse_cidr(std::string_view text) {
    const auto slash = text.find('/');
    const auto ip = parse_ip(text.substr(0, slash));
    if (!ip) return std::nullopt;
    Cidr cidr;
    cidr.v6 = ip->first;
    cidr.address = ip->second;
    const int max = cidr.v6 ? 128 : 32;
    cidr.prefix = max;
    if (slash != std::string_view::npos) {
        const auto digits = text.substr(slash + 1);
        int prefix = -1;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || prefix < 0 ||
            prefix > max)
            return std::nullopt;
        cidr.prefix = prefix;
    }
    return cidr;
}

std::string client_address(const std::string& remote, std::string_view forwarded_for,
                           const std::vector<Cidr>& trusted) {
    if (!trusted_address(remote, trusted)) return remote;
    std::string last = remote;
    while (!forwarded_for.empty()) {
        const auto comma = forwarded_for.rfind(',');
        const auto entry = trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
        forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
        if (entry.empty()) continue;
        if (!parse_ip(entry)) return last;
        if (!trusted_address(entry, trusted)) return std::string(entry);
        last = std::string(entry);
    }
    return last;
}

}  // namespace prd::server
