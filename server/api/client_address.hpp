#pragma once
// Who a request came from when the server sits behind reverse proxies: X-Forwarded-For is
// believed only when the connection comes from a proxy the operator named (--trusted-proxy CIDR).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prd::server {

/// An IPv4 or IPv6 network such as 10.0.0.0/8, ::1/128 or 192.168.1.7 (a single address).
struct Cidr {
    bool v6 = false;
    std::array<unsigned char, 16> address{};
    int prefix = 0;

    /// Whether `ip` (an address as text) lies in the network. False for anything that is not an
    /// address of the same family (IPv4-mapped IPv6 addresses count as IPv4).
    bool contains(std::string_view ip) const;
};

/// Parses "ADDRESS" or "ADDRESS/PREFIX". Nothing when the address is malformed or the prefix is
/// out of range (0-32 for IPv4, 0-128 for IPv6).
std::optional<Cidr> parse_cidr(std::string_view text);

/// The address to account a request to. `remote` is the connection's peer; when it lies in one of
/// `trusted`, X-Forwarded-For (`forwarded_for`, possibly several headers joined with commas) is
/// read from the right, skipping further trusted proxies, and the first other address wins. A
/// malformed entry stops the walk at the last address that was trusted.
std::string client_address(const std::string& remote, std::string_view forwarded_for, const std::vector<Cidr>& trusted);

}  // namespace prd::server
