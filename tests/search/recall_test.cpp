// Recall on real spellings (tests/search/spellings.tsv): official, Russian-era, neighbouring
// languages', misspelled. Run on the small sample registry always, and on the committed default
// registry once it is the full import.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "model/json_codec.hpp"
#include "registry/registry.hpp"
#include "sample_registry.hpp"
#include "search/search_index.hpp"

namespace prd {
namespace {

struct Spelling {
    std::string query;
    std::string expected;
    std::string note;
};

std::vector<Spelling> load_spellings() {
    std::ifstream in(PRD_SOURCE_DIR "/tests/search/spellings.tsv");
    std::vector<Spelling> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Spelling s;
        std::getline(fields, s.query, '\t');
        std::getline(fields, s.expected, '\t');
        std::getline(fields, s.note);
        out.push_back(s);
    }
    return out;
}

// Every spelling whose expected record is not among the first `within` results, with where it was.
std::string misses(const SearchIndex& index, const Registry& registry, std::size_t within) {
    std::string report;
    for (const Spelling& s : load_spellings()) {
        if (registry.find_municipality(s.expected) == nullptr) {
            report += "  " + s.query + ": " + s.expected + " is not in the registry\n";
            continue;
        }
        SearchRequest request;
        request.query = s.query;
        request.limit = within;
        request.want_facets = false;
        const auto response = index.search(request);
        bool found = false;
        for (const auto& hit : response.hits) found = found || hit.id == s.expected;
        if (!found) {
            report += "  " + s.query + " (" + s.note + "): expected " + s.expected + ", got";
            for (const auto& hit : response.hits) report += " " + hit.id;
            report += "\n";
        }
    }
    return report;
}

TEST(Recall, SpellingListIsThere) {
    EXPECT_GE(load_spellings().size(), 100u);
}

TEST(Recall, EverySpellingFindsItsRecordFirstInTheSampleRegistry) {
    const Registry registry = test::sample_registry();
    const SearchIndex index = SearchIndex::build(registry);
    const std::string report = misses(index, registry, 1);
    EXPECT_TRUE(report.empty()) << "missed:\n" << report;
}

TEST(Recall, EverySpellingFindsItsRecordInTheDefaultRegistry) {
    // The committed registry is part of the repository: this always runs.
    const std::string path = PRD_SOURCE_DIR "/shared/seed/default_registry.json";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path << " is missing";
    const Snapshot snapshot = snapshot_from_json(nlohmann::json::parse(in));
    ASSERT_GE(snapshot.municipalities.size(), 1470u);
    const Registry registry = Registry::from_snapshot(snapshot);
    const SearchIndex index = SearchIndex::build(registry);
    const std::string report = misses(index, registry, 5);
    EXPECT_TRUE(report.empty()) << "missed (not in the first 5):\n" << report;
}

class DefaultRegistry : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::ifstream in(PRD_SOURCE_DIR "/shared/seed/default_registry.json");
        s_registry = new Registry(Registry::from_snapshot(snapshot_from_json(nlohmann::json::parse(in))));
        s_index = new SearchIndex(SearchIndex::build(*s_registry));
    }
    static void TearDownTestSuite() {
        delete s_index;
        delete s_registry;
    }
    static std::vector<std::string> ids(const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.limit = 5;
        request.want_facets = false;
        std::vector<std::string> out;
        for (const SearchHit& hit : s_index->search(request).hits) out.push_back(hit.id);
        return out;
    }
    static inline Registry* s_registry = nullptr;
    static inline SearchIndex* s_index = nullptr;
};

TEST_F(DefaultRegistry, MunichInEnglishGermanAndUkrainianComesFirst) {
    // Each is one of Munich's names now (names.en, names.native, names.uk), not an alias.
    for (const std::string query : {"Munich", "München", "Мюнхен", "Munich ", "München ", "Мюнхен "}) {
        const auto found = ids(query);
        ASSERT_FALSE(found.empty()) << query;
        EXPECT_EQ(found.front(), "DE-2867714") << query;
    }
}

TEST_F(DefaultRegistry, ThreeLettersFindKyivAndLviv) {
    // As typed (the last word unfinished) and as sent whole from the command line or a form, which
    // once found nothing: no name has the word "kyi".
    for (const std::string query : {"kyi", "Kyi", "kyi ", "Київ", "Киї"}) {
        const auto found = ids(query);
        ASSERT_FALSE(found.empty()) << query;
        EXPECT_EQ(found.front(), "UA80000000000093317") << query;
    }
    for (const std::string query : {"Льв", "Льв ", "lvi", "Lvi "}) {
        const auto found = ids(query);
        ASSERT_FALSE(found.empty()) << query;
        EXPECT_EQ(found.front(), "UA46060250000025047") << query;
    }
}

}  // namespace
}  // namespace prd
