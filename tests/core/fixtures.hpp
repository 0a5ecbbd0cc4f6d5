#pragma once
// Valid records shared by the core tests; each test changes one thing and checks what follows.
// And the committed default registry, for tests that check real records.

#include <fstream>
#include <sstream>

#include "model/types.hpp"
#include "registry/registry.hpp"

namespace prd::test {

// The committed default registry: real records, read once per test binary.
inline const Registry& default_registry() {
    static const Registry registry = [] {
        std::ifstream file(PRD_SOURCE_DIR "/shared/seed/default_registry.json");
        std::stringstream text;
        text << file.rdbuf();
        return Registry::from_snapshot(snapshot_from_json(nlohmann::json::parse(text.str())));
    }();
    return registry;
}

inline Municipality kyiv() {
    Municipality m;
    m.id = "UA80000000000093317";
    m.kind = MunicipalityKind::special_status_city;
    m.country = "UA";
    m.names = {"Київ", "Kyiv", "Київ"};
    m.aliases = {"Kiev"};
    m.location = GeoPoint{50.45, 30.5236};
    m.population = 2952301;
    m.area_km2 = 839;
    m.needs = {{Sector::reconstruction_housing, 1, "damaged blocks"}, {Sector::energy, 2, ""}};
    m.offers = {{Sector::digitalization, 1, "Kyiv Digital"}};
    m.contacts.website = "https://kyivcity.gov.ua";
    m.contacts.email = "international@kyivcity.gov.ua";
    m.languages = {"uk"};
    m.verified = true;
    return m;
}

inline Municipality lviv() {
    Municipality m;
    m.id = "UA46060250000025047";
    m.kind = MunicipalityKind::city_hromada;
    m.country = "UA";
    m.region = "Львівська область";
    m.district = "Львівський район";
    m.names = {"Львівська", "Lviv", ""};
    return m;
}

inline Municipality foreign(const std::string& id, const std::string& en) {
    Municipality m;
    m.id = id;
    m.kind = MunicipalityKind::foreign_municipality;
    m.country = id.substr(0, 2);
    m.names.en = en;
    return m;
}

inline Municipality poznan() {
    Municipality m = foreign("PL-3088171", "Poznan");
    m.names.native = "Poznań";
    m.languages = {"pl"};
    return m;
}

inline Municipality dublin() { return foreign("IE-2964574", "Dublin"); }

inline Partnership kyiv_dublin() {
    Partnership p;
    p.id = "kyiv-dublin-2022";
    p.kind = PartnershipKind::twinning;
    p.parties = {{"UA80000000000093317", ""}, {"IE-2964574", ""}};
    p.title = {"Побратимство Києва і Дубліна", "Kyiv-Dublin twinning"};
    p.signed_on = "2022-11-28";
    p.place = "Brussels";
    p.areas = {Sector::urban_development, Sector::culture};
    return p;
}

inline Partnership greater_kyiv_declaration() {
    Partnership p;
    p.id = "greater-kyiv-declaration";
    p.kind = PartnershipKind::joint_declaration;
    p.parties = {{"UA80000000000093317", "2022-11-28"}, {"PL-3088171", "2022-11-28"}, {"IE-2964574", "2023-03-01"}};
    p.title.en = "Declaration on the reconstruction of the capital region";
    p.open_to_join = true;
    return p;
}

inline Proposal lviv_to_poznan() {
    Proposal p;
    p.id = "3f2b8c1e-6a7d-4e21-9b0c-1d2e3f4a5b6c";
    p.from = "UA46060250000025047";
    p.to = "PL-3088171";
    p.kind = PartnershipKind::memorandum;
    p.areas = {Sector::energy};
    p.sections["introduction"] = {"Львів пропонує співпрацю", "Lviv proposes cooperation", ""};
    return p;
}

inline Announcement forum_announcement() {
    Announcement a;
    a.id = "kyiv-investment-forum-2022";
    a.date = "2022-11-28";
    a.title = {"Київський інвестиційний форум", "Kyiv Investment Forum"};
    a.tags = {"forum"};
    a.links = {{"partnership", "kyiv-dublin-2022"}};
    return a;
}

}  // namespace prd::test
