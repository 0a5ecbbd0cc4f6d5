// partnership import / show: the data importers and a way to look at one municipality.
// The importers themselves live in the core (shared/import); this file reads files, picks the
// registry to work on, and prints reports.

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "import/build_registry.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"
#include "import/topojson_outlines.hpp"
#include "model/json_codec.hpp"
#include "seed/default_registry.hpp"

namespace prd::cli {
namespace {

using import::ImportReport;

constexpr const char* k_import_usage =
    "import SOURCE FILE... [--registry FILE] [--out FILE] [--json]\n"
    "       import all [--from DIR] [--out DIR] [--seed FILE] [--json]\n"
    "sources: hromadas FILE [KODIFIKATOR], ocha-names FILE, katottg FILE, geonames CITIES COUNTRYINFO "
    "[LOCALIZED_DIR],\n"
    "         twin-towns-wikidata FILE COUNTRYINFO, twin-towns-wikipedia FILE COUNTRYINFO,\n"
    "         cooperation FILE, outlines GEOJSON, map-outlines TOPOJSON";

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

// Written next to the target and renamed over it, so a crash never leaves half a file.
void write_file(const std::filesystem::path& path, const std::string& text) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error(temporary.string() + ": cannot be written");
        out << text;
        out.flush();
        if (!out) throw std::runtime_error(temporary.string() + ": cannot be written");
    }
    std::filesystem::rename(temporary, path);
}

Snapshot load_snapshot(const std::string& path) {
    if (path.empty()) return server::default_snapshot();
    return snapshot_from_json(nlohmann::json::parse(import::read_text_file(path)));
}

struct Parsed {
    std::vector<std::string> positional;
    std::string registry, out, from, seed;
    bool json = false;
};

/// The options of import (all of them) or show (--registry and --json).
Parsed parse(const char* command, const Args& args) {
    const bool importing = std::string_view(command) == "import";
    Parsed parsed;
    CommandParser parser(command);
    parser.add_option(importing ? "SOURCE" : "ID", parsed.positional,
                      importing ? "the source and its files, or all" : "the municipality's id or name");
    parser.add_option("--registry", parsed.registry, "the registry to read (default: the built-in one)");
    parser.add_flag("--json", parsed.json, "print JSON");
    if (importing) {
        parser.add_option("--out", parsed.out, "write the result to FILE (import all: to DIR)");
        parser.add_option("--from", parsed.from, "import all: the datasets' folder (default ../shared/data)");
        parser.add_option("--seed", parsed.seed, "import all: the seed registry (default OUT/seed_registry.json)");
    }
    parse_options(parser, args);
    return parsed;
}

void print_reports(const std::vector<ImportReport>& reports, bool json) {
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const ImportReport& report : reports) list.push_back(import::to_json(report));
        print(list.dump(1) + "\n");
        return;
    }
    for (const ImportReport& report : reports) print(import::format_report(report));
}

int import_all(const Parsed& parsed) {
    const std::string from = parsed.from.empty() ? "../shared/data" : parsed.from;
    const std::filesystem::path out = parsed.out.empty() ? "shared/seed" : parsed.out;
    const std::string seed_path = parsed.seed.empty() ? (out / "seed_registry.json").string() : parsed.seed;
    const Snapshot seed = snapshot_from_json(nlohmann::json::parse(import::read_text_file(seed_path)));
    import::BuildResult result = import::build_default_registry(from, seed);
    // Loading it as the server will is the last check: every reference resolves, every record is valid.
    Registry::from_snapshot(result.snapshot);
    const std::string registry = import::write_registry(result.snapshot);
    const std::string outlines = import::write_outlines(result.outlines);
    std::filesystem::create_directories(out);
    write_file(out / "default_registry.json", registry);
    write_file(out / "outlines.json", outlines);
    print_reports(result.reports, parsed.json);
    if (!parsed.json) {
        print("wrote " + (out / "default_registry.json").string() + " (" + std::to_string(registry.size()) +
              " bytes, " + std::to_string(result.snapshot.municipalities.size()) + " municipalities, " +
              std::to_string(result.snapshot.partnerships.size()) + " partnerships) and " +
              (out / "outlines.json").string() + " (" + std::to_string(outlines.size()) + " bytes)\n");
    }
    return 0;
}

}  // namespace

int import_command(const Args& args) {
    const Parsed parsed = parse("import", args);
    if (parsed.positional.empty()) throw UsageError(std::string("usage: partnership ") + k_import_usage);
    const std::string& source = parsed.positional[0];
    if (source == "all") {
        if (parsed.positional.size() != 1) throw UsageError("import all takes no files (use --from DIR)");
        return import_all(parsed);
    }
    const std::vector<std::string> files(parsed.positional.begin() + 1, parsed.positional.end());
    const auto need = [&](std::size_t least, std::size_t most, const char* what) {
        if (files.size() < least || files.size() > most) {
            throw UsageError("import " + source + " needs " + what);
        }
    };
    const auto text = [&](std::size_t i) { return import::read_text_file(files[i]); };

    ImportReport report;
    report.file = files.empty() ? "" : files[0];
    // outlines: Natural Earth 1:110m GeoJSON (also read by import all); map-outlines: world-atlas's
    // 1:50m TopoJSON (countries-50m.json), the map's finer outlines.
    if (source == "outlines" || source == "map-outlines") {
        const bool topojson = source == "map-outlines";
        need(1, 1, topojson ? "one TopoJSON file (world-atlas countries-50m.json)" : "one GeoJSON file");
        const import::Outlines outlines =
            topojson ? import::import_topojson_outlines(text(0), report) : import::import_outlines(text(0), report);
        print_reports({report}, parsed.json);
        if (parsed.out.empty()) return 0;
        const std::string written = import::write_outlines(outlines);
        write_file(parsed.out, written);
        std::size_t points = 0;
        for (const auto& country : outlines.countries)
            for (const auto& ring : country.rings) points += ring.size();
        if (!parsed.json) {
            print("wrote " + parsed.out + " (" + std::to_string(written.size()) + " bytes, " +
                  std::to_string(outlines.countries.size()) + " countries, " + std::to_string(points) + " points)\n");
        }
        return 0;
    }

    import::RegistryDraft draft = import::RegistryDraft::from_snapshot(load_snapshot(parsed.registry));
    if (source == "katottg") {
        need(1, 1, "the codifier file");
        const import::Codifier codifier = import::import_katottg(text(0), report);
        ImportReport check;
        check.source = "katottg check";
        import::check_against_codifier(draft, codifier, check);
        print_reports({report, check}, parsed.json);
        return check.rejected.empty() ? 0 : 1;
    }
    if (source == "hromadas") {
        need(1, 2, "the hromadas file and, optionally, the codifier");
        import::Codifier codifier;
        if (files.size() == 2) {
            ImportReport ignored;
            codifier = import::import_katottg(text(1), ignored);
        }
        import::import_hromadas(text(0), codifier, draft, report);
    } else if (source == "ocha-names") {
        need(1, 1, "the OCHA names file");
        import::import_ocha_names(text(0), draft, report);
    } else if (source == "geonames") {
        need(2, 3, "the cities file, countryInfo.tsv and, optionally, the folder of localized names");
        const import::LocalizedNames localized =
            files.size() == 3 ? import::read_localized_names(files[2]) : import::LocalizedNames{};
        import::import_geonames(text(0), text(1), localized, draft, report);
    } else if (source == "twin-towns-wikidata") {
        need(2, 2, "the pairs file and GeoNames' countryInfo.tsv");
        import::import_twin_towns_wikidata(text(0), text(1), draft, report);
    } else if (source == "twin-towns-wikipedia") {
        need(2, 2, "the pairs file and GeoNames' countryInfo.tsv");
        import::import_twin_towns_wikipedia(text(0), text(1), draft, report);
    } else if (source == "cooperation") {
        need(1, 1, "the register file");
        import::import_cooperation(text(0), draft, report);
    } else {
        throw UsageError("unknown source \"" + source + "\" (usage: partnership " + k_import_usage + ")");
    }
    draft.reserve.clear();
    draft.number_changed_records();
    const Snapshot snapshot = draft.to_snapshot();
    if (!parsed.out.empty()) {
        Registry::from_snapshot(snapshot);
        write_file(parsed.out, import::write_registry(snapshot));
    }
    print_reports({report}, parsed.json);
    if (parsed.out.empty() && !parsed.json) print("(dry run: give --out FILE to write the registry)\n");
    return 0;
}

namespace {

// The id itself, or the one municipality whose name, alias or centre folds to the text.
std::vector<const Municipality*> find_municipalities(const Registry& registry, const std::string& text) {
    if (const Municipality* m = registry.find_municipality(text)) return {m};
    const std::string folded = import::fold_name(text);
    std::vector<const Municipality*> found;
    for (const auto& [id, m] : registry.municipalities()) {
        bool hit = import::fold_name(m.names.uk) == folded || import::fold_name(m.names.en) == folded ||
                   import::fold_name(m.names.native) == folded;
        for (const std::string& alias : m.aliases) hit = hit || import::fold_name(alias) == folded;
        if (hit) found.push_back(&m);
    }
    return found;
}

std::string name_of(const Municipality& m) { return !m.names.en.empty() ? m.names.en : m.names.uk; }

}  // namespace

int show_command(const Args& args) {
    const char* usage = "show ID [--registry FILE] [--json]";
    const Parsed parsed = parse("show", args);
    if (parsed.positional.size() != 1) throw UsageError(std::string("usage: partnership ") + usage);
    const Registry registry = Registry::from_snapshot(load_snapshot(parsed.registry));
    const auto found = find_municipalities(registry, parsed.positional[0]);
    if (found.empty()) {
        std::fprintf(stderr, "partnership show: no municipality \"%s\"\n", parsed.positional[0].c_str());
        return 1;
    }
    if (found.size() > 1) {
        std::fprintf(stderr, "partnership show: \"%s\" names %zu municipalities; give one id:\n",
                     parsed.positional[0].c_str(), found.size());
        for (const Municipality* m : found) std::fprintf(stderr, "  %s  %s\n", m->id.c_str(), name_of(*m).c_str());
        return 1;
    }
    const Municipality& m = *found.front();
    const auto partnerships = registry.partnerships_of(m.id);
    if (parsed.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const Partnership* p : partnerships) list.push_back(to_json(*p));
        print(nlohmann::json({{"municipality", to_json(m)}, {"partnerships", list}}).dump(1) + "\n");
        return 0;
    }
    print(m.id + "  " + m.names.uk + (m.names.en.empty() ? "" : " / " + m.names.en) + "\n");
    print("  " + std::string(label(m.kind, "en")) + ", " + m.country + (m.region.empty() ? "" : ", " + m.region) +
          (m.district.empty() ? "" : ", " + m.district) + "\n");
    if (m.population) print("  population " + std::to_string(*m.population) + "\n");
    if (!m.aliases.empty()) {
        std::string aliases;
        for (const std::string& alias : m.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
        print("  also known as " + aliases + "\n");
    }
    print("  " + std::to_string(partnerships.size()) + " partnerships\n");
    for (const Partnership* p : partnerships) {
        std::string others;
        for (const Party& party : p->parties) {
            if (party.municipality == m.id) continue;
            const Municipality* other = registry.find_municipality(party.municipality);
            others += (others.empty() ? "" : ", ") + (other ? name_of(*other) : party.municipality);
        }
        print("    " + p->id + "  " + std::string(to_string(p->kind)) + "  " + others + "\n");
    }
    return 0;
}

}  // namespace prd::cli
