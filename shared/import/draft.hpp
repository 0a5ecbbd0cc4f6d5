#pragma once
// The registry while the importers build it: records by id (so output is sorted by id), names kept
// only for matching, and GeoNames cities held back until a partnership needs them.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.hpp"
#include "registry/registry.hpp"

namespace prd::import {

/// Stamps every record an import makes. Fixed values, so the same input gives the same bytes.
struct ImportOptions {
    std::string as_of = "2025-11-27";                 ///< the date the data describe (newest source: GeoNames)
    std::string updated_at = "2025-11-27T00:00:00Z";  ///< updated_at of imported records
    double match_radius_km = 30.0;                    ///< how far a name match may lie from the source's point
    /// Countries whose municipalities are left out: a registry of partners for Ukraine's recovery
    /// does not offer the aggressor states' cities, and ties with them have been cut since 2022.
    std::vector<std::string> excluded_countries = {"BY", "RU"};
    bool excluded(std::string_view country) const {
        for (const std::string& c : excluded_countries) {
            if (c == country) return true;
        }
        return false;
    }
};

struct RegistryDraft {
    std::map<std::string, Municipality> municipalities;
    std::map<std::string, Partnership> partnerships;
    std::vector<Announcement> announcements;
    std::int64_t revision = 0;  ///< the newest record revision; see number_changed_records
    /// More names a municipality is known by (all of GeoNames' alternate names), used only to
    /// match twin-town labels; never written to the registry.
    std::map<std::string, std::vector<std::string>> match_names;
    /// GeoNames cities outside Europe: not part of the registry unless a partnership with a
    /// Ukrainian community names one, which then moves it into `municipalities`.
    std::map<std::string, Municipality> reserve;

    static RegistryDraft from_snapshot(const Snapshot& snapshot);
    Snapshot to_snapshot() const;

    /// Importers leave a record they make or change at revision 0; this numbers those records
    /// revision+1, revision+2, ... (municipalities, then partnerships, each by id), so every
    /// change has its own revision and a client syncing in pages never has to take all at once.
    void number_changed_records();

    /// Adds `name` to the aliases unless it folds to a name or alias the record already has.
    static bool add_alias(Municipality& record, std::string_view name);
};

/// The name a title shows for a municipality: a hromada's centre ("Львів"), else its name.
std::string display_name(const Municipality& record, std::string_view lang);

/// What to look for: the names a source uses for one place, its country and its point.
struct MatchQuery {
    std::vector<std::string> names;
    std::string country;  ///< ISO 3166-1 alpha-2
    std::optional<GeoPoint> point;
};

struct MatchResult {
    enum class Status { matched, not_found, too_far, ambiguous, no_point };
    Status status = Status::not_found;
    std::string id;
    bool from_reserve = false;
    std::string detail;  ///< for reports: the nearest candidate and its distance, or the rivals
};

/// Finds a registry municipality by folded name within one country and a radius of the point.
/// A match is made when exactly one municipality of that name lies within the radius, or when the
/// nearest lies within 5 km of the point and every other at least three times as far plus 5 km.
class Matcher {
public:
    Matcher(const RegistryDraft& draft, bool with_reserve, double radius_km);
    MatchResult match(const MatchQuery& query) const;

private:
    struct Candidate {
        const Municipality* record;
        bool from_reserve;
    };
    void index(const Municipality& record, const std::vector<std::string>* more, bool from_reserve);
    std::map<std::string, std::vector<Candidate>, std::less<>> m_by_name;
    double m_radius_km;
};

}  // namespace prd::import
