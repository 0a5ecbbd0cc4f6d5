#include "app/text_order.hpp"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

namespace prd::web {
namespace {

TEST(TextOrder, UkrainianAlphabetOrder) {
    std::vector<std::string> names = {"Ірпінь", "Ґорґани", "Гадяч", "Євпаторія", "Ельбрус", "Житомир"};
    std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return sort_key(a) < sort_key(b); });
    EXPECT_EQ(names, (std::vector<std::string>{"Гадяч", "Ґорґани", "Ельбрус", "Євпаторія", "Житомир", "Ірпінь"}));
}

TEST(TextOrder, DecodesWithTheCoresDecoder) {
    // Ill-formed bytes are U+FFFD, one per maximal subpart: an overlong '/' is two of them, not '/'.
    EXPECT_EQ(sort_key("\xC0\xAF"), U"\uFFFD\uFFFD");
    EXPECT_EQ(sort_key("a\xED\xA0\x80"
                       "b"),
              U"a\uFFFD\uFFFD\uFFFDb");
    EXPECT_EQ(sort_key("\xE2\x82"), U"\uFFFD");
    EXPECT_EQ(sort_key("ABC"), sort_key("abc"));
}

}  // namespace
}  // namespace prd::web
