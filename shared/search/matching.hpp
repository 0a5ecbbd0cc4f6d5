#pragma once
// Partner suggestions: for one municipality, the municipalities that would make good partners,
// ranked, each with its score components and a short reason in Ukrainian and English.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/sectors.hpp"
#include "model/types.hpp"

namespace prd {

class Registry;

/// The suggestions a community hid or declined, so they stay gone. A small value that the host
/// stores as JSON next to the community's profile.
struct DismissedSuggestions {
    enum class Reason { hidden, declined };
    struct Entry {
        std::string id;  ///< the suggested municipality
        Reason reason = Reason::hidden;
        std::string at;  ///< UTC ISO-8601, may be empty
        bool operator==(const Entry&) const = default;
    };
    std::string municipality;  ///< whose suggestions these are
    std::vector<Entry> entries;

    bool contains(std::string_view id) const;
    /// Records a dismissal; a second one for the same id replaces the first.
    void dismiss(std::string id, Reason reason, std::string at = {});
    /// Brings a suggestion back. Returns false when it was not dismissed.
    bool restore(std::string_view id);
    bool operator==(const DismissedSuggestions&) const = default;
};

nlohmann::json to_json(const DismissedSuggestions& dismissed);
/// Throws DecodeError naming the field (e.g. "entries[2].reason: must be hidden or declined").
DismissedSuggestions dismissed_suggestions_from_json(const nlohmann::json& json);

/// How much each component counts; the score is their weighted mean, times 100.
struct MatchWeights {
    double needs_covered = 0.35;
    double offers_wanted = 0.20;
    double size = 0.15;
    double network = 0.15;
    double country = 0.10;
    double distance = 0.05;
};

struct MatchOptions {
    enum class Scope {
        cross_border,  ///< a Ukrainian community gets foreign partners and a foreign one Ukrainian partners
        domestic,      ///< same country (the "Пліч-о-пліч" pairing of hromadas)
        any,
    };
    Scope scope = Scope::cross_border;
    std::size_t limit = 10;
    std::vector<std::string> preferred_countries;  ///< ISO 3166-1 alpha-2; raises the country component
    std::optional<double> max_distance_km;         ///< drops candidates farther away (when both have a location)
    bool prefer_near = false;     ///< distance component: near is better (otherwise it stays 0)
    double neighbour_km = 30;     ///< communities this close, or in the same raion, are neighbours
    MatchWeights weights;
};

/// Each in 0..1.
struct MatchComponents {
    double needs_covered = 0;  ///< how much of our need (by priority) they offer
    double offers_wanted = 0;  ///< how much of our offer (by priority) they need
    double size = 0;           ///< 1 for equal populations, 0 for a tenfold difference
    double network = 0;        ///< 1: a partner of a neighbour; 0.5: a partner of a community in our region
    double country = 0;        ///< 1 in a preferred country
    double distance = 0;       ///< with prefer_near: 1 next door, 0 at 3,000 km or more
};

struct PartnerSuggestion {
    std::string id;
    double score = 0;  ///< 0..100
    MatchComponents components;
    std::vector<Sector> they_offer_we_need;
    std::vector<Sector> we_offer_they_need;
    std::string via;  ///< the neighbour (or regional community) that already partners with them
    std::optional<double> distance_km;
    LocalizedText reason;  ///< one or two short clauses, e.g. "Offers what you need: energy, water"
};

nlohmann::json to_json(const PartnerSuggestion& suggestion);

/// Ranked partner suggestions for the municipality, best first, at most options.limit. Never
/// suggests the municipality itself, a current partner (any partnership that has not ended),
/// a dismissed id, or a municipality not open to partners. Regions are matched only with regions.
/// Throws std::invalid_argument when the id is not in the registry.
std::vector<PartnerSuggestion> suggest_partners(const Registry& registry, std::string_view municipality_id,
                                                const MatchOptions& options = {},
                                                const DismissedSuggestions& dismissed = {});

}  // namespace prd
