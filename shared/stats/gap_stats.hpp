#pragma once
// The gap figures: which Ukrainian communities have no foreign partner (in all, by oblast, by
// distance to the border with russia or belarus), partnerships signed per year, by kind and by
// partner country, and the open declarations and calls for partners. One computation for every
// host: the CLI (`partnership stats`), the API (GET /api/v1/stats) and the web app's dashboard
// give the same numbers because they all call compute().
//
// Definitions:
// - A Ukrainian community is a municipality of country "UA" whose kind is not foreign_municipality;
//   a foreign municipality is one of any other country.
// - A partnership is in force when its status is signed, active or dormant (not proposed, not
//   ended). A community "has a foreign partner" when it is a party, with a foreign municipality,
//   of a partnership in force that passes the filter; only an ended partnership leaves it without.
// - The year, kind and country tables count every partnership that was signed (status signed,
//   active, dormant or ended; not proposed) and passes the filter. by_partner_country counts, per
//   such partnership having a Ukrainian party, each distinct foreign country among its parties once.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/types.hpp"

namespace prd {
class Registry;
}

namespace prd::stats {

/// Which partnerships count. Empty / 0 means "any".
struct Filter {
    std::vector<PartnershipKind> kinds;
    std::string partner_country;  ///< ISO 3166-1 alpha-2 of a foreign side; empty: any
    /// signed_on year, inclusive; 0: open. With a range set, undated partnerships are left out.
    int year_from = 0;
    int year_to = 0;
};

/// True when the partnership passes the filter (whatever its status): its kind is one of
/// `kinds`, a party of it is a foreign municipality of `partner_country`, its signed_on year is
/// in the range. A party missing from the registry counts as no country.
bool passes(const Partnership& partnership, const Registry& registry, const Filter& filter);

/// True when the partnership is in force (signed, active or dormant; not proposed, not ended)
/// and passes the filter.
bool in_force(const Partnership& partnership, const Registry& registry, const Filter& filter);

/// True when the partnership was signed (signed, active, dormant or ended; not proposed) and
/// passes the filter.
bool was_signed(const Partnership& partnership, const Registry& registry, const Filter& filter);

/// True for a Ukrainian community: country "UA", kind other than foreign_municipality.
bool is_ukrainian_community(const Municipality& municipality);

/// Every Ukrainian community (country "UA", kind other than foreign_municipality) -> how many
/// distinct foreign municipalities (country other than UA) it has partnerships in force with
/// (0 included).
std::unordered_map<std::string, int> foreign_partner_counts(const Registry& registry, const Filter& filter = {});

/// Distance to the border with Russia or Belarus in km, from
/// extra["frontline"]["distance_to_russia_or_belarus_km"]; nullopt when unknown.
std::optional<double> border_distance_km(const Municipality& municipality);
/// The index into k_border_bands (search/search_index.hpp: "0-30", "30-100", "100+") of the
/// municipality's distance: up to 30 km, up to 100 km, farther; nullopt when unknown. The one
/// place the bands' limits are set: the search index's border_band filter reads this too.
std::optional<std::size_t> border_band_index(const Municipality& municipality);
/// "0-30", "30-100", "100+", or "unknown". Agrees with the search index's border bands (both
/// read border_band_index).
std::string_view border_band(const Municipality& municipality);

struct OblastRow {
    std::string oblast;
    std::size_t hromadas = 0;
    std::size_t without_foreign_partner = 0;
};
struct BandRow {
    std::string band;
    std::size_t hromadas = 0;
    std::size_t without_foreign_partner = 0;
};
struct CountRow {
    std::string key;
    std::size_t partnerships = 0;
};
/// An open joint declaration (partnership with open_to_join) or a call for partners (an
/// announcement tagged "call_for_partners").
struct OpenCall {
    std::string kind;  ///< "declaration" or "call"
    std::string id;
    LocalizedText title;
    std::string date;  ///< signed_on or the announcement's date
    /// declaration: parties; call: distinct municipalities that are parties of partnerships the
    /// announcement links to (links of kind "partnership"), i.e. who answered.
    std::size_t joined = 0;
};
/// A community without a foreign partner, with what the "without" CSV lists of it.
struct CommunityRow {
    std::string id;
    LocalizedText name;  ///< names.uk and names.en
    std::string oblast;  ///< Municipality::region as stored
    std::optional<std::int64_t> population;
};

struct GapStats {
    std::int64_t revision = 0;
    std::size_t hromadas = 0;
    std::size_t no_foreign_partner = 0;
    std::vector<std::string> without_foreign_partner;  ///< municipality ids, sorted by id
    std::vector<CommunityRow> without_details;         ///< the same communities in the same order
    /// One row per Municipality::region of UA communities, sorted by oblast (the stored Ukrainian
    /// name, in byte order: a host that shows them sorts by the name it shows).
    std::vector<OblastRow> by_oblast;
    std::vector<BandRow> frontline;            ///< "0-30", "30-100", "100+", then "unknown" only when non-zero
    std::vector<CountRow> by_year;             ///< rising year, only years with partnerships; key "2021"
    std::size_t undated = 0;                   ///< signed partnerships without signed_on
    std::vector<CountRow> by_kind;             ///< key = the kind's JSON name, every kind listed, in enum order
    std::vector<CountRow> by_partner_country;  ///< top 20 by count then code; key = alpha-2
    std::vector<OpenCall> open;                ///< declarations then calls, by date descending
};

/// The figures of the registry as it is. Open declarations are partnerships with open_to_join
/// that are in force and pass the filter; calls for partners are listed whatever the filter.
GapStats compute(const Registry& registry, const Filter& filter = {});

/// no_foreign_partner / hromadas, from 0 to 1, rounded to 4 decimals; 0 when there are no hromadas.
double share_without(const GapStats& stats);

/// The tables a caller may ask for with --by / ?by=.
inline constexpr std::string_view k_tables[] = {"oblast", "frontline", "year", "kind", "country", "open", "without"};
bool is_table(std::string_view name);
/// "oblast, frontline, year, kind, country, open or without", for messages that list the choices.
std::string table_choices();

/// Reading a filter from text, for the CLI's options and the API's parameters. Each returns ""
/// when the text was read into `filter`, else the rule it breaks (the caller names the option).
/// kinds: partnership kinds by JSON name, comma-separated ("twinning,memorandum"), added to filter.kinds.
std::string read_kinds(std::string_view text, Filter& filter);
/// country: two letters (upper-cased into filter.partner_country).
std::string read_partner_country(std::string_view text, Filter& filter);
/// years: "FROM-TO" of four-digit years, FROM not after TO; either side may be left out ("2014-", "-2021").
std::string read_years(std::string_view text, Filter& filter);

/// The whole figures as JSON ({"revision", "hromadas", "no_foreign_partner", "share_without",
/// "by_oblast":[{"oblast","hromadas","without_foreign_partner"}], "frontline":[{"band","hromadas",
/// "without_foreign_partner"}], "by_year":[{"year","partnerships"}], "undated", "by_kind":[{"kind",
/// "partnerships"}], "by_partner_country":[{"country","partnerships"}], "open":[{"kind","id","title":{"uk","en"},
/// "date","joined"}], "without_foreign_partner":[ids]}), or with `by` set only the headline numbers
/// (revision, hromadas, no_foreign_partner, share_without) plus that one table's member ("year"
/// also brings "undated"). `by` must be empty or one of k_tables.
nlohmann::json to_json(const GapStats& stats, std::string_view by = {});

/// One table as CSV: UTF-8 with a BOM, CRLF line ends, a header row in `lang` ("uk" or "en"),
/// text cells through import::csv_text_cell (cells that begin with = + - @ tab or CR neutralised).
/// Names (oblasts, countries, kinds, bands, titles) are in `lang`; numbers are plain numbers.
/// "year" ends with an "undated" row when there are any; "without" lists id, name (uk/en by
/// lang), oblast, population. `table` must be one of k_tables.
std::string to_csv(const GapStats& stats, std::string_view table, std::string_view lang);

}  // namespace prd::stats
