// SHA-256 by OpenSSL's libcrypto (EVP), the server's only use of it. The digest is the one FIPS 180
// defines, so the hashes stored by the earlier hand-written implementation still match.

#include "auth/sha256.hpp"

#include <stdexcept>

#include <openssl/evp.h>

namespace prd::server {

std::array<std::uint8_t, 32> sha256(std::string_view data) {
    std::array<std::uint8_t, 32> digest{};
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 ||
        size != digest.size()) {
        // Only an allocation failure or a libcrypto without SHA-256 gets here; no hash is better
        // than a wrong one, which would lock a token out or let another in.
        throw std::runtime_error("SHA-256 failed in OpenSSL's libcrypto");
    }
    return digest;
}

std::string sha256_hex(std::string_view data) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const auto byte : sha256(data)) {
        out += hex[byte >> 4];
        out += hex[byte & 15];
    }
    return out;
}

}  // namespace prd::server
