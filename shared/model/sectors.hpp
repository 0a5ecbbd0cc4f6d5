#pragma once
// The one fixed taxonomy of cooperation areas, with Ukrainian and English labels.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace prd {

enum class Sector {
    reconstruction_housing,
    urban_development,
    energy,
    water,
    transport,
    healthcare,
    education,
    social_services,
    veterans,
    economy_investment,
    digitalization,
    culture,
    youth_sport,
    environment,
    humanitarian_aid,
    civil_protection,
    administrative_capacity,
    agriculture,
    tourism,
};

struct SectorInfo {
    Sector sector;
    std::string_view code;  ///< the JSON form, e.g. "urban_development"
    std::string_view uk;
    std::string_view en;
};

/// Every sector, in the order above.
std::span<const SectorInfo> all_sectors();
const SectorInfo& sector_info(Sector sector);
/// The sector with this JSON code, or nothing when the code is unknown.
std::optional<Sector> sector_from_code(std::string_view code);
/// The label for people, in Ukrainian ("uk") or English (anything else).
std::string_view sector_label(Sector sector, std::string_view lang);
/// The label as it reads mid-sentence: its first letter in lower case ("енергетика", "energy").
std::string sector_label_in_sentence(Sector sector, std::string_view lang);

}  // namespace prd
