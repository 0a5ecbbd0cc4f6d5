// The sector table. Codes are part of the public data format: never rename one, only add.

#include "model/sectors.hpp"

#include <array>

#include "i18n/utf8.hpp"

namespace prd {
namespace {

constexpr std::array<SectorInfo, 19> k_sectors{{
    {Sector::reconstruction_housing, "reconstruction_housing", "Відбудова та житло", "Reconstruction and housing"},
    {Sector::urban_development, "urban_development", "Містобудування та розвиток міст", "Urban development"},
    {Sector::energy, "energy", "Енергетика та енергоефективність", "Energy and energy efficiency"},
    {Sector::water, "water", "Водопостачання та водовідведення", "Water supply and sanitation"},
    {Sector::transport, "transport", "Транспорт та інфраструктура", "Transport and infrastructure"},
    {Sector::healthcare, "healthcare", "Охорона здоров'я", "Healthcare"},
    {Sector::education, "education", "Освіта", "Education"},
    {Sector::social_services, "social_services", "Соціальні послуги", "Social services"},
    {Sector::veterans, "veterans", "Ветеранська політика", "Veterans' policy"},
    {Sector::economy_investment, "economy_investment", "Економіка та інвестиції", "Economy and investment"},
    {Sector::digitalization, "digitalization", "Цифровізація та е-врядування", "Digitalization and e-governance"},
    {Sector::culture, "culture", "Культура", "Culture"},
    {Sector::youth_sport, "youth_sport", "Молодь і спорт", "Youth and sport"},
    {Sector::environment, "environment", "Довкілля", "Environment"},
    {Sector::humanitarian_aid, "humanitarian_aid", "Гуманітарна та технічна допомога", "Humanitarian and technical assistance"},
    {Sector::civil_protection, "civil_protection", "Цивільний захист і розмінування", "Civil protection and demining"},
    {Sector::administrative_capacity, "administrative_capacity", "Адміністративна спроможність", "Administrative capacity"},
    {Sector::agriculture, "agriculture", "Сільське господарство", "Agriculture"},
    {Sector::tourism, "tourism", "Туризм", "Tourism"},
}};

// The table is indexed by the enum's value; this catches an enum edit that forgets the table.
constexpr bool table_matches_enum() {
    for (std::size_t i = 0; i < k_sectors.size(); ++i) {
        if (static_cast<std::size_t>(k_sectors[i].sector) != i) return false;
    }
    return static_cast<std::size_t>(Sector::tourism) + 1 == k_sectors.size();
}
static_assert(table_matches_enum(), "k_sectors must list every Sector in enum order");

}  // namespace

std::span<const SectorInfo> all_sectors() { return k_sectors; }

const SectorInfo& sector_info(Sector sector) { return k_sectors.at(static_cast<std::size_t>(sector)); }

std::optional<Sector> sector_from_code(std::string_view code) {
    for (const SectorInfo& info : k_sectors) {
        if (info.code == code) return info.sector;
    }
    return std::nullopt;
}

std::string_view sector_label(Sector sector, std::string_view lang) {
    const SectorInfo& info = sector_info(sector);
    return lang == "uk" ? info.uk : info.en;
}

std::string sector_label_in_sentence(Sector sector, std::string_view lang) {
    const std::string_view label = sector_label(sector, lang);
    if (label.empty()) return {};
    std::size_t rest = 0;
    char32_t first = utf8::next(label, rest);
    // The labels start with an ASCII or a Ukrainian capital.
    if ((first >= U'A' && first <= U'Z') || (first >= 0x410 && first <= 0x42F))
        first += 0x20;
    else if (first >= 0x400 && first <= 0x40F)
        first += 0x50;  // Є І Ї
    else if (first == 0x490)
        first = 0x491;  // Ґ
    std::string out;
    utf8::append(out, first);
    out += label.substr(rest);
    return out;
}

}  // namespace prd
