#include "api/about.hpp"

namespace prd::server {

nlohmann::json about_json() {
    struct Source {
        const char* id;
        const char* name;
        const char* url;
        const char* licence;
        const char* attribution;
        const char* used_for;
    };
    static const Source sources[] = {
        {"seed-article", "Decentralization initiative press centre (decentralization.ua)",
         "https://decentralization.ua", "facts reported in the press", "Пресцентр ініціативи «Децентралізація»",
         "the agreements signed at the Kyiv Investment Forum-2022"},
        {"ua-hromadas", "KSE Institute, KSE-Loc-Data-Hub", "https://github.com/kse-ua/KSE-Loc-Data-Hub",
         "MIT; OpenStreetMap-derived fields ODbL 1.0",
         "Hromada data: KSE Institute, KSE-Loc-Data-Hub (MIT), built from State Statistics Service of Ukraine, "
         "KATOTTG and © OpenStreetMap contributors (ODbL)",
         "hromadas: codes, types, centres, coordinates, area, population 2022, frontline indicators"},
        {"ua-katottg", "Кодифікатор адміністративно-територіальних одиниць (КАТОТТГ), редакція 16.05.2025",
         "https://data.gov.ua", "official document, open data",
         "Кодифікатор адміністративно-територіальних одиниць та територій територіальних громад (КАТОТТГ), "
         "Мінрозвитку України, редакція 16.05.2025",
         "checking every code; oblast and raion names"},
        {"ua-hromadas-ocha-names", "OCHA Ukraine COD-AB / SSPE Kartographia, via KSE-Loc-Data-Hub",
         "https://creativecommons.org/licenses/by/3.0/igo/", "CC BY-IGO 3.0",
         "Hromada names: OCHA Ukraine COD-AB / SSPE Kartographia (CC BY-IGO 3.0), via KSE-Loc-Data-Hub",
         "English names of hromadas"},
        {"ua-hromada-cooperation", "Register of agreements on cooperation of territorial communities",
         "https://github.com/kse-ua/KSE-Loc-Data-Hub", "MIT; open data of Minregion (data.gov.ua)",
         "Cooperation agreements: Register of agreements on cooperation of territorial communities (Minregion / "
         "data.gov.ua), processed by KSE Institute, KSE-Loc-Data-Hub (MIT)",
         "inter-municipal cooperation agreements"},
        {"geonames", "GeoNames cities15000", "https://www.geonames.org/", "CC BY 4.0",
         "GeoNames (https://www.geonames.org/), CC BY 4.0",
         "foreign municipalities: ids, names, other spellings, coordinates, population; spellings of Ukrainian cities"},
        {"geonames-localized-names", "GeoNames names by language (the catalogues of Debian's libgeonames-common 0.3.0)",
         "https://www.geonames.org/", "CC BY 4.0", "GeoNames (https://www.geonames.org/), CC BY 4.0",
         "foreign municipalities' names in their own language, in Ukrainian and in English"},
        {"twin-towns-wikidata", "Wikidata P190 sister-city pairs (2017 extract)",
         "https://github.com/rogorido/sistercities", "CC0 1.0",
         "Sister-city pairs: Wikidata (CC0), property P190, extracted 2017 by Igor Sosa Mayor "
         "(github.com/rogorido/sistercities)",
         "twinnings"},
        {"twin-towns-wikipedia", "Wikipedia lists of twin towns and sister cities",
         "https://github.com/Hekman/twincities",
         "CC BY-SA 4.0 (Wikipedia); MIT (compilation); ODbL 1.0 (OpenStreetMap coordinates)",
         "Twin-town pairs: Wikipedia contributors, 'List of twin towns and sister cities' (CC BY-SA 4.0), compiled by "
         "Erik Hekman (github.com/Hekman/twincities, MIT); coordinates via Wikipedia and © OpenStreetMap contributors",
         "twinnings of Ukrainian communities"},
        {"natural-earth", "Natural Earth 1:110m countries (Crimea drawn as part of Ukraine)", "https://www.naturalearthdata.com/",
         "public domain", "Made with Natural Earth", "distances to the border and country checks (shared/seed/outlines.json)"},
        {"natural-earth-50m",
         "Natural Earth 1:50m countries 4.1.0 via world-atlas 2.0.2 (Crimea drawn as part of Ukraine)",
         "https://www.naturalearthdata.com/", "public domain", "Made with Natural Earth",
         "the map's country outlines around Europe (shared/seed/map_outlines.json, GET /api/v1/map/outlines)"},
    };
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : sources)
        list.push_back({{"id", s.id}, {"name", s.name}, {"url", s.url}, {"licence", s.licence},
                        {"attribution", s.attribution}, {"used_for", s.used_for}});
    return {{"name", {{"uk", "Партнерство для відновлення та розвитку"}, {"en", "Partnership for Recovery and Development"}}},
            {"api_version", 1},
            {"sources", list}};
}

}  // namespace prd::server
