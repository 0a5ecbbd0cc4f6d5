#pragma once
// SHA-256 (FIPS 180-4) of API tokens and invitation codes, which the store keeps only as hashes.
// Computed by OpenSSL's libcrypto (server only; the core and the web app never hash).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace prd::server {

/// The digest of `data`. Throws std::runtime_error if libcrypto fails (out of memory).
std::array<std::uint8_t, 32> sha256(std::string_view data);
/// The digest as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace prd::server
