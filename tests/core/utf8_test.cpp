#include "i18n/utf8.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace prd::utf8 {
namespace {

// Every code point of the text as next() gives them.
std::u32string decode_all(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out += next(text, pos);
    return out;
}

std::u32string replacements(std::size_t n) { return std::u32string(n, k_replacement); }

TEST(Utf8, DecodesEachLengthUpToTheEdgesOfTheRanges) {
    struct Case {
        std::string bytes;
        char32_t value;
    };
    const std::vector<Case> cases = {
        {"A", U'A'},
        {"\x7F", 0x7F},
        {"\xC2\x80", 0x80},
        {"\xDF\xBF", 0x7FF},
        {"\xE0\xA0\x80", 0x800},
        {"\xED\x9F\xBF", 0xD7FF},  // just below the surrogates
        {"\xEE\x80\x80", 0xE000},  // just above them
        {"\xEF\xBF\xBF", 0xFFFF},
        {"\xF0\x90\x80\x80", 0x10000},
        {"\xF4\x8F\xBF\xBF", 0x10FFFF},
        {"Ї", U'Ї'},
        {"€", U'€'},
    };
    for (const Case& c : cases) {
        const Decoded decoded = decode(c.bytes, 0);
        EXPECT_TRUE(decoded.valid) << c.bytes;
        EXPECT_EQ(decoded.value, c.value) << c.bytes;
        EXPECT_EQ(decoded.size, c.bytes.size()) << c.bytes;
        EXPECT_TRUE(is_valid(c.bytes)) << c.bytes;
    }
}

// The Unicode standard's own examples (15.0, section 3.9, "U+FFFD Substitution of Maximal
// Subparts"): each ill-formed stretch becomes as many U+FFFD as the tables show.
TEST(Utf8, Table3_8NonShortestFormsAreOneReplacementPerByte) {
    EXPECT_EQ(decode_all("\xC0\xAF\xE0\x80\xBF\xF0\x81\x82\x41"), replacements(8) + U"A");
}

TEST(Utf8, Table3_9SurrogatesAreOneReplacementPerByte) {
    EXPECT_EQ(decode_all("\xED\xA0\x80\xED\xBF\xBF\xED\xAF\x41"), replacements(8) + U"A");
}

TEST(Utf8, Table3_10OtherIllFormedSequences) {
    EXPECT_EQ(decode_all("\xF4\x91\x92\x93\xFF\x41\x80\xBF\x42"), replacements(5) + U"A" + replacements(2) + U"B");
}

TEST(Utf8, Table3_11TruncatedSequencesAreOneReplacementEach) {
    EXPECT_EQ(decode_all("\xE1\x80\xE2\xF0\x91\x92\xF1\xBF\x41"), replacements(4) + U"A");
}

TEST(Utf8, RejectsEachKindOfIllFormedSequence) {
    struct Case {
        const char* what;
        std::string bytes;
        std::size_t replacements;  // how many U+FFFD the bytes decode to
        std::size_t first_size;    // how many bytes the first of them takes (its maximal subpart)
    };
    const std::vector<Case> cases = {
        {"overlong '/' in two bytes", "\xC0\xAF", 2, 1},
        {"overlong '/' in three bytes", "\xE0\x80\xAF", 3, 1},
        {"overlong '/' in four bytes", "\xF0\x80\x80\xAF", 4, 1},
        {"overlong U+007F", "\xC1\xBF", 2, 1},
        {"overlong U+07FF", "\xE0\x9F\xBF", 3, 1},
        {"overlong U+FFFF", "\xF0\x8F\xBF\xBF", 4, 1},
        {"high surrogate U+D800", "\xED\xA0\x80", 3, 1},
        {"low surrogate U+DFFF", "\xED\xBF\xBF", 3, 1},
        {"U+110000, beyond the last code point", "\xF4\x90\x80\x80", 4, 1},
        {"a five-byte form", "\xF8\x88\x80\x80\x80", 5, 1},
        {"truncated two-byte sequence", "\xD0", 1, 1},
        {"truncated three-byte sequence", "\xE2\x82", 1, 2},
        {"truncated four-byte sequence", "\xF0\x9F\x98", 1, 3},
        {"lone continuation byte 80", "\x80", 1, 1},
        {"lone continuation byte BF", "\xBF", 1, 1},
        {"two continuation bytes", "\x80\xBF", 2, 1},
        {"FE", "\xFE", 1, 1},
        {"FF", "\xFF", 1, 1},
        {"FE FF (a UTF-16 byte-order mark)", "\xFE\xFF", 2, 1},
    };
    for (const Case& c : cases) {
        const Decoded first = decode(c.bytes, 0);
        EXPECT_FALSE(first.valid) << c.what;
        EXPECT_EQ(first.value, k_replacement) << c.what;
        EXPECT_EQ(first.size, c.first_size) << c.what;
        EXPECT_EQ(decode_all(c.bytes), replacements(c.replacements)) << c.what;
        EXPECT_FALSE(is_valid(c.bytes)) << c.what;
        EXPECT_EQ(first_invalid("ok " + c.bytes), 3u) << c.what;
        EXPECT_EQ(length(c.bytes), c.replacements) << c.what;
    }
}

TEST(Utf8, AnIllFormedSequenceNeverSwallowsTheCharacterAfterIt) {
    EXPECT_EQ(decode_all("Lv\xC3iv"), U"Lv\uFFFDiv");
    EXPECT_EQ(decode_all("\xE2\x82"
                         "A"),
              U"\uFFFDA");
    EXPECT_EQ(decode_all("\xF0\x9F\x98"
                         "Київ"),
              U"\uFFFDКиїв");
}

TEST(Utf8, OverlongSlashIsNeverASlash) {
    EXPECT_EQ(decode_all("..\xC0\xAF..").find(U'/'), std::u32string::npos);
    EXPECT_EQ(sanitize("..\xC0\xAF.."), "..\uFFFD\uFFFD..");
}

TEST(Utf8, CountsCodePointsAsPeopleDo) {
    EXPECT_EQ(length(""), 0u);
    EXPECT_EQ(length("Київ"), 4u);
    EXPECT_EQ(length("Kraków €"), 8u);
    EXPECT_EQ(length("a\xF0\x9F\x98\x80"), 2u);
}

TEST(Utf8, FindsTheFirstIllFormedByte) {
    EXPECT_EQ(first_invalid(""), std::string_view::npos);
    EXPECT_EQ(first_invalid("Poznań, Київ"), std::string_view::npos);
    EXPECT_EQ(first_invalid("Poznań\xFF"), 7u);
}

TEST(Utf8, EncodesAndRoundTrips) {
    for (const char32_t c : {U'A', U'\u00E9', U'\u0407', U'\u20AC', U'\U0001F600', char32_t{0x10FFFF}}) {
        std::string bytes;
        append(bytes, c);
        EXPECT_TRUE(is_valid(bytes));
        EXPECT_EQ(decode_all(bytes), std::u32string(1, c));
    }
}

TEST(Utf8, NeverEncodesASurrogateOrBeyondU10FFFF) {
    for (const char32_t c : {char32_t{0xD800}, char32_t{0xDFFF}, char32_t{0x110000}, char32_t{0xFFFFFFFF}}) {
        std::string bytes;
        append(bytes, c);
        EXPECT_EQ(bytes, "\uFFFD");
    }
}

TEST(Utf8, SanitizeKeepsWellFormedTextAsItIs) {
    EXPECT_EQ(sanitize("Poznań, Київ"), "Poznań, Київ");
    EXPECT_EQ(sanitize("a\xED\xA0\x80z"), "a\uFFFD\uFFFD\uFFFDz");
    EXPECT_EQ(sanitize("\xE1\x80\xE2\xF0\x91\x92\xF1\xBF\x41"), "\uFFFD\uFFFD\uFFFD\uFFFDA");
}

}  // namespace
}  // namespace prd::utf8
