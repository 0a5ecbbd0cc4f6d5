#include "export/municipalities_csv.hpp"

#include <nlohmann/json.hpp>

#include "import/csv.hpp"
#include "model/json_codec.hpp"

namespace prd::server {

using import::csv_text_cell;

void write_municipalities_csv(const Registry& registry, std::ostream& out) {
    out << "id,kind,country,region,district,name_uk,name_en,name_native,population,area_km2,lat,lon,partnerships\n";
    for (const auto& [id, m] : registry.municipalities()) {
        out << csv_text_cell(id) << ',' << to_string(m.kind) << ',' << csv_text_cell(m.country) << ','
            << csv_text_cell(m.region) << ',' << csv_text_cell(m.district) << ',' << csv_text_cell(m.names.uk) << ','
            << csv_text_cell(m.names.en) << ',' << csv_text_cell(m.names.native) << ','
            << (m.population ? std::to_string(*m.population) : "") << ','
            << (m.area_km2 ? nlohmann::json(*m.area_km2).dump() : "") << ','
            << (m.location ? nlohmann::json(m.location->lat).dump() : "") << ','
            << (m.location ? nlohmann::json(m.location->lon).dump() : "") << ',' << registry.partnerships_of(id).size()
            << '\n';
    }
}

}  // namespace prd::server
