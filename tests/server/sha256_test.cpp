// Token and invitation hashes: SHA-256 as FIPS 180 defines it, so the hashes already stored by
// earlier versions still find their tokens.
#include "auth/sha256.hpp"

#include <string>

#include <gtest/gtest.h>

namespace prd::server {
namespace {

// The examples of FIPS 180-4 (NIST's "Example Algorithms", SHA-256) and the million-'a' message.
TEST(Sha256, FipsTestVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),  // 448 bits
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnop"
                         "qrsmnopqrstnopqrstu"),  // 896 bits
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, EveryPaddingLengthAroundABlockBoundary) {
    // 55, 56 and 64 bytes are where the length stops fitting in the last block.
    EXPECT_EQ(sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, AStoredTokenHashStillMatchesItsSecret) {
    // A token secret as make_token writes them, and the hash the store keeps for it.
    EXPECT_EQ(sha256_hex("prd_0123456789abcdef0123456789abcdef0123456789abcdef"),
              "e13ee0f4f46fbb4d40264bd4b92f092c9d77fc8910bf1317315830e988eab10d");
    const auto digest = sha256("abc");
    EXPECT_EQ(digest.size(), 32u);
    EXPECT_EQ(digest[0], 0xba);
    EXPECT_EQ(digest[31], 0xad);
}

}  // namespace
}  // namespace prd::server
