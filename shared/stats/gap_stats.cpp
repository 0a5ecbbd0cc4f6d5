// Computing the gap figures (gap_stats.hpp) from a registry, and reading a filter from text. The
// JSON and CSV forms of the figures are in gap_stats_tables.cpp.

#include "stats/gap_stats.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "model/json_codec.hpp"
#include "registry/registry.hpp"
#include "search/search_index.hpp"

namespace prd::stats {
namespace {

constexpr std::size_t k_top_countries = 20;
constexpr std::string_view k_unknown_band = "unknown";
constexpr std::string_view k_call_tag = "call_for_partners";

bool is_foreign(const Municipality* m) { return m != nullptr && m->country != "UA"; }

/// The year of a YYYY-MM-DD date, or nothing when it is empty or not one.
std::optional<int> year_of(std::string_view date) {
    int year = 0;
    if (date.size() < 4) return std::nullopt;
    const auto [end, error] = std::from_chars(date.data(), date.data() + 4, year);
    if (error != std::errc() || end != date.data() + 4) return std::nullopt;
    return year;
}

bool signed_status(PartnershipStatus status) { return status != PartnershipStatus::proposed; }

bool in_force_status(PartnershipStatus status) {
    return status == PartnershipStatus::signed_ || status == PartnershipStatus::active ||
           status == PartnershipStatus::dormant;
}

/// Newest first, then by id, so equal dates list in a stable order.
bool newer(const OpenCall& a, const OpenCall& b) {
    if (a.date != b.date) return a.date > b.date;
    return a.id < b.id;
}

std::vector<OpenCall> open_calls(const Registry& registry, const Filter& filter) {
    std::vector<OpenCall> declarations, calls;
    for (const auto& [id, p] : registry.partnerships()) {
        if (!p.open_to_join || !in_force(p, registry, filter)) continue;
        declarations.push_back({"declaration", id, p.title, p.signed_on, p.parties.size()});
    }
    for (const auto& [id, a] : registry.announcements()) {
        if (std::find(a.tags.begin(), a.tags.end(), k_call_tag) == a.tags.end()) continue;
        std::set<std::string_view> answered;
        for (const RecordLink& link : a.links) {
            if (link.kind != "partnership") continue;
            if (const Partnership* p = registry.find_partnership(link.id))
                for (const Party& party : p->parties) answered.insert(party.municipality);
        }
        calls.push_back({"call", id, a.title, a.date, answered.size()});
    }
    std::sort(declarations.begin(), declarations.end(), newer);
    std::sort(calls.begin(), calls.end(), newer);
    declarations.insert(declarations.end(), std::make_move_iterator(calls.begin()),
                        std::make_move_iterator(calls.end()));
    return declarations;
}

/// A partnership's parties as the registry holds them; null for one it lacks.
using Parties = std::vector<const Municipality*>;

/// The registry's municipalities by id. A hash lookup per party instead of a walk down the
/// registry's tree, which at 100,000 municipalities (a cache miss a level) was most of the time a
/// whole computation took.
using MunicipalityIndex = std::unordered_map<std::string_view, const Municipality*>;

MunicipalityIndex index_by_id(const Registry& registry) {
    MunicipalityIndex index;
    index.reserve(registry.municipalities().size());
    for (const auto& [id, m] : registry.municipalities()) index.emplace(id, &m);
    return index;
}

template <typename Find>
void resolve(const Partnership& partnership, Find find, Parties& parties) {
    parties.clear();
    for (const Party& party : partnership.parties) parties.push_back(find(party.municipality));
}

bool passes(const Partnership& partnership, const Parties& parties, const Filter& filter) {
    if (!filter.kinds.empty() &&
        std::find(filter.kinds.begin(), filter.kinds.end(), partnership.kind) == filter.kinds.end())
        return false;
    if (filter.year_from != 0 || filter.year_to != 0) {
        const auto year = year_of(partnership.signed_on);
        if (!year) return false;
        if (filter.year_from != 0 && *year < filter.year_from) return false;
        if (filter.year_to != 0 && *year > filter.year_to) return false;
    }
    if (filter.partner_country.empty()) return true;
    return std::any_of(parties.begin(), parties.end(),
                       [&](const Municipality* m) { return is_foreign(m) && m->country == filter.partner_country; });
}

/// A Ukrainian community and a foreign municipality joined by a partnership in force; the same two
/// appear once per partnership they share.
using Pairs = std::vector<std::pair<const Municipality*, const Municipality*>>;

/// The year, kind and country tables as they are counted.
struct Tally {
    std::map<int, std::size_t> years;
    std::size_t undated = 0;
    std::array<std::size_t, static_cast<std::size_t>(PartnershipKind::joint_declaration) + 1> kinds{};
    std::map<std::string_view, std::size_t> countries;  ///< views of the registry's country codes
};

void count_signed(const Partnership& partnership, const Parties& parties, Tally& tally) {
    if (const auto year = year_of(partnership.signed_on))
        ++tally.years[*year];
    else
        ++tally.undated;
    ++tally.kinds[static_cast<std::size_t>(partnership.kind)];
    if (std::none_of(parties.begin(), parties.end(),
                     [](const Municipality* m) { return m && is_ukrainian_community(*m); }))
        return;
    std::vector<std::string_view> countries;
    for (const Municipality* m : parties)
        if (is_foreign(m) && std::find(countries.begin(), countries.end(), m->country) == countries.end())
            countries.push_back(m->country);
    for (std::string_view country : countries) ++tally.countries[country];
}

/// One pass over the partnerships, each party looked up once: the pairs in force, sorted and
/// without repeats, and the signed partnerships' tally when one is given.
Pairs scan(const Registry& registry, const Filter& filter, Tally* tally) {
    const MunicipalityIndex index = index_by_id(registry);
    const auto find = [&index](const std::string& id) -> const Municipality* {
        const auto it = index.find(id);
        return it == index.end() ? nullptr : it->second;
    };
    Pairs pairs;
    Parties parties;
    for (const auto& [id, p] : registry.partnerships()) {
        const bool in_force = in_force_status(p.status), was_signed = tally && signed_status(p.status);
        if (!in_force && !was_signed) continue;
        resolve(p, find, parties);
        if (!passes(p, parties, filter)) continue;
        if (was_signed) count_signed(p, parties, *tally);
        if (!in_force) continue;
        for (const Municipality* community : parties) {
            if (!community || !is_ukrainian_community(*community)) continue;
            for (const Municipality* other : parties)
                if (is_foreign(other)) pairs.emplace_back(community, other);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

void fill_tables(const Tally& tally, GapStats& stats) {
    stats.undated = tally.undated;
    for (const auto& [year, count] : tally.years) stats.by_year.push_back({std::to_string(year), count});
    for (std::size_t i = 0; i < tally.kinds.size(); ++i)
        stats.by_kind.push_back({std::string(to_string(static_cast<PartnershipKind>(i))), tally.kinds[i]});
    for (const auto& [country, count] : tally.countries)
        stats.by_partner_country.push_back({std::string(country), count});
    // The map already holds them by code, so a stable sort by count leaves ties by code.
    std::stable_sort(stats.by_partner_country.begin(), stats.by_partner_country.end(),
                     [](const CountRow& a, const CountRow& b) { return a.partnerships > b.partnerships; });
    if (stats.by_partner_country.size() > k_top_countries) stats.by_partner_country.resize(k_top_countries);
}

}  // namespace

bool passes(const Partnership& partnership, const Registry& registry, const Filter& filter) {
    Parties parties;
    resolve(
        partnership, [&registry](const std::string& id) { return registry.find_municipality(id); }, parties);
    return passes(partnership, parties, filter);
}

bool in_force(const Partnership& partnership, const Registry& registry, const Filter& filter) {
    return in_force_status(partnership.status) && passes(partnership, registry, filter);
}

bool was_signed(const Partnership& partnership, const Registry& registry, const Filter& filter) {
    return signed_status(partnership.status) && passes(partnership, registry, filter);
}

bool is_ukrainian_community(const Municipality& municipality) {
    return municipality.country == "UA" && municipality.kind != MunicipalityKind::foreign_municipality;
}

std::unordered_map<std::string, int> foreign_partner_counts(const Registry& registry, const Filter& filter) {
    std::unordered_map<std::string, int> counts;
    for (const auto& [id, m] : registry.municipalities())
        if (is_ukrainian_community(m)) counts.emplace(id, 0);
    for (const auto& [community, partner] : scan(registry, filter, nullptr)) ++counts[community->id];
    return counts;
}

std::optional<double> border_distance_km(const Municipality& municipality) {
    const auto it = municipality.extra.find("frontline");
    if (it == municipality.extra.end() || !it->is_object()) return std::nullopt;
    const auto distance = it->find("distance_to_russia_or_belarus_km");
    if (distance == it->end() || !distance->is_number()) return std::nullopt;
    return distance->get<double>();
}

std::optional<std::size_t> border_band_index(const Municipality& municipality) {
    const auto km = border_distance_km(municipality);
    if (!km) return std::nullopt;
    return *km <= 30 ? 0 : *km <= 100 ? 1 : 2;
}

std::string_view border_band(const Municipality& municipality) {
    const auto band = border_band_index(municipality);
    return band ? k_border_bands[*band] : k_unknown_band;
}

GapStats compute(const Registry& registry, const Filter& filter) {
    GapStats stats;
    stats.revision = registry.revision();
    Tally tally;
    // Sorted by community, so the communities with a partner come out sorted for binary_search.
    const Pairs pairs = scan(registry, filter, &tally);
    std::vector<const Municipality*> with_partner;
    for (const auto& [community, partner] : pairs)
        if (with_partner.empty() || with_partner.back() != community) with_partner.push_back(community);
    std::map<std::string_view, OblastRow> oblasts;
    std::array<BandRow, std::size(k_border_bands) + 1> bands;
    for (std::size_t i = 0; i < std::size(k_border_bands); ++i) bands[i].band = k_border_bands[i];
    bands.back().band = k_unknown_band;
    // The registry's map is ordered by id, so the list comes out sorted by id.
    for (const auto& [id, m] : registry.municipalities()) {
        if (!is_ukrainian_community(m)) continue;
        const bool without = !std::binary_search(with_partner.begin(), with_partner.end(), &m);
        ++stats.hromadas;
        OblastRow& oblast = oblasts[m.region];
        oblast.oblast = m.region;
        ++oblast.hromadas;
        BandRow& band = bands[border_band_index(m).value_or(std::size(k_border_bands))];
        ++band.hromadas;
        if (!without) continue;
        ++stats.no_foreign_partner;
        ++oblast.without_foreign_partner;
        ++band.without_foreign_partner;
        stats.without_foreign_partner.push_back(id);
        stats.without_details.push_back({id, {m.names.uk, m.names.en}, m.region, m.population});
    }
    for (auto& [name, row] : oblasts) stats.by_oblast.push_back(std::move(row));
    stats.frontline.assign(bands.begin(), bands.end() - 1);
    if (bands.back().hromadas > 0) stats.frontline.push_back(bands.back());
    fill_tables(tally, stats);
    stats.open = open_calls(registry, filter);
    return stats;
}

bool is_table(std::string_view name) {
    return std::find(std::begin(k_tables), std::end(k_tables), name) != std::end(k_tables);
}

std::string table_choices() {
    std::string out;
    for (std::size_t i = 0; i < std::size(k_tables); ++i) {
        if (i > 0) out += i + 1 == std::size(k_tables) ? " or " : ", ";
        out += k_tables[i];
    }
    return out;
}

std::string read_kinds(std::string_view text, Filter& filter) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        const std::string_view name = text.substr(start, end - start);
        const auto kind = partnership_kind_from_string(name);
        if (!kind) {
            std::string choices;
            for (std::size_t i = 0; i <= static_cast<std::size_t>(PartnershipKind::joint_declaration); ++i)
                choices += (i ? ", " : "") + std::string(to_string(static_cast<PartnershipKind>(i)));
            return "unknown partnership kind \"" + std::string(name) + "\" (one of " + choices + ")";
        }
        filter.kinds.push_back(*kind);
        start = end + 1;
    }
    return {};
}

std::string read_partner_country(std::string_view text, Filter& filter) {
    std::string code;
    for (const char c : text) code += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    const bool letters =
        code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!letters) return "must be a country's two-letter ISO 3166-1 code, e.g. PL, got \"" + std::string(text) + "\"";
    if (code == "UA") return "must be the country of a foreign partner, not UA";
    filter.partner_country = code;
    return {};
}

std::string read_years(std::string_view text, Filter& filter) {
    const std::string rule =
        "must be FROM-TO, four-digit years with FROM not after TO (2014-2022, 2014- or -2021), got \"" +
        std::string(text) + "\"";
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) return rule;
    const auto year = [](std::string_view part, int& out) {
        if (part.empty()) return true;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), out);
        return part.size() == 4 && error == std::errc() && end == part.data() + part.size() && out >= 1000;
    };
    int from = 0, to = 0;
    if (dash == 0 && text.size() == 1) return rule;
    if (!year(text.substr(0, dash), from) || !year(text.substr(dash + 1), to)) return rule;
    if (from != 0 && to != 0 && from > to) return rule;
    filter.year_from = from;
    filter.year_to = to;
    return {};
}

}  // namespace prd::stats
