#include "i18n/latin_fold.hpp"

#include <utility>

#include <gtest/gtest.h>

#include "i18n/utf8.hpp"

namespace prd {
namespace {

TEST(LatinFold, LettersLoseTheirDiacritics) {
    const std::pair<char32_t, std::string_view> cases[] = {
        {U'A', "a"},
        {U'z', "z"},
        {U'Å', "a"},
        {U'ń', "n"},
        {U'Ł', "l"},
        {U'ø', "o"},
        {U'đ', "d"},
        {U'ı', "i"},
        {U'ș', "s"},
        {U'Ț', "t"},
        {U'ſ', "s"},
        // Letters that are two letters without their mark.
        {U'ß', "ss"},
        {U'ẞ', "ss"},
        {U'Æ', "ae"},
        {U'œ', "oe"},
        // The two the importers and search used to disagree on: one value now.
        {U'Þ', "th"},
        {U'þ', "th"},
        {U'Ĳ', "ij"},
        {U'ĳ', "ij"},
    };
    for (const auto& [letter, folded] : cases)
        EXPECT_EQ(fold_latin_letter(letter), folded) << static_cast<unsigned>(letter);
}

TEST(LatinFold, AnythingButALatinLetterHasNoFold) {
    for (const char32_t c : {U'1', U' ', U'/', U'×', U'÷', U'\u0301', U'Ж', U'東', utf8::k_replacement}) {
        EXPECT_EQ(fold_latin_letter(c), "") << static_cast<unsigned>(c);
    }
}

TEST(LatinFold, EveryLatin1AndExtendedALetterFoldsToLowerCaseAscii) {
    for (char32_t c = 0xC0; c <= 0x17F; ++c) {
        if (c == 0xD7 || c == 0xF7) continue;
        const std::string_view folded = fold_latin_letter(c);
        EXPECT_FALSE(folded.empty()) << static_cast<unsigned>(c);
        for (const char letter : folded) EXPECT_TRUE(letter >= 'a' && letter <= 'z') << static_cast<unsigned>(c);
    }
}

}  // namespace
}  // namespace prd
