// Answering a query: each query word collects the names it matches (exactly, as a prefix, within
// a typo budget, or by sound); a name matches when every word does. Per-query state lives in
// thread-local arrays stamped with a query number, so nothing is cleared between keystrokes.
// Names are stored municipality by municipality, which the last passes rely on.

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <unordered_map>

#include "model/json_codec.hpp"
#include "search/fold.hpp"
#include "search/index_data.hpp"

namespace prd {
namespace {

// How well one query word matched one name; higher is better. The gaps feed the fuzzy score.
constexpr std::uint8_t k_quality_exact = 6;
constexpr std::uint8_t k_quality_prefix = 5;
constexpr std::uint8_t k_quality_one_edit = 3;
// A shared sound key is how transliterations meet (Kiew and Київ share no letter pair within one
// edit), so it counts as much as one typo.
constexpr std::uint8_t k_quality_sound = 3;
constexpr std::uint8_t k_quality_two_edits = 2;

constexpr std::uint8_t k_entry_not_exact = 1;  // some word matched only as a prefix (or worse)
constexpr std::uint8_t k_entry_fuzzy = 2;      // some word matched with a typo or by sound
constexpr std::uint8_t k_entry_starts = 4;     // the first query word matched the name's first word

constexpr std::size_t k_max_query_words = 8;
constexpr std::size_t k_max_fuzzy_length = 40;

// Per-query state of one name and of one municipality; one struct each, so that a posting costs
// one cache miss rather than one per field.
struct EntryState {
    std::uint32_t stamp = 0;  // the query that last touched this name
    std::uint16_t total = 0;  // summed best quality of the words matched so far
    std::uint8_t round = 0;   // 1 + the last word that matched it
    std::uint8_t best = 0;    // best quality for that word
    std::uint8_t flags = 0;
};

// A municipality that matched, with its best name.
struct Candidate {
    float score = 0;
    std::uint32_t doc = 0;
    std::uint32_t entry = 0;  // UINT32_MAX for the empty query
};

struct Scratch {
    std::uint32_t query = 0;
    std::vector<EntryState> entries;
    std::vector<std::uint32_t> touched;
    // The surviving names as a bitmap, read back in index order: names are stored municipality by
    // municipality, so every later pass walks the records front to back instead of at random.
    std::vector<std::uint64_t> bits;
    std::vector<Candidate> candidates;
    std::vector<Candidate> passing;
    std::vector<std::uint8_t> rows;  // edit-distance rows of the fuzzy walk, one per depth
    std::string path;

    void prepare(std::size_t entry_count) {
        if (++query == 0) {  // the stamps wrapped: forget them all once
            for (auto& e : entries) e.stamp = 0;
            query = 1;
        }
        if (entries.size() < entry_count) entries.resize(entry_count);
        if (bits.size() < (entry_count + 63) / 64) bits.resize((entry_count + 63) / 64, 0);
        touched.clear();
        candidates.clear();
        passing.clear();
    }
};

thread_local Scratch t_scratch;

// Walks the sorted word table as if it were a trie, keeping one Damerau-Levenshtein row per depth
// and abandoning a branch once every cell exceeds the budget. In prefix mode a word matches when
// some prefix of it is within the budget of the query word (the user has not finished typing).
template <typename Emit>
class FuzzyWalk {
public:
    FuzzyWalk(const WordTable& table, std::string_view query, int budget, bool prefix, Scratch& scratch, Emit emit)
        : m_table(table), m_query(query), m_budget(budget), m_prefix(prefix), m_width(query.size() + 1),
          m_rows(scratch.rows), m_path(scratch.path), m_emit(emit) {}

    void run() {
        m_rows.assign((m_table.max_length + 2) * m_width, 0);
        m_path.assign(m_table.max_length + 1, '\0');
        for (std::size_t j = 0; j < m_width; ++j) m_rows[j] = static_cast<std::uint8_t>(j);
        visit(0, static_cast<std::uint32_t>(m_table.size()), 0);
    }

private:
    std::uint8_t* row(std::size_t depth) { return m_rows.data() + depth * m_width; }

    void visit(std::uint32_t lo, std::uint32_t hi, std::size_t depth) {
        const std::size_t m = m_query.size();
        if (lo < hi && m_table.length(lo) == depth) {
            const int distance = row(depth)[m];
            if (!m_prefix && distance > 0 && distance <= m_budget) m_emit(lo, distance);
            ++lo;
        }
        while (lo < hi) {
            const char c = m_table.char_at(lo, depth);
            // The words under this child are those sharing c at this depth: find where they end.
            std::uint32_t a = lo + 1, b = hi;
            while (a < b) {
                const std::uint32_t mid = a + (b - a) / 2;
                if (m_table.char_at(mid, depth) == c) a = mid + 1;
                else b = mid;
            }
            const std::uint32_t child_hi = a;
            m_path[depth] = c;
            const std::uint8_t* prev = row(depth);
            std::uint8_t* next = row(depth + 1);
            next[0] = static_cast<std::uint8_t>(depth + 1);
            std::uint8_t smallest = next[0];
            for (std::size_t j = 1; j <= m; ++j) {
                const int cost = m_query[j - 1] == c ? 0 : 1;
                int value = std::min({prev[j] + 1, next[j - 1] + 1, prev[j - 1] + cost});
                if (depth > 0 && j > 1 && m_query[j - 1] == m_path[depth - 1] && m_query[j - 2] == c)
                    value = std::min(value, row(depth - 1)[j - 2] + 1);
                next[j] = static_cast<std::uint8_t>(std::min(value, 255));
                smallest = std::min(smallest, next[j]);
            }
            if (m_prefix && next[m] <= m_budget) {
                // Distance 0 is an exact prefix, which the caller already collected.
                if (next[m] > 0)
                    for (std::uint32_t i = lo; i < child_hi; ++i) m_emit(i, next[m]);
            } else if (smallest <= m_budget && depth + 1 <= m_table.max_length) {
                visit(lo, child_hi, depth + 1);
            }
            lo = child_hi;
        }
    }

    const WordTable& m_table;
    std::string_view m_query;
    int m_budget;
    bool m_prefix;
    std::size_t m_width;
    std::vector<std::uint8_t>& m_rows;
    std::string& m_path;
    Emit m_emit;
};

int typo_budget(std::size_t length) { return length >= 8 ? 2 : length >= 4 ? 1 : 0; }

// Calls emit(posting, quality) for every name word that matches the query word.
template <typename Emit>
void match_word(const SearchIndexData& d, std::string_view word, bool prefix, Scratch& scratch, Emit emit) {
    auto emit_word = [&](const WordTable& table, std::uint32_t i, std::uint8_t quality) {
        for (std::uint32_t p = table.posting_offsets[i]; p < table.posting_offsets[i + 1]; ++p) emit(table.postings[p], quality);
    };
    if (prefix) {
        const auto [lo, hi] = d.words.prefix_range(word);
        for (std::uint32_t i = lo; i < hi; ++i)
            emit_word(d.words, i, d.words.length(i) == word.size() ? k_quality_exact : k_quality_prefix);
    } else {
        const std::uint32_t i = d.words.lower_bound(word);
        if (i < d.words.size() && d.words.word(i) == word) emit_word(d.words, i, k_quality_exact);
    }
    const int budget = typo_budget(word.size());
    if (budget > 0 && word.size() <= k_max_fuzzy_length) {
        auto on_fuzzy = [&](std::uint32_t i, int distance) {
            emit_word(d.words, i, distance == 1 ? k_quality_one_edit : k_quality_two_edits);
        };
        FuzzyWalk<decltype(on_fuzzy)>(d.words, word, budget, prefix, scratch, on_fuzzy).run();
    }
    // Three letters get no typo budget but may still sound alike (Rog and Rih both give "rg").
    if (word.size() < k_min_sound_length) return;
    const std::string key = sound_key(word);
    if (key.size() < 2) return;
    if (prefix && word.size() >= 4 && key.size() >= 3) {
        const auto [lo, hi] = d.sounds.prefix_range(key);
        for (std::uint32_t i = lo; i < hi; ++i) emit_word(d.sounds, i, k_quality_sound);
    } else {
        const std::uint32_t i = d.sounds.lower_bound(key);
        if (i < d.sounds.size() && d.sounds.word(i) == key) emit_word(d.sounds, i, k_quality_sound);
    }
}

struct Ranked {
    float score;
    MatchKind kind;
};

// The ranking tiers of the issue: exact name > prefix > alias > fuzzy; population breaks ties later.
Ranked rank_entry(std::size_t query_words, std::size_t name_words, NameField field, std::uint8_t flags, int total) {
    const bool primary = field != NameField::alias;
    const bool starts = flags & k_entry_starts;
    if (!(flags & k_entry_fuzzy)) {
        const bool whole = !(flags & k_entry_not_exact) && name_words == query_words && starts;
        if (primary) return {whole ? 100.f : starts ? 90.f : 80.f, whole ? MatchKind::exact : MatchKind::prefix};
        return {whole ? 70.f : starts ? 65.f : 60.f, MatchKind::alias};
    }
    const int shortfall = static_cast<int>(query_words) * k_quality_exact - total;
    float score = 50.f - 2.5f * static_cast<float>(shortfall) - (primary ? 0.f : 3.f) + (starts ? 2.f : 0.f);
    return {std::clamp(score, 10.f, 50.f), MatchKind::fuzzy};
}

// Filter dimensions, one bit each, so a record failing exactly one of them can still be counted
// in that dimension's facet.
enum Dimension : unsigned {
    dim_country, dim_region, dim_district, dim_kind, dim_population, dim_needs, dim_offers,
    dim_partnership_kind, dim_no_foreign_partner, dim_frontline, dim_border_band, dim_has_foreign_partner,
};

struct CompiledFilters {
    std::vector<bool> countries, regions, districts;  // empty: no filter
    std::uint32_t kinds = 0, needs = 0, offers = 0, partnership_kinds = 0;
    std::int64_t min_population = 0, max_population = 0;
    bool has_min = false, has_max = false, no_foreign_partner = false, frontline = false, has_foreign_partner = false;
    std::uint32_t border_bands = 0;  // bit 1 + band index; 0: no filter

    CompiledFilters(const SearchIndexData& d, const SearchFilters& f) {
        auto compile = [](std::vector<bool>& out, const std::vector<std::string>& values, const std::vector<std::string>& wanted) {
            if (wanted.empty()) return;
            out.assign(values.size(), false);
            for (std::size_t i = 0; i < values.size(); ++i)
                out[i] = std::find(wanted.begin(), wanted.end(), values[i]) != wanted.end();
            out.push_back(false);  // keeps the vector non-empty when no value is known
        };
        compile(countries, d.countries, f.countries);
        compile(regions, d.regions, f.regions);
        compile(districts, d.districts, f.districts);
        for (auto k : f.kinds) kinds |= 1u << static_cast<unsigned>(k);
        for (auto s : f.needs) needs |= 1u << static_cast<unsigned>(s);
        for (auto s : f.offers) offers |= 1u << static_cast<unsigned>(s);
        for (auto k : f.partnership_kinds) partnership_kinds |= 1u << static_cast<unsigned>(k);
        has_min = f.min_population.has_value();
        has_max = f.max_population.has_value();
        min_population = f.min_population.value_or(0);
        max_population = f.max_population.value_or(0);
        no_foreign_partner = f.no_foreign_partner;
        frontline = f.frontline;
        has_foreign_partner = f.has_foreign_partner;
        for (const std::string& band : f.border_bands) {
            for (std::size_t i = 0; i < std::size(k_border_bands); ++i)
                if (band == k_border_bands[i]) border_bands |= 1u << (i + 1);
            if (border_bands == 0) border_bands = 1u << 31;  // an unknown band matches nothing
        }
    }

    unsigned failures(const DocInfo& doc) const {
        unsigned out = 0;
        if (!countries.empty() && !countries[doc.country]) out |= 1u << dim_country;
        if (!regions.empty() && !regions[doc.region]) out |= 1u << dim_region;
        if (!districts.empty() && !districts[doc.district]) out |= 1u << dim_district;
        if (kinds && !(kinds & (1u << doc.kind))) out |= 1u << dim_kind;
        if ((has_min && (doc.population < 0 || doc.population < min_population)) ||
            (has_max && (doc.population < 0 || doc.population > max_population)))
            out |= 1u << dim_population;
        if (needs && !(needs & doc.needs)) out |= 1u << dim_needs;
        if (offers && !(offers & doc.offers)) out |= 1u << dim_offers;
        if (partnership_kinds && !(partnership_kinds & doc.partnership_kinds)) out |= 1u << dim_partnership_kind;
        if (no_foreign_partner && (doc.flags & k_doc_has_foreign_partner)) out |= 1u << dim_no_foreign_partner;
        if (frontline && !(doc.flags & k_doc_frontline)) out |= 1u << dim_frontline;
        if (border_bands && !(border_bands & (1u << doc.border_band)) ) out |= 1u << dim_border_band;
        if (has_foreign_partner && !(doc.flags & k_doc_has_foreign_partner)) out |= 1u << dim_has_foreign_partner;
        return out;
    }
};

struct FacetCounter {
    std::vector<std::size_t> countries, regions, districts, kinds, needs, offers, partnership_kinds;
    std::size_t no_foreign_partner = 0, frontline = 0, has_foreign_partner = 0;
    std::array<std::size_t, std::size(k_border_bands) + 1> border_bands{};

    explicit FacetCounter(const SearchIndexData& d)
        : countries(d.countries.size()), regions(d.regions.size()), districts(d.districts.size()), kinds(8),
          needs(32), offers(32), partnership_kinds(8) {}

    void count(const DocInfo& doc, unsigned failures) {
        auto counts = [failures](Dimension dim) { return failures == 0 || failures == (1u << dim); };
        if (counts(dim_country)) ++countries[doc.country];
        if (counts(dim_region)) ++regions[doc.region];
        if (counts(dim_district)) ++districts[doc.district];
        if (counts(dim_kind)) ++kinds[doc.kind];
        if (counts(dim_needs))
            for (std::uint32_t m = doc.needs; m; m &= m - 1) ++needs[std::countr_zero(m)];
        if (counts(dim_offers))
            for (std::uint32_t m = doc.offers; m; m &= m - 1) ++offers[std::countr_zero(m)];
        if (counts(dim_partnership_kind))
            for (std::uint32_t m = doc.partnership_kinds; m; m &= m - 1) ++partnership_kinds[std::countr_zero(m)];
        if (counts(dim_no_foreign_partner) && !(doc.flags & k_doc_has_foreign_partner)) ++no_foreign_partner;
        if (counts(dim_frontline) && (doc.flags & k_doc_frontline)) ++frontline;
        if (counts(dim_border_band)) ++border_bands[doc.border_band];
        if (counts(dim_has_foreign_partner) && (doc.flags & k_doc_has_foreign_partner)) ++has_foreign_partner;
    }

    SearchFacets result(const SearchIndexData& d) const {
        auto list = [](const std::vector<std::size_t>& counts, auto&& name) {
            std::vector<FacetCount> out;
            for (std::size_t i = 0; i < counts.size(); ++i)
                if (counts[i] > 0) out.push_back({std::string(name(i)), counts[i]});
            std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
                return a.count != b.count ? a.count > b.count : a.value < b.value;
            });
            return out;
        };
        SearchFacets f;
        f.countries = list(countries, [&](std::size_t i) { return d.countries[i]; });
        f.regions = list(regions, [&](std::size_t i) { return d.regions[i]; });
        f.districts = list(districts, [&](std::size_t i) { return d.districts[i]; });
        f.kinds = list(kinds, [](std::size_t i) { return to_string(static_cast<MunicipalityKind>(i)); });
        f.needs = list(needs, [](std::size_t i) { return sector_info(static_cast<Sector>(i)).code; });
        f.offers = list(offers, [](std::size_t i) { return sector_info(static_cast<Sector>(i)).code; });
        f.partnership_kinds = list(partnership_kinds, [](std::size_t i) { return to_string(static_cast<PartnershipKind>(i)); });
        // Empty strings name "no region"/"no district"; they are not something to filter on.
        std::erase_if(f.regions, [](const FacetCount& c) { return c.value.empty(); });
        std::erase_if(f.districts, [](const FacetCount& c) { return c.value.empty(); });
        f.no_foreign_partner = no_foreign_partner;
        f.has_foreign_partner = has_foreign_partner;
        f.frontline = frontline;
        for (std::size_t i = 0; i < std::size(k_border_bands); ++i)  // nearest first, not by count
            if (border_bands[i + 1] > 0) f.border_bands.push_back({std::string(k_border_bands[i]), border_bands[i + 1]});
        return f;
    }
};

// Collects into s.candidates each municipality with a name every query word matches, with its
// best name. With `prefix_last` the last word may be the start of a word (still being typed).
void collect_candidates(const SearchIndexData& d, Scratch& s, const std::vector<std::string_view>& words,
                        bool prefix_last) {
    const std::uint32_t stamp = s.query;
    for (std::size_t round = 0; round < words.size(); ++round) {
        const bool prefix = prefix_last && round + 1 == words.size();
        const auto round_mark = static_cast<std::uint8_t>(round + 1);
        match_word(d, words[round], prefix, s, [&](std::uint32_t posting, std::uint8_t quality) {
            EntryState& e = s.entries[posting >> 1];
            if (round == 0) {
                if (e.stamp != stamp) {
                    e = {stamp, 0, 0, 0, 0};
                    s.touched.push_back(posting >> 1);
                }
            } else if (e.stamp != stamp || e.round < round) {
                return;  // missed an earlier word
            }
            if (e.round != round_mark) {
                e.round = round_mark;
                e.best = quality;
            } else if (quality > e.best) {
                e.best = quality;
            }
            if (round == 0 && (posting & 1)) e.flags |= k_entry_starts;
        });
        // Keep only the names this word matched, and add its best quality to their total.
        std::size_t kept = 0;
        for (std::uint32_t i : s.touched) {
            EntryState& e = s.entries[i];
            if (e.round != round_mark) continue;
            e.total = static_cast<std::uint16_t>(e.total + e.best);
            if (e.best < k_quality_exact) e.flags |= k_entry_not_exact;
            if (e.best < k_quality_prefix) e.flags |= k_entry_fuzzy;
            s.touched[kept++] = i;
        }
        s.touched.resize(kept);
        if (kept == 0) break;
    }
    for (std::uint32_t i : s.touched) s.bits[i >> 6] |= std::uint64_t{1} << (i & 63);
    for (std::size_t w = 0; w < s.bits.size() && !s.touched.empty(); ++w) {
        std::uint64_t word = s.bits[w];
        if (word == 0) continue;
        s.bits[w] = 0;
        for (; word; word &= word - 1) {
            const auto i = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(word)));
            const EntryInfo& info = d.entries[i];
            const EntryState& e = s.entries[i];
            const float score =
                rank_entry(words.size(), info.words, static_cast<NameField>(info.field), e.flags, e.total).score;
            if (!s.candidates.empty() && s.candidates.back().doc == info.doc) {
                if (score > s.candidates.back().score) s.candidates.back() = {score, info.doc, i};
            } else {
                s.candidates.push_back({score, info.doc, i});
            }
        }
    }
}

}  // namespace

SearchResponse SearchIndex::search(const SearchRequest& request) const {
    const SearchIndexData& d = *m_data;
    Scratch& s = t_scratch;
    s.prepare(d.entries.size());

    const std::string folded = fold_for_search(request.query);
    std::vector<std::string_view> words = split_words(folded);
    if (words.size() > k_max_query_words) words.resize(k_max_query_words);
    const bool typing = !request.query.empty() && request.query.back() != ' ';

    if (words.empty()) {
        for (std::uint32_t doc = 0; doc < d.doc_ids.size(); ++doc) s.candidates.push_back({0.f, doc, UINT32_MAX});
    } else {
        collect_candidates(d, s, words, typing);
        // A finished query whose last word is no whole word anywhere ("kyi " from the CLI or a
        // submitted form) is read as one still being typed rather than finding nothing; a query
        // that finds something is answered as before, so this costs nothing there.
        if (s.candidates.empty() && !typing) {
            s.prepare(d.entries.size());
            collect_candidates(d, s, words, true);
        }
    }

    const CompiledFilters filters(d, request.filters);
    FacetCounter facets(d);
    for (std::size_t k = 0; k < s.candidates.size(); ++k) {
        const Candidate& c = s.candidates[k];
#if defined(__GNUC__)
        // The candidates are sparse over the records, too sparse for the hardware to guess.
        if (k + 16 < s.candidates.size()) __builtin_prefetch(&d.docs[s.candidates[k + 16].doc]);
#endif
        const DocInfo& info = d.docs[c.doc];
        const unsigned failures = filters.failures(info);
        if (request.want_facets && std::popcount(failures) <= 1) facets.count(info, failures);
        if (failures == 0) s.passing.push_back(c);
    }

    SearchResponse response;
    response.total = s.passing.size();
    auto better = [&d](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        if (d.docs[a.doc].population != d.docs[b.doc].population) return d.docs[a.doc].population > d.docs[b.doc].population;
        return d.doc_ids[a.doc] < d.doc_ids[b.doc];
    };
    const std::size_t end = std::min(s.passing.size(), request.offset + request.limit);
    if (request.offset < end) {
        std::partial_sort(s.passing.begin(), s.passing.begin() + static_cast<std::ptrdiff_t>(end), s.passing.end(), better);
        for (std::size_t i = request.offset; i < end; ++i) {
            const Candidate& c = s.passing[i];
            SearchHit hit;
            hit.id = d.doc_ids[c.doc];
            hit.score = c.score;
            if (c.entry == UINT32_MAX) {
                hit.match = MatchKind::none;
            } else {
                const EntryInfo& info = d.entries[c.entry];
                hit.field = static_cast<NameField>(info.field);
                hit.match = rank_entry(words.size(), info.words, hit.field, s.entries[c.entry].flags, s.entries[c.entry].total).kind;
                hit.matched_name = std::string(d.entry_name(c.entry));
            }
            if (d.docs[c.doc].population >= 0) hit.population = d.docs[c.doc].population;
            response.hits.push_back(std::move(hit));
        }
    }
    if (request.want_facets) response.facets = facets.result(d);
    return response;
}

std::string_view to_string(NameField field) {
    switch (field) {
    case NameField::name_uk: return "names.uk";
    case NameField::name_en: return "names.en";
    case NameField::name_native: return "names.native";
    case NameField::centre: return "extra.centre";
    case NameField::alias: return "aliases";
    }
    return "names.uk";
}

std::string_view to_string(MatchKind kind) {
    switch (kind) {
    case MatchKind::exact: return "exact";
    case MatchKind::prefix: return "prefix";
    case MatchKind::alias: return "alias";
    case MatchKind::fuzzy: return "fuzzy";
    case MatchKind::none: return "none";
    }
    return "none";
}

nlohmann::json to_json(const SearchHit& hit) {
    nlohmann::json j{{"id", hit.id}, {"score", hit.score}, {"match", to_string(hit.match)}};
    if (hit.match != MatchKind::none) {
        j["field"] = to_string(hit.field);
        j["matched_name"] = hit.matched_name;
    }
    if (hit.population) j["population"] = *hit.population;
    return j;
}

nlohmann::json to_json(const SearchFacets& facets) {
    auto list = [](const std::vector<FacetCount>& counts) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
        return out;
    };
    return {{"countries", list(facets.countries)},
            {"regions", list(facets.regions)},
            {"districts", list(facets.districts)},
            {"kinds", list(facets.kinds)},
            {"needs", list(facets.needs)},
            {"offers", list(facets.offers)},
            {"partnership_kinds", list(facets.partnership_kinds)},
            {"border_bands", list(facets.border_bands)},
            {"no_foreign_partner", facets.no_foreign_partner},
            {"has_foreign_partner", facets.has_foreign_partner},
            {"frontline", facets.frontline}};
}

nlohmann::json to_json(const SearchResponse& response) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : response.hits) hits.push_back(to_json(hit));
    return {{"total", response.total}, {"hits", std::move(hits)}, {"facets", to_json(response.facets)}};
}

}  // namespace prd
