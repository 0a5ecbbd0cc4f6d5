// The search benchmark: the core's SearchIndex against SQLite FTS5 on the same names and the same
// keystrokes. Google Benchmark times each engine per keystroke; a table at the end gives build
// time, memory, p50/p99 per keystroke and each engine's recall on real misspelled and
// transliterated spellings (tests/search/spellings.tsv).
//   search_bench [--size N] [google benchmark flags]

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include "../search/sample_registry.hpp"
#include "model/json_codec.hpp"
#include "search/fold.hpp"
#include "search/search_index.hpp"
#include "synthetic_registry.hpp"

namespace prd::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Per-keystroke samples use the thread's CPU time: on a shared machine wall time mostly measures
// when the scheduler ran us, not the search.
double thread_cpu_us() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

// ---- queries, typed letter by letter ----

struct Keystrokes {
    std::string mode;
    std::vector<std::string> strokes;
};

std::vector<std::string> type_out(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i <= text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80 && i < text.size() &&
            (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;  // in the middle of a UTF-8 sequence
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        out.push_back(text.substr(0, i));
    }
    return out;
}

std::vector<Keystrokes> make_keystrokes(const std::vector<Municipality>& list) {
    std::mt19937 rng(7);
    Keystrokes prefix{"prefix", {}}, multi{"multi-word", {}}, typo{"typo", {}};
    int prefixes = 0, multis = 0, typos = 0;
    while (prefixes < 40 || multis < 40 || typos < 40) {
        const Municipality& m = list[rng() % list.size()];
        const std::string& name = !m.names.native.empty() ? m.names.native : m.names.uk;
        const bool two_words = name.find(' ') != std::string::npos;
        if (two_words && multis < 40) {
            const auto space = name.find(' ');
            const std::string swapped = name.substr(space + 1) + " " + name.substr(0, space);
            for (auto& s : type_out(multis % 2 ? swapped : name)) multi.strokes.push_back(s);
            ++multis;
        } else if (!two_words && prefixes < 40) {
            for (auto& s : type_out(name)) prefix.strokes.push_back(s);
            ++prefixes;
        } else if (!two_words && typos < 40) {
            std::string latin = m.names.en;
            if (latin.size() < 6) continue;
            std::swap(latin[2], latin[3]);  // a transposition, the commonest typo
            if (latin.size() >= 8) latin[latin.size() - 2] = 'x';  // and a second edit where the budget allows
            for (auto& s : type_out(latin)) typo.strokes.push_back(s);
            ++typos;
        }
    }
    return {prefix, multi, typo};
}

// ---- the two engines ----

class Fts5 {
public:
    explicit Fts5(const std::vector<Municipality>& list) {
        sqlite3_open(":memory:", &m_db);
        exec("CREATE VIRTUAL TABLE names USING fts5(name, doc UNINDEXED, "
             "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')");
        exec("BEGIN");
        sqlite3_stmt* insert = nullptr;
        sqlite3_prepare_v2(m_db, "INSERT INTO names(name, doc) VALUES (?, ?)", -1, &insert, nullptr);
        for (std::size_t doc = 0; doc < list.size(); ++doc) {
            const Municipality& m = list[doc];
            std::vector<std::string> names = {m.names.uk, m.names.en, m.names.native};
            names.insert(names.end(), m.aliases.begin(), m.aliases.end());
            if (const auto c = m.extra.find("centre"); c != m.extra.end())
                for (const char* key : {"uk", "en"}) names.push_back(c->value(key, ""));
            for (const auto& name : names) {
                if (name.empty()) continue;
                sqlite3_bind_text(insert, 1, name.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(insert, 2, static_cast<sqlite3_int64>(doc));
                sqlite3_step(insert);
                sqlite3_reset(insert);
            }
        }
        sqlite3_finalize(insert);
        exec("COMMIT");
        sqlite3_prepare_v2(m_db, "SELECT doc FROM names WHERE names MATCH ? ORDER BY rank LIMIT 60", -1, &m_query, nullptr);
    }
    ~Fts5() {
        sqlite3_finalize(m_query);
        sqlite3_close(m_db);
    }

    /// The FTS5 query for typed text: each word quoted, the last one a prefix while still typed.
    static std::string match_expression(const std::string& typed) {
        std::vector<std::string> words;
        std::string word;
        for (char c : typed + " ") {
            const bool separator = c == ' ' || c == '-' || c == ',' || c == '\'' || c == '"' || c == '(' || c == ')';
            if (!separator) word += c;
            else if (!word.empty()) words.push_back(std::exchange(word, {}));
        }
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            out += (i ? " \"" : "\"") + words[i] + "\"";
            if (i + 1 == words.size() && !typed.empty() && typed.back() != ' ') out += "*";
        }
        return out;
    }

    std::vector<std::int64_t> search(const std::string& typed, std::size_t limit) {
        std::vector<std::int64_t> docs;
        const std::string expression = match_expression(typed);
        if (expression.empty()) return docs;
        sqlite3_bind_text(m_query, 1, expression.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(m_query) == SQLITE_ROW && docs.size() < limit) {
            const std::int64_t doc = sqlite3_column_int64(m_query, 0);
            if (std::find(docs.begin(), docs.end(), doc) == docs.end()) docs.push_back(doc);
        }
        sqlite3_reset(m_query);
        return docs;
    }

    std::int64_t bytes() {
        std::int64_t pages = 0, size = 0;
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT (SELECT page_count FROM pragma_page_count()), (SELECT page_size FROM pragma_page_size())", -1, &s, nullptr);
        if (sqlite3_step(s) == SQLITE_ROW) {
            pages = sqlite3_column_int64(s, 0);
            size = sqlite3_column_int64(s, 1);
        }
        sqlite3_finalize(s);
        return pages * size;
    }

private:
    void exec(const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::fprintf(stderr, "sqlite: %s\n", error ? error : "?");
            sqlite3_free(error);
            std::exit(1);
        }
    }
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_query = nullptr;
};

std::int64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

struct Dataset {
    std::string name;
    std::vector<Municipality> municipalities;
    std::vector<Partnership> partnerships;
    SearchIndex index;
    std::unique_ptr<Fts5> fts;
    double index_build_ms = 0, fts_build_ms = 0;
    std::int64_t index_bytes = 0, index_rss_delta = 0, fts_bytes = 0;
    std::vector<Keystrokes> keystrokes;
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> latencies;  // mode -> (core, fts), µs
    std::map<std::string, std::vector<std::pair<double, std::string>>> slowest;  // mode -> core's slowest strokes
    int spellings = 0, core_found = 0, fts_found = 0;
    std::vector<std::string> missed_by_core;
};

std::vector<std::unique_ptr<Dataset>> g_datasets;

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

void prepare(Dataset& d) {
    const std::int64_t before = resident_bytes();
    auto t0 = Clock::now();
    d.index = SearchIndex::build(d.municipalities, d.partnerships);
    d.index_build_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    d.index_rss_delta = resident_bytes() - before;
    d.index_bytes = static_cast<std::int64_t>(d.index.memory_bytes());
    t0 = Clock::now();
    d.fts = std::make_unique<Fts5>(d.municipalities);
    d.fts_build_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    d.fts_bytes = d.fts->bytes();
    d.keystrokes = make_keystrokes(d.municipalities);

    // Recall on the spelling list: found when the expected record is among the first five.
    std::map<std::string, std::size_t> doc_of;
    for (std::size_t i = 0; i < d.municipalities.size(); ++i) doc_of[d.municipalities[i].id] = i;
    std::ifstream in(PRD_SOURCE_DIR "/tests/search/spellings.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string query, expected;
        std::getline(fields, query, '\t');
        std::getline(fields, expected, '\t');
        const auto it = doc_of.find(expected);
        if (it == doc_of.end()) continue;
        ++d.spellings;
        SearchRequest request;
        request.query = query;
        request.limit = 5;
        request.want_facets = false;
        bool core = false;
        for (const auto& hit : d.index.search(request).hits) core = core || hit.id == expected;
        d.core_found += core;
        if (!core) d.missed_by_core.push_back(query);
        const auto fts = d.fts->search(query, 5);
        d.fts_found += std::find(fts.begin(), fts.end(), static_cast<std::int64_t>(it->second)) != fts.end();
    }
}

void keystroke_benchmark(benchmark::State& state, Dataset* d, std::size_t mode, bool fts) {
    const auto& strokes = d->keystrokes[mode].strokes;
    auto& samples = fts ? d->latencies[d->keystrokes[mode].mode].second : d->latencies[d->keystrokes[mode].mode].first;
    samples.clear();
    std::size_t i = 0;
    SearchRequest request;
    request.limit = 20;
    for (auto _ : state) {
        const std::string& typed = strokes[i++ % strokes.size()];
        const double t0 = thread_cpu_us();
        if (fts) {
            benchmark::DoNotOptimize(d->fts->search(typed, 20));
        } else {
            request.query = typed;
            benchmark::DoNotOptimize(d->index.search(request));
        }
        samples.push_back(thread_cpu_us() - t0);
    }
    if (!fts) {  // the slowest keystrokes, so a regression can be looked into
        std::map<std::string, double> worst;
        for (std::size_t j = 0; j < samples.size(); ++j) {
            double& w = worst[strokes[j % strokes.size()]];
            w = std::max(w, samples[j]);
        }
        auto& list = d->slowest[d->keystrokes[mode].mode];
        list.clear();
        for (const auto& [typed, us] : worst) list.push_back({us, typed});
        std::sort(list.rbegin(), list.rend());
        if (list.size() > 5) list.resize(5);
    }
    state.counters["p50_us"] = percentile(samples, 0.50);
    state.counters["p99_us"] = percentile(samples, 0.99);
}

void print_table() {
    for (const auto& d : g_datasets) {
        std::printf("\n=== %s: %zu municipalities ===\n", d->name.c_str(), d->municipalities.size());
        std::printf("%-28s %14s %14s\n", "", "core index", "SQLite FTS5");
        std::printf("%-28s %11.0f ms %11.0f ms\n", "build", d->index_build_ms, d->fts_build_ms);
        std::printf("%-28s %11.1f MB %11.1f MB\n", "memory (own structures)", d->index_bytes / 1e6, d->fts_bytes / 1e6);
        std::printf("%-28s %11.1f MB\n", "memory (RSS growth on build)", d->index_rss_delta / 1e6);
        std::printf("\nper keystroke (thread CPU time), results limited to 20:");
        std::printf("\n%-12s %10s %10s %10s %10s %12s %10s\n", "keystrokes", "core p50", "core p99", "fts p50", "fts p99",
                    "p99 fts/core", "strokes");
        for (const auto& k : d->keystrokes) {
            const auto& [core, fts] = d->latencies[k.mode];
            const double core99 = percentile(core, 0.99), fts99 = percentile(fts, 0.99);
            std::printf("%-12s %7.1f µs %7.1f µs %7.1f µs %7.1f µs %11.1fx %10zu\n", k.mode.c_str(), percentile(core, 0.5),
                        core99, percentile(fts, 0.5), fts99, core99 > 0 ? fts99 / core99 : 0.0, k.strokes.size());
        }
        for (const auto& [mode, list] : d->slowest) {
            std::printf("  slowest %s keystrokes (core):", mode.c_str());
            for (const auto& [us, typed] : list) std::printf(" \"%s\" %.0f µs;", typed.c_str(), us);
            std::printf("\n");
        }
        std::printf("\nmisspelled / transliterated spellings found in the first 5 (tests/search/spellings.tsv):\n");
        std::printf("  core index %d of %d, SQLite FTS5 %d of %d\n", d->core_found, d->spellings, d->fts_found, d->spellings);
        for (const auto& q : d->missed_by_core) std::printf("  core missed: %s\n", q.c_str());
    }
}

}  // namespace
}  // namespace prd::bench

int main(int argc, char** argv) {
    using namespace prd::bench;
    std::size_t size = 100000;
    std::vector<std::string> explain;
    std::vector<char*> rest = {argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--size" && i + 1 < argc) size = std::stoul(argv[++i]);
        else if (std::string(argv[i]) == "--explain" && i + 1 < argc) explain.push_back(argv[++i]);
        else rest.push_back(argv[i]);
    }
    auto synthetic = std::make_unique<Dataset>();
    synthetic->name = "synthetic";
    synthetic->municipalities = synthetic_registry(prd::test::sample_municipalities(), size);
    g_datasets.push_back(std::move(synthetic));
    // The committed default registry, once it is the full import.
    if (std::ifstream in(PRD_SOURCE_DIR "/shared/seed/seed_registry.json"); in) {
        prd::Snapshot snapshot = prd::snapshot_from_json(nlohmann::json::parse(in));
        if (snapshot.municipalities.size() >= 1000) {
            auto real = std::make_unique<Dataset>();
            real->name = "default registry";
            real->municipalities = std::move(snapshot.municipalities);
            real->partnerships = std::move(snapshot.partnerships);
            g_datasets.push_back(std::move(real));
        }
    }
    for (auto& d : g_datasets) {
        prepare(*d);
        for (const auto& query : explain) {  // what each engine answers, for looking into a miss
            prd::SearchRequest request;
            request.query = query;
            request.limit = 5;
            std::printf("%s: core:", query.c_str());
            for (const auto& hit : d->index.search(request).hits)
                std::printf(" %s (%s %.1f \"%s\")", hit.id.c_str(), std::string(to_string(hit.match)).c_str(), hit.score,
                            hit.matched_name.c_str());
            std::printf("\n  fts5:");
            for (auto doc : d->fts->search(query, 5)) std::printf(" %s", d->municipalities[doc].id.c_str());
            std::printf("\n");
        }
        for (std::size_t mode = 0; mode < d->keystrokes.size(); ++mode)
            for (bool fts : {false, true})
                benchmark::RegisterBenchmark(
                    (d->name + "/" + d->keystrokes[mode].mode + "/" + (fts ? "fts5" : "core")).c_str(),
                    [&d, mode, fts](benchmark::State& state) { keystroke_benchmark(state, d.get(), mode, fts); })
                    ->Unit(benchmark::kMicrosecond);
    }
    int bench_argc = static_cast<int>(rest.size());
    benchmark::Initialize(&bench_argc, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    print_table();
    return 0;
}
