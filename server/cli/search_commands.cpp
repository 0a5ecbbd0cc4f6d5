// partnership search, translit and match: the core's search index, transliteration and partner
// matching over the built-in registry, printed for people or as JSON (--json).

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "i18n/translit.hpp"
#include "registry/registry.hpp"
#include "search/matching.hpp"
#include "search/search_index.hpp"
#include "seed/default_registry.hpp"

namespace prd::cli {
namespace {

struct Parsed {
    std::string text;  ///< the positional argument(s), joined by spaces
    std::size_t limit = 10;
    bool json = false;
};

/// `with_limit`: the command takes --limit N and --json (translit takes only its text).
Parsed parse(const char* command, const Args& args, const char* what, bool with_limit = true) {
    Parsed out;
    CommandParser parser(command);
    std::vector<std::string> words;
    parser.add_option("text", words, what);
    if (with_limit) {
        parser.add_option("--limit", out.limit, "how many to show")->transform(whole_number(1, 1000));
        parser.add_flag("--json", out.json, "print JSON");
    }
    parse_options(parser, args);
    for (const std::string& word : words) out.text += (out.text.empty() ? "" : " ") + word;
    if (out.text.empty()) throw UsageError(std::string("give the ") + what);
    return out;
}

const std::string& first_of(const std::string& a, const std::string& b) { return a.empty() ? b : a; }

int usage_error(const char* command, const UsageError& e) {
    std::fprintf(stderr, "partnership %s: %s\n", command, e.what());
    return 2;
}

}  // namespace

int search_command(const Args& args) {
    Parsed p;
    try {
        p = parse("search", args, "text to search for, e.g. partnership search Kharkov");
    } catch (const UsageError& e) {
        return usage_error("search", e);
    }
    const Registry registry = Registry::from_snapshot(server::default_snapshot());
    const SearchIndex index = SearchIndex::build(registry);
    SearchRequest request;
    // A finished query, not keystrokes: the last word is a whole word too.
    request.query = p.text + " ";
    request.limit = p.limit;
    request.want_facets = p.json;
    const SearchResponse response = index.search(request);
    if (p.json) {
        nlohmann::json out = to_json(response);
        for (auto& hit : out["hits"]) {
            const Municipality* m = registry.find_municipality(hit["id"].get<std::string>());
            hit["names"] = {{"uk", m->names.uk}, {"en", m->names.en}, {"native", m->names.native}};
            hit["country"] = m->country;
            hit["region"] = m->region;
        }
        std::printf("%s\n", out.dump(2).c_str());
        return 0;
    }
    if (response.hits.empty()) {
        std::printf("nothing found for \"%s\"\n", p.text.c_str());
        return 0;
    }
    for (const SearchHit& hit : response.hits) {
        const Municipality* m = registry.find_municipality(hit.id);
        std::printf("%5.1f  %-20s %s  %s / %s  [%s]\n", hit.score, hit.id.c_str(), m->country.c_str(),
                    first_of(m->names.uk, m->names.native).c_str(), first_of(m->names.en, m->names.native).c_str(),
                    m->region.c_str());
        if (hit.match != MatchKind::exact)
            std::printf("       %s match on %s \"%s\"\n", std::string(to_string(hit.match)).c_str(),
                        std::string(to_string(hit.field)).c_str(), hit.matched_name.c_str());
    }
    std::printf("%zu of %zu shown\n", response.hits.size(), response.total);
    return 0;
}

int translit_command(const Args& args) {
    Parsed p;
    try {
        p = parse("translit", args, "Ukrainian text, e.g. partnership translit Згурівка", false);
    } catch (const UsageError& e) {
        return usage_error("translit", e);
    }
    std::printf("%s\n", transliterate_uk(p.text).c_str());
    return 0;
}

int match_command(const Args& args) {
    Parsed p;
    try {
        p = parse("match", args, "municipality id, e.g. partnership match UA46060250000025047");
    } catch (const UsageError& e) {
        return usage_error("match", e);
    }
    const Registry registry = Registry::from_snapshot(server::default_snapshot());
    const Municipality* self = registry.find_municipality(p.text);
    if (self == nullptr) {
        std::fprintf(stderr, "partnership match: no municipality \"%s\" (find its id with: partnership search NAME)\n",
                     p.text.c_str());
        return 1;
    }
    MatchOptions options;
    options.limit = p.limit;
    const auto suggestions = suggest_partners(registry, p.text, options);
    if (p.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : suggestions) out.push_back(to_json(s));
        std::printf("%s\n", out.dump(2).c_str());
        return 0;
    }
    std::printf("partners for %s (%s):\n", first_of(self->names.en, self->names.uk).c_str(), self->id.c_str());
    if (suggestions.empty()) std::printf("  none: no open municipality in scope\n");
    for (const auto& s : suggestions) {
        const Municipality* m = registry.find_municipality(s.id);
        std::printf("%5.1f  %-20s %s  %s\n       %s\n       %s\n", s.score, s.id.c_str(), m->country.c_str(),
                    first_of(m->names.en, m->names.native).c_str(), s.reason.en.c_str(), s.reason.uk.c_str());
    }
    return 0;
}

}  // namespace prd::cli
