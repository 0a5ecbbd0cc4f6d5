// The `import all` pipeline and the one-record-per-line registry writer.

#include "import/build_registry.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "import/importers.hpp"
#include "model/json_codec.hpp"
#include "validation/validate.hpp"

namespace prd::import {
namespace {

std::string join(const std::string& dir, const std::string& file) { return (std::filesystem::path(dir) / file).string(); }

template <class Record>
void drop_invalid(std::map<std::string, Record>& records, const char* kind, ImportReport& report) {
    for (auto it = records.begin(); it != records.end();) {
        const ValidationErrors errors = validate(it->second);
        if (errors.empty()) {
            ++it;
            continue;
        }
        report.reject(0, std::string("invalid ") + kind + ": " + errors.front().message(), it->first);
        it = records.erase(it);
    }
}

// A partnership whose party is missing (left out above) cannot stay either.
void drop_dangling(RegistryDraft& draft, ImportReport& report) {
    for (auto it = draft.partnerships.begin(); it != draft.partnerships.end();) {
        bool dangling = false;
        for (const Party& party : it->second.parties) dangling = dangling || !draft.municipalities.count(party.municipality);
        if (!dangling) {
            ++it;
            continue;
        }
        report.reject(0, "partnership names a municipality the registry lacks", it->first);
        it = draft.partnerships.erase(it);
    }
}

}  // namespace

DataFiles find_data_files(const std::string& data_dir) {
    DataFiles files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(join(data_dir, "ua-katottg"), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("kodifikator-", 0) == 0 && entry.path().extension() == ".csv") {
            if (!files.katottg.empty()) throw std::runtime_error(data_dir + "/ua-katottg: more than one kodifikator-*.csv");
            files.katottg = "ua-katottg/" + name;
        }
    }
    if (files.katottg.empty()) throw std::runtime_error(data_dir + "/ua-katottg/kodifikator-*.csv: not found");
    for (const std::string* file : {&files.hromadas, &files.ocha_names, &files.geonames, &files.country_info,
                                    &files.twin_towns_wikidata, &files.twin_towns_wikipedia, &files.cooperation,
                                    &files.outlines}) {
        if (!std::filesystem::is_regular_file(join(data_dir, *file), ec)) {
            throw std::runtime_error(join(data_dir, *file) + ": not found");
        }
    }
    if (!std::filesystem::is_directory(join(data_dir, files.localized_names), ec)) {
        throw std::runtime_error(join(data_dir, files.localized_names) + ": not found");
    }
    return files;
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

BuildResult build_default_registry(const std::string& data_dir, const Snapshot& seed, const ImportOptions& options) {
    const DataFiles files = find_data_files(data_dir);
    const auto read = [&](const std::string& file) { return read_text_file(join(data_dir, file)); };
    BuildResult result;
    result.reports.reserve(16);  // step() hands out references into this vector
    const auto step = [&](const std::string& file) -> ImportReport& {
        result.reports.emplace_back();
        result.reports.back().file = file;
        return result.reports.back();
    };

    RegistryDraft draft = RegistryDraft::from_snapshot(seed);
    {
        ImportReport& report = step("seed_registry.json");
        report.source = "seed";
        report.rows_read = seed.municipalities.size() + seed.partnerships.size() + seed.announcements.size();
        report.records_made = report.rows_read;
    }
    Codifier codifier = import_katottg(read(files.katottg), step(files.katottg));
    import_hromadas(read(files.hromadas), codifier, draft, step(files.hromadas), options);
    import_ocha_names(read(files.ocha_names), draft, step(files.ocha_names));
    const std::string country_info = read(files.country_info);
    const LocalizedNames localized = read_localized_names(join(data_dir, files.localized_names));
    import_geonames(read(files.geonames), country_info, localized, draft, step(files.geonames), options);
    import_twin_towns_wikidata(read(files.twin_towns_wikidata), country_info, draft, step(files.twin_towns_wikidata),
                               options);
    import_twin_towns_wikipedia(read(files.twin_towns_wikipedia), country_info, draft,
                                step(files.twin_towns_wikipedia), options);
    import_cooperation(read(files.cooperation), draft, step(files.cooperation), options);
    result.outlines = import_outlines(read(files.outlines), step(files.outlines));

    ImportReport& checks = step("");
    checks.source = "checks";
    check_against_codifier(draft, codifier, checks);
    drop_invalid(draft.municipalities, "municipality", checks);
    drop_dangling(draft, checks);
    drop_invalid(draft.partnerships, "partnership", checks);
    checks.rows_read = draft.municipalities.size() + draft.partnerships.size();
    checks.notes.push_back(std::to_string(draft.municipalities.size()) + " municipalities and " +
                           std::to_string(draft.partnerships.size()) + " partnerships in the registry");

    draft.reserve.clear();
    draft.match_names.clear();
    draft.number_changed_records();
    result.snapshot = draft.to_snapshot();
    return result;
}

std::string write_registry(const Snapshot& snapshot) {
    const nlohmann::json json = to_json(snapshot);
    std::string out = "{";
    bool first = true;
    const auto write_key = [&](const std::string& key, const nlohmann::json& value) {
        out += first ? "" : ",";
        first = false;
        out += "\n" + nlohmann::json(key).dump() + ":";
        if (!value.is_array() || value.empty()) {
            out += value.dump();
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < value.size(); ++i) {
            out += value[i].dump();
            out += i + 1 < value.size() ? ",\n" : "\n";
        }
        out += "]";
    };
    static const char* const k_order[] = {"format", "version", "revision", "municipalities", "partnerships",
                                          "announcements"};
    for (const char* key : k_order) {
        if (json.contains(key)) write_key(key, json.at(key));
    }
    for (const auto& [key, value] : json.items()) {
        bool known = false;
        for (const char* k : k_order) known = known || key == k;
        if (!known) write_key(key, value);
    }
    out += "\n}\n";
    return out;
}

}  // namespace prd::import
