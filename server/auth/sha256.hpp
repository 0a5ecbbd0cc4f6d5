#pragma once
// SHA-256 (FIPS 180-4), enough to store API tokens as hashes without pulling in a crypto library.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace prd::server {

std::array<std::uint8_t, 32> sha256(std::string_view data);
/// The digest as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace prd::server
