#include "i18n/translit.hpp"

#include <utility>

#include <gtest/gtest.h>

namespace prd {
namespace {

// The examples printed in the resolution itself (CMU No. 55 of 27 January 2010), plus a few
// place names everyone checks first.
const std::pair<const char*, const char*> k_official_examples[] = {
    {"Алушта", "Alushta"},         {"Андрій", "Andrii"},           {"Борщагівка", "Borshchahivka"},
    {"Борисенко", "Borysenko"},    {"Вінниця", "Vinnytsia"},       {"Володимир", "Volodymyr"},
    {"Гадяч", "Hadiach"},          {"Богдан", "Bohdan"},           {"Згурський", "Zghurskyi"},
    {"Ґалаґан", "Galagan"},        {"Ґорґани", "Gorgany"},         {"Донецьк", "Donetsk"},
    {"Дмитро", "Dmytro"},          {"Рівне", "Rivne"},             {"Олег", "Oleh"},
    {"Есмань", "Esman"},           {"Єнакієве", "Yenakiieve"},     {"Гаєвич", "Haievych"},
    {"Короп'є", "Koropie"},        {"Житомир", "Zhytomyr"},        {"Жанна", "Zhanna"},
    {"Жежелів", "Zhezheliv"},      {"Закарпаття", "Zakarpattia"},  {"Казимирчук", "Kazymyrchuk"},
    {"Медвин", "Medvyn"},          {"Михайленко", "Mykhailenko"},  {"Іванків", "Ivankiv"},
    {"Іващенко", "Ivashchenko"},   {"Їжакевич", "Yizhakevych"},    {"Кадиївка", "Kadyivka"},
    {"Мар'їне", "Marine"},         {"Йосипівка", "Yosypivka"},     {"Стрий", "Stryi"},
    {"Олексій", "Oleksii"},        {"Київ", "Kyiv"},               {"Коваленко", "Kovalenko"},
    {"Лебедин", "Lebedyn"},        {"Леонід", "Leonid"},           {"Миколаїв", "Mykolaiv"},
    {"Маринич", "Marynych"},       {"Ніжин", "Nizhyn"},            {"Наталія", "Nataliia"},
    {"Одеса", "Odesa"},            {"Онищенко", "Onyshchenko"},    {"Полтава", "Poltava"},
    {"Петро", "Petro"},            {"Решетилівка", "Reshetylivka"}, {"Рибчинський", "Rybchynskyi"},
    {"Суми", "Sumy"},              {"Соломія", "Solomiia"},        {"Тернопіль", "Ternopil"},
    {"Троць", "Trots"},            {"Ужгород", "Uzhhorod"},        {"Уляна", "Uliana"},
    {"Фастів", "Fastiv"},          {"Філіпчук", "Filipchuk"},      {"Харків", "Kharkiv"},
    {"Христина", "Khrystyna"},     {"Біла Церква", "Bila Tserkva"}, {"Стеценко", "Stetsenko"},
    {"Чернівці", "Chernivtsi"},    {"Шевченко", "Shevchenko"},     {"Шостка", "Shostka"},
    {"Кишеньки", "Kyshenky"},      {"Щербухи", "Shcherbukhy"},     {"Гоща", "Hoshcha"},
    {"Гаращенко", "Harashchenko"}, {"Юрій", "Yurii"},              {"Корюківка", "Koriukivka"},
    {"Яготин", "Yahotyn"},         {"Ярошенко", "Yaroshenko"},     {"Костянтин", "Kostiantyn"},
    {"Знам'янка", "Znamianka"},    {"Феодосія", "Feodosiia"},      {"Запоріжжя", "Zaporizhzhia"},
    {"Львів", "Lviv"},             {"Дніпро", "Dnipro"},           {"Кропивницький", "Kropyvnytskyi"},
    {"Згурівка", "Zghurivka"},
};

TEST(Translit, OfficialExamples) {
    for (const auto& [ukrainian, latin] : k_official_examples) {
        EXPECT_EQ(transliterate_uk(ukrainian), latin) << ukrainian;
    }
}

TEST(Translit, EveryKindOfApostropheInsideAWordIsDropped) {
    EXPECT_EQ(transliterate_uk("Знам’янка"), "Znamianka");  // U+2019
    EXPECT_EQ(transliterate_uk("Знамʼянка"), "Znamianka");  // U+02BC, the orthographic one
    EXPECT_EQ(transliterate_uk("'Київ'"), "'Kyiv'");         // quote marks around a word stay
}

TEST(Translit, WordsStartAfterAnyNonLetter) {
    EXPECT_EQ(transliterate_uk("Нова Ушиця, Южне"), "Nova Ushytsia, Yuzhne");
    EXPECT_EQ(transliterate_uk("м.Яготин"), "m.Yahotyn");
    EXPECT_EQ(transliterate_uk("Кам'янець-Подільський"), "Kamianets-Podilskyi");
    EXPECT_EQ(transliterate_uk("5-й"), "5-y");
    EXPECT_EQ(transliterate_uk("їжак"), "yizhak");
    EXPECT_EQ(transliterate_uk("яблуко"), "yabluko");
}

TEST(Translit, CapitalsKeepTheirCase) {
    EXPECT_EQ(transliterate_uk("Щастя"), "Shchastia");
    EXPECT_EQ(transliterate_uk("ЩАСТЯ"), "SHCHASTIA");
    EXPECT_EQ(transliterate_uk("ЖИТОМИР"), "ZHYTOMYR");
    EXPECT_EQ(transliterate_uk("ЄНАКІЄВЕ"), "YENAKIIEVE");
    EXPECT_EQ(transliterate_uk("ЗАПОРІЖЖЯ"), "ZAPORIZHZHIA");
    EXPECT_EQ(transliterate_uk("ЗГУРІВКА"), "ZGHURIVKA");
    EXPECT_EQ(transliterate_uk("КИЇВ ТА ЛЬВІВ"), "KYIV TA LVIV");
    EXPECT_EQ(transliterate_uk("Ж"), "Zh");
}

TEST(Translit, OtherTextPassesThrough) {
    EXPECT_EQ(transliterate_uk("Poznań, München 2022"), "Poznań, München 2022");
    EXPECT_EQ(transliterate_uk(""), "");
    EXPECT_EQ(transliterate_uk("Kyiv — Київ"), "Kyiv — Kyiv");
    EXPECT_EQ(transliterate_uk("ёыэъ"), "ёыэъ");  // Russian-only letters are not Ukrainian
}

TEST(Translit, IllFormedUtf8BecomesReplacementCharacters) {
    EXPECT_EQ(transliterate_uk(std::string("a\xff") + "б"), "a\uFFFDb");
    EXPECT_EQ(transliterate_uk("\xC0\xAF"), "\uFFFD\uFFFD");                    // an overlong '/', one U+FFFD per byte
    EXPECT_EQ(transliterate_uk("Київ\xED\xA0\x80"), "Kyiv\uFFFD\uFFFD\uFFFD");  // a surrogate
}

}  // namespace
}  // namespace prd
