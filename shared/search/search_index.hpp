#pragma once
// Name search over the registry's municipalities: as-you-type prefixes, whole words in any order,
// typos, old and foreign spellings, filters and facet counts. Built once from a snapshot of the
// records and read-only afterwards; searching from several threads at once is safe.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/sectors.hpp"
#include "model/types.hpp"

namespace prd {

class Registry;
struct SearchIndexData;  // search/index_data.hpp

/// Which of a municipality's names a query matched.
/// `centre` is the settlement a hromada is named after, kept by the import in extra["centre"].
enum class NameField : std::uint8_t { name_uk, name_en, name_native, centre, alias };

/// How a result matched, best first. Results are ranked by this, then by population.
enum class MatchKind : std::uint8_t {
    exact,   ///< the query is a whole name (uk, en, native or the hromada's centre)
    prefix,  ///< every query word starts a word of a name, in any order
    alias,   ///< like exact or prefix, but on an alias (another language, a former name)
    fuzzy,   ///< at least one word matched with a typo or by its sound (Kharkov -> Kharkiv)
    none,    ///< an empty query: every record passing the filters, largest first
};

std::string_view to_string(NameField field);
std::string_view to_string(MatchKind kind);

/// Filters combine with AND; the values listed within one filter combine with OR.
struct SearchFilters {
    std::vector<std::string> countries;  ///< ISO 3166-1 alpha-2, e.g. "UA", "PL"
    std::vector<std::string> regions;    ///< oblast or foreign region, as stored
    std::vector<std::string> districts;  ///< raion, as stored
    std::vector<MunicipalityKind> kinds;
    std::optional<std::int64_t> min_population;  ///< records with no population fail a range
    std::optional<std::int64_t> max_population;
    std::vector<Sector> needs;   ///< needs at least one of these
    std::vector<Sector> offers;  ///< offers at least one of these
    std::vector<PartnershipKind> partnership_kinds;  ///< is a party to a partnership of one of these kinds
    bool no_foreign_partner = false;  ///< no signed, active or dormant partnership with another country
    bool has_foreign_partner = false;  ///< at least one such partnership
    bool frontline = false;           ///< only frontline communities
    /// Distance to the border with russia or belarus (extra["frontline"]
    /// ["distance_to_russia_or_belarus_km"]): "0-30", "30-100" or "100+" km; records without
    /// the distance (foreign municipalities) fail a band.
    std::vector<std::string> border_bands;
};

/// The border-distance bands a search can filter on, nearest first.
inline constexpr std::string_view k_border_bands[] = {"0-30", "30-100", "100+"};

struct SearchRequest {
    std::string query;  ///< as typed; a trailing space means the last word is complete
    SearchFilters filters;
    std::size_t offset = 0;
    std::size_t limit = 20;
    bool want_facets = true;
};

struct SearchHit {
    std::string id;
    double score = 0;  ///< 100 exact name ... 10 weak fuzzy; equal scores are ordered by population
    MatchKind match = MatchKind::none;
    NameField field = NameField::name_uk;
    std::string matched_name;  ///< the name or alias as stored, e.g. "Lemberg"
    std::optional<std::int64_t> population;
};

struct FacetCount {
    std::string value;  ///< a country code, region, district, kind code, sector code or partnership kind code
    std::size_t count = 0;
};

/// Counts for the current query. Each dimension is counted with every *other* filter applied,
/// so choosing a value in one dimension never hides its alternatives.
struct SearchFacets {
    std::vector<FacetCount> countries;
    std::vector<FacetCount> regions;
    std::vector<FacetCount> districts;
    std::vector<FacetCount> kinds;
    std::vector<FacetCount> needs;
    std::vector<FacetCount> offers;
    std::vector<FacetCount> partnership_kinds;
    std::vector<FacetCount> border_bands;  ///< "0-30", "30-100", "100+"
    std::size_t no_foreign_partner = 0;
    std::size_t has_foreign_partner = 0;
    std::size_t frontline = 0;
};

struct SearchResponse {
    std::size_t total = 0;  ///< how many records match the query and the filters
    std::vector<SearchHit> hits;
    SearchFacets facets;
};

nlohmann::json to_json(const SearchHit& hit);
nlohmann::json to_json(const SearchFacets& facets);
nlohmann::json to_json(const SearchResponse& response);

struct SearchIndexOptions {
    /// Decides which communities count as frontline. Unset: extra["frontline"] is true, or is an
    /// object whose "frontline" is true or whose "distance_to_russia_km" is at most 30.
    std::function<bool(const Municipality&)> frontline;
};

class SearchIndex {
public:
    SearchIndex();
    ~SearchIndex();
    SearchIndex(SearchIndex&&) noexcept;
    SearchIndex& operator=(SearchIndex&&) noexcept;

    /// Indexes every municipality of the registry (names in all three languages and aliases).
    static SearchIndex build(const Registry& registry, const SearchIndexOptions& options = {});
    static SearchIndex build(const std::vector<Municipality>& municipalities,
                             const std::vector<Partnership>& partnerships,
                             const SearchIndexOptions& options = {});

    /// Ranked results for the request. Never throws for any query text; an unknown filter value
    /// simply matches nothing.
    SearchResponse search(const SearchRequest& request) const;

    std::size_t size() const;          ///< municipalities indexed
    std::size_t token_count() const;   ///< distinct folded words
    std::size_t memory_bytes() const;  ///< bytes held by the index's own structures

private:
    std::unique_ptr<SearchIndexData> m_data;
};

}  // namespace prd
