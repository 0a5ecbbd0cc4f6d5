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
        {"seed-article", "Decentralization initiative press centre (decentralization.ua)", "https://decentralization.ua",
         "facts reported in the press", "Пресцентр ініціативи «Децентралізація»",
         "the agreements signed at the Kyiv Investment Forum-2022"},
        {"geonames", "GeoNames cities15000", "https://www.geonames.org/", "CC BY 4.0",
         "Data from GeoNames (geonames.org), licensed under CC BY 4.0",
         "foreign municipalities: ids, names, coordinates, population"},
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
