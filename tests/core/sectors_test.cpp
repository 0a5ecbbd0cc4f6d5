#include "model/sectors.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace prd {
namespace {

TEST(Sectors, EveryAreaOfCooperationIsListedOnceWithBothLabels) {
    EXPECT_EQ(all_sectors().size(), 19u);
    std::set<std::string_view> codes, uk, en;
    for (const SectorInfo& info : all_sectors()) {
        EXPECT_FALSE(info.uk.empty()) << info.code;
        EXPECT_FALSE(info.en.empty()) << info.code;
        codes.insert(info.code);
        uk.insert(info.uk);
        en.insert(info.en);
    }
    EXPECT_EQ(codes.size(), 19u);
    EXPECT_EQ(uk.size(), 19u);
    EXPECT_EQ(en.size(), 19u);
}

TEST(Sectors, CodesAreTheEnumNamesAndReadBack) {
    EXPECT_EQ(sector_info(Sector::reconstruction_housing).code, "reconstruction_housing");
    EXPECT_EQ(sector_info(Sector::civil_protection).code, "civil_protection");
    for (const SectorInfo& info : all_sectors()) {
        ASSERT_TRUE(sector_from_code(info.code).has_value()) << info.code;
        EXPECT_EQ(*sector_from_code(info.code), info.sector);
        EXPECT_EQ(sector_info(info.sector).code, info.code);
    }
}

TEST(Sectors, UnknownCodeIsNothing) {
    EXPECT_FALSE(sector_from_code("mining").has_value());
    EXPECT_FALSE(sector_from_code("").has_value());
    EXPECT_FALSE(sector_from_code("Energy").has_value());
}

TEST(Sectors, LabelsReadWellInUkrainianAndEnglish) {
    EXPECT_EQ(sector_info(Sector::reconstruction_housing).uk, "Відбудова та житло");
    EXPECT_EQ(sector_info(Sector::reconstruction_housing).en, "Reconstruction and housing");
    EXPECT_EQ(sector_info(Sector::digitalization).uk, "Цифровізація та е-врядування");
    EXPECT_EQ(sector_info(Sector::civil_protection).en, "Civil protection and demining");
    EXPECT_EQ(sector_info(Sector::humanitarian_aid).uk, "Гуманітарна та технічна допомога");
    EXPECT_EQ(sector_info(Sector::veterans).en, "Veterans' policy");
    EXPECT_EQ(sector_label(Sector::veterans, "uk"), "Ветеранська політика");
    EXPECT_EQ(sector_label(Sector::veterans, "en"), "Veterans' policy");
    EXPECT_EQ(sector_label(Sector::veterans, "de"), "Veterans' policy");
}

TEST(Sectors, LabelsMidSentenceStartInLowerCase) {
    EXPECT_EQ(sector_label_in_sentence(Sector::veterans, "uk"), "ветеранська політика");
    EXPECT_EQ(sector_label_in_sentence(Sector::veterans, "en"), "veterans' policy");
    EXPECT_EQ(sector_label_in_sentence(Sector::energy, "uk"), "енергетика та енергоефективність");
}

}  // namespace
}  // namespace prd
