#include "import/mo_catalog.hpp"

#include <gtest/gtest.h>

#include "mo_builder.hpp"

namespace prd::import {
namespace {

using test::make_mo;

const test::Messages k_sample = {
    {"", "Content-Type: text/plain; charset=UTF-8\n"},
    {"2867714", "München"},
    {"756135", "Warszawa"},
    {"3088171", "Poznań"},
};

// The error a parse throws, or "" when it does not.
std::string error_of(const std::string& bytes) {
    try {
        MoCatalog::parse(bytes);
    } catch (const MoError& e) {
        return e.what();
    }
    return "";
}

TEST(MoCatalog, ReadsAHandMadeCatalogueInEitherByteOrder) {
    for (const bool big_endian : {false, true}) {
        const MoCatalog catalogue = MoCatalog::parse(make_mo(k_sample, big_endian));
        EXPECT_EQ(catalogue.size(), 3u);
        ASSERT_NE(catalogue.find("2867714"), nullptr);
        EXPECT_EQ(*catalogue.find("2867714"), "München");
        EXPECT_EQ(*catalogue.find("3088171"), "Poznań");
        EXPECT_EQ(catalogue.find("703448"), nullptr);
        EXPECT_EQ(catalogue.header(), "Content-Type: text/plain; charset=UTF-8\n");
    }
}

TEST(MoCatalog, AnEmptyCatalogueAndAnEmptyTranslation) {
    EXPECT_EQ(MoCatalog::parse(make_mo({})).size(), 0u);
    const MoCatalog catalogue = MoCatalog::parse(make_mo({{"1", ""}}));
    EXPECT_EQ(catalogue.find("1"), nullptr) << "an untranslated message has no translation";
}

TEST(MoCatalog, APluralEntryGivesItsFirstForm) {
    const MoCatalog catalogue =
        MoCatalog::parse(make_mo({{std::string("city\0cities", 11), std::string("місто\0міста", 21)}}));
    ASSERT_NE(catalogue.find("city"), nullptr);
    EXPECT_EQ(*catalogue.find("city"), "місто");
}

TEST(MoCatalog, RefusesTruncatedFiles) {
    const std::string whole = make_mo(k_sample);
    EXPECT_NE(error_of("").find("fewer than the 28-byte header"), std::string::npos);
    EXPECT_NE(error_of(whole.substr(0, 27)).find("fewer than the 28-byte header"), std::string::npos);
    EXPECT_NE(error_of(whole.substr(0, 40)).find("table of message ids"), std::string::npos);
    // Cut inside the strings: the last translation's bytes lie past the end.
    EXPECT_NE(error_of(whole.substr(0, whole.size() - 3)).find("past the end"), std::string::npos);
    // Every shorter prefix is refused, none is read out of bounds (ASan watches).
    for (std::size_t size = 0; size < whole.size(); ++size)
        EXPECT_FALSE(error_of(whole.substr(0, size)).empty()) << size;
}

TEST(MoCatalog, RefusesABadMagicNumber) {
    std::string bytes = make_mo(k_sample);
    bytes[0] = 'X';
    EXPECT_NE(error_of(bytes).find("magic number"), std::string::npos) << error_of(bytes);
    EXPECT_NE(error_of(std::string(64, '\0')).find("0x00000000, not 0x950412de"), std::string::npos);
}

TEST(MoCatalog, RefusesAnUnknownMajorRevision) {
    std::string bytes = make_mo(k_sample);
    bytes[6] = 2;  // revision 0x00020000: major 2
    EXPECT_NE(error_of(bytes).find("major revision 2"), std::string::npos) << error_of(bytes);
}

TEST(MoCatalog, RefusesOffsetsAndCountsPastTheEnd) {
    const auto set_word = [](std::string& bytes, std::size_t at, std::uint32_t value) {
        for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
    };
    std::string count = make_mo(k_sample);
    set_word(count, 8, 0x10000000);  // far more entries than the file holds
    EXPECT_NE(error_of(count).find("table of message ids"), std::string::npos) << error_of(count);
    std::string table = make_mo(k_sample);
    set_word(table, 16, 0xFFFFFFF0);  // the translations' table beyond 4 GB
    EXPECT_NE(error_of(table).find("table of translations"), std::string::npos) << error_of(table);
    std::string string_offset = make_mo(k_sample);
    set_word(string_offset, 28 + 8 + 4, 0xFFFFFFFF);  // message id 1's offset
    EXPECT_NE(error_of(string_offset).find("message id 1"), std::string::npos) << error_of(string_offset);
    std::string string_length = make_mo(k_sample);
    set_word(string_length, 28 + 8 * 4 + 8, 0xFFFFFFFF);  // translation 1's length
    EXPECT_NE(error_of(string_length).find("translation 1"), std::string::npos) << error_of(string_length);
}

TEST(MoCatalog, RefusesAStringWithoutItsNul) {
    std::string bytes = make_mo({{"1", "Kyiv"}});
    bytes.back() = 'x';  // the NUL after "Kyiv"
    EXPECT_NE(error_of(bytes).find("NUL"), std::string::npos) << error_of(bytes);
}

TEST(MoCatalog, RefusesATranslationThatIsNotUtf8) {
    const std::string error = error_of(make_mo({{"3094802", "Krak\xF3w"}}));  // Latin-1
    EXPECT_NE(error.find("not UTF-8"), std::string::npos) << error;
    EXPECT_NE(error.find("3094802"), std::string::npos) << error;
    EXPECT_FALSE(error_of(make_mo({{"1", "\xC0\xAF"}})).empty());  // an overlong '/'
}

TEST(MoCatalog, RefusesAnIdGivenTwice) {
    EXPECT_NE(error_of(make_mo({{"1", "a"}, {"1", "b"}})).find("given twice"), std::string::npos);
}

}  // namespace
}  // namespace prd::import
