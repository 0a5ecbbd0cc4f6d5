#pragma once
// `partnership import all`: the default registry rebuilt from the public datasets and the seed,
// and the file format it is committed in (the snapshot format, one record per line, so a change
// to one record is a one-line diff).

#include <string>
#include <vector>

#include "import/draft.hpp"
#include "import/outlines.hpp"
#include "import/report.hpp"
#include "registry/registry.hpp"

namespace prd::import {

/// The files `import all` reads, relative to the data folder (../shared/data).
struct DataFiles {
    std::string katottg;  ///< the one ua-katottg/kodifikator-*.csv found
    std::string hromadas = "ua-hromadas/full_dataset.csv";
    std::string ocha_names = "ua-hromadas-ocha-names/hromadas_adm3_ocha.csv";
    std::string geonames = "geonames-cities15000/cities15000.txt";
    std::string country_info = "geonames-cities15000/countryInfo.tsv";
    std::string twin_towns_wikidata = "twin-towns-wikidata-eu/sistercities_wikidata_eu25.tsv";
    std::string twin_towns_wikipedia = "twin-towns-wikipedia/twin_cities.csv";
    std::string cooperation = "ua-hromada-cooperation/partnerships-all-settlements.csv";
    std::string outlines = "natural-earth-110m/ne_110m_admin_0_countries_crimea_ua.geojson";
    std::string localized_names = "geonames-localized-names";  ///< a folder of <language>.mo catalogues
};

/// The files under `data_dir`. Throws std::runtime_error naming the first one missing.
DataFiles find_data_files(const std::string& data_dir);

/// The whole text of a file. Throws std::runtime_error naming the path when it cannot be read.
std::string read_text_file(const std::string& path);

struct BuildResult {
    Snapshot snapshot;
    Outlines outlines;
    std::vector<ImportReport> reports;  ///< one per step, in the order they ran
};

/// Every importer in order (codifier, hromadas, OCHA names, GeoNames, both twin-town lists,
/// cooperation register, outlines) on top of the seed, then every record validated; a record
/// that fails validation is left out and reported. Deterministic: same files, same result.
BuildResult build_default_registry(const std::string& data_dir, const Snapshot& seed, const ImportOptions& options = {});

/// The snapshot in its public JSON format, keys in a fixed order and one record per line.
std::string write_registry(const Snapshot& snapshot);

}  // namespace prd::import
