// Partner suggestions. One pass over the registry: neighbours and their partners first (for the
// network component), then every eligible candidate scored component by component.

#include "search/matching.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "model/json_codec.hpp"
#include "model/json_read.hpp"
#include "registry/registry.hpp"

namespace prd {
namespace {

constexpr double k_pi = 3.14159265358979323846;
constexpr double k_far_km = 3000;  // the distance at which "near" stops counting

double distance_km(const GeoPoint& a, const GeoPoint& b) {
    const double rad = k_pi / 180;
    const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// Priority 1 is the most urgent; it weighs five times priority 5.
double priority_weight(int priority) { return std::clamp(6 - priority, 1, 5) / 5.0; }

// How much of `wanted` (by priority) `supplied` covers, and which sectors those are.
double coverage(const std::vector<SectorEntry>& wanted, const std::vector<SectorEntry>& supplied, std::vector<Sector>& hits) {
    double total = 0, met = 0;
    for (const SectorEntry& w : wanted) {
        total += priority_weight(w.priority);
        const auto it = std::find_if(supplied.begin(), supplied.end(), [&](const SectorEntry& s) { return s.sector == w.sector; });
        if (it == supplied.end()) continue;
        // A firm offer (priority 1) covers a need fully; a tentative one (5) still counts for some.
        met += priority_weight(w.priority) * (0.6 + 0.4 * priority_weight(it->priority));
        hits.push_back(w.sector);
    }
    return total > 0 ? met / total : 0;
}

double size_similarity(const Municipality& a, const Municipality& b) {
    if (!a.population || !b.population || *a.population <= 0 || *b.population <= 0) return 0.3;
    const double ratio = std::abs(std::log10(static_cast<double>(*a.population) / static_cast<double>(*b.population)));
    return std::max(0.0, 1.0 - ratio);
}

bool is_current(const Partnership& p) { return p.status != PartnershipStatus::ended; }

const std::string& display_name(const Municipality& m, std::string_view lang) {
    const std::string& first = lang == "uk" ? m.names.uk : m.names.en;
    if (!first.empty()) return first;
    if (!m.names.native.empty()) return m.names.native;
    return lang == "uk" ? m.names.en : m.names.uk;
}

std::string sector_list(const std::vector<Sector>& sectors, std::string_view lang) {
    std::string out;
    for (std::size_t i = 0; i < sectors.size() && i < 3; ++i) {
        if (i > 0) out += ", ";
        out += sector_label_in_sentence(sectors[i], lang);
    }
    if (sectors.size() > 3) out += lang == "uk" ? " та ін." : " and more";
    return out;
}

std::string format_population(std::int64_t n, std::string_view separator) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

struct Clause {
    double weight;
    std::string uk, en;
};

LocalizedText make_reason(const PartnerSuggestion& s, const Municipality& self, const Municipality& other,
                          const Municipality* via, const MatchOptions& options) {
    const MatchWeights& w = options.weights;
    std::vector<Clause> clauses;
    if (!s.they_offer_we_need.empty())
        clauses.push_back({w.needs_covered * s.components.needs_covered,
                           "Пропонує те, чого ви потребуєте: " + sector_list(s.they_offer_we_need, "uk"),
                           "Offers what you need: " + sector_list(s.they_offer_we_need, "en")});
    if (!s.we_offer_they_need.empty())
        clauses.push_back({w.offers_wanted * s.components.offers_wanted,
                           "Потребує того, що ви пропонуєте: " + sector_list(s.we_offer_they_need, "uk"),
                           "Needs what you offer: " + sector_list(s.we_offer_they_need, "en")});
    if (via != nullptr)
        clauses.push_back({w.network * s.components.network,
                           (s.components.network >= 1 ? "Уже партнер вашого сусіда: " : "Уже партнер громади вашого регіону: ") +
                               display_name(*via, "uk"),
                           (s.components.network >= 1 ? "Already a partner of your neighbour " : "Already a partner of ") +
                               display_name(*via, "en") + (s.components.network >= 1 ? "" : " in your region")});
    if (s.components.size >= 0.7 && self.population && other.population)
        clauses.push_back({w.size * s.components.size,
                           "Схожа за розміром (" + format_population(*other.population, "\u00a0") + " мешканців)",
                           "Similar size (population " + format_population(*other.population, ",") + ")"});
    if (s.components.country > 0)
        clauses.push_back({w.country * s.components.country, "У бажаній країні (" + other.country + ")",
                           "In a preferred country (" + other.country + ")"});
    if (options.prefer_near && s.distance_km)
        clauses.push_back({w.distance * s.components.distance,
                           "За " + format_population(std::llround(*s.distance_km), "\u00a0") + " км",
                           format_population(std::llround(*s.distance_km), ",") + " km away"});
    std::stable_sort(clauses.begin(), clauses.end(), [](const Clause& a, const Clause& b) { return a.weight > b.weight; });
    LocalizedText reason;
    for (std::size_t i = 0; i < clauses.size() && i < 2; ++i) {
        reason.uk += (i > 0 ? "; " : "") + clauses[i].uk;
        reason.en += (i > 0 ? "; " : "") + clauses[i].en;
    }
    if (reason.en.empty()) {
        reason.uk = "Відкрита до партнерства";
        reason.en = "Open to partners";
    }
    return reason;
}

bool in_scope(const Municipality& self, const Municipality& other, MatchOptions::Scope scope) {
    if ((self.kind == MunicipalityKind::region) != (other.kind == MunicipalityKind::region)) return false;
    switch (scope) {
    case MatchOptions::Scope::cross_border:
        return self.country == "UA" ? other.country != "UA" : other.country == "UA";
    case MatchOptions::Scope::domestic: return other.country == self.country;
    case MatchOptions::Scope::any: return true;
    }
    return true;
}

}  // namespace

bool DismissedSuggestions::contains(std::string_view id) const {
    return std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
}

void DismissedSuggestions::dismiss(std::string id, Reason reason, std::string at) {
    restore(id);
    entries.push_back({std::move(id), reason, std::move(at)});
}

bool DismissedSuggestions::restore(std::string_view id) {
    const auto before = entries.size();
    std::erase_if(entries, [&](const Entry& e) { return e.id == id; });
    return entries.size() != before;
}

nlohmann::json to_json(const DismissedSuggestions& dismissed) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : dismissed.entries) {
        nlohmann::json item{{"id", e.id}, {"reason", e.reason == DismissedSuggestions::Reason::hidden ? "hidden" : "declined"}};
        if (!e.at.empty()) item["at"] = e.at;
        entries.push_back(std::move(item));
    }
    return {{"municipality", dismissed.municipality}, {"entries", std::move(entries)}};
}

DismissedSuggestions dismissed_suggestions_from_json(const nlohmann::json& json) {
    using namespace json_read;
    require_object(json, "");
    DismissedSuggestions out;
    if (const auto* m = member(json, "municipality")) out.municipality = read_string(*m, "municipality");
    if (const auto* list = member(json, "entries")) {
        require_array(*list, "entries");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto& item = (*list)[i];
            const std::string path = index_path("entries", i);
            require_object(item, path);
            DismissedSuggestions::Entry entry;
            const auto* id = member(item, "id");
            if (id == nullptr) throw DecodeError(child_path(path, "id"), "is required");
            entry.id = read_string(*id, child_path(path, "id"));
            if (const auto* reason = member(item, "reason")) {
                const std::string text = read_string(*reason, child_path(path, "reason"));
                if (text == "hidden") entry.reason = DismissedSuggestions::Reason::hidden;
                else if (text == "declined") entry.reason = DismissedSuggestions::Reason::declined;
                else throw DecodeError(child_path(path, "reason"), "must be hidden or declined");
            }
            if (const auto* at = member(item, "at")) entry.at = read_string(*at, child_path(path, "at"));
            out.entries.push_back(std::move(entry));
        }
    }
    return out;
}

nlohmann::json to_json(const PartnerSuggestion& s) {
    auto sectors = [](const std::vector<Sector>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (Sector sector : list) out.push_back(sector_info(sector).code);
        return out;
    };
    nlohmann::json j{
        {"id", s.id},
        {"score", std::round(s.score * 10) / 10},
        {"components",
         {{"needs_covered", s.components.needs_covered},
          {"offers_wanted", s.components.offers_wanted},
          {"size", s.components.size},
          {"network", s.components.network},
          {"country", s.components.country},
          {"distance", s.components.distance}}},
        {"they_offer_we_need", sectors(s.they_offer_we_need)},
        {"we_offer_they_need", sectors(s.we_offer_they_need)},
        {"reason", {{"uk", s.reason.uk}, {"en", s.reason.en}}},
    };
    if (!s.via.empty()) j["via"] = s.via;
    if (s.distance_km) j["distance_km"] = std::round(*s.distance_km);
    return j;
}

std::vector<PartnerSuggestion> suggest_partners(const Registry& registry, std::string_view municipality_id,
                                                const MatchOptions& options, const DismissedSuggestions& dismissed) {
    const Municipality* self = registry.find_municipality(municipality_id);
    if (self == nullptr) throw std::invalid_argument("municipality \"" + std::string(municipality_id) + "\" is not in the registry");

    std::unordered_set<std::string_view> current;
    for (const Partnership* p : registry.partnerships_of(self->id)) {
        if (!is_current(*p)) continue;
        for (const Party& party : p->parties) current.insert(party.municipality);
    }

    // Partners of neighbours (1) and of other communities in the region (0.5), with whom. One
    // pass over the municipalities and one over the partnerships, whatever the registry's size.
    std::unordered_map<std::string_view, std::pair<double, const Municipality*>> near;
    for (const auto& [id, m] : registry.municipalities()) {
        if (id == self->id || m.country != self->country) continue;
        const bool same_district = !self->district.empty() && m.district == self->district && m.region == self->region;
        const bool close = self->location && m.location && distance_km(*self->location, *m.location) <= options.neighbour_km;
        if (same_district || close) near[id] = {1.0, &m};
        else if (!self->region.empty() && m.region == self->region) near[id] = {0.5, &m};
    }
    std::unordered_map<std::string_view, std::pair<double, const Municipality*>> ties;
    for (const auto& [pid, p] : registry.partnerships()) {
        if (!is_current(p)) continue;
        for (const Party& member : p.parties) {
            const auto it = near.find(member.municipality);
            if (it == near.end()) continue;
            for (const Party& party : p.parties) {
                if (party.municipality == member.municipality) continue;
                auto& tie = ties[party.municipality];
                if (it->second.first > tie.first) tie = it->second;
            }
        }
    }

    const MatchWeights& w = options.weights;
    const double weight_sum = w.needs_covered + w.offers_wanted + w.size + w.network + w.country + w.distance;
    std::vector<PartnerSuggestion> out;
    std::vector<const Municipality*> vias;
    for (const auto& [id, other] : registry.municipalities()) {
        if (id == self->id || !other.open_to_partners || current.count(id) > 0 || dismissed.contains(id)) continue;
        if (!in_scope(*self, other, options.scope)) continue;
        PartnerSuggestion s;
        if (self->location && other.location) s.distance_km = distance_km(*self->location, *other.location);
        if (options.max_distance_km && s.distance_km && *s.distance_km > *options.max_distance_km) continue;
        s.id = id;
        s.components.needs_covered = coverage(self->needs, other.offers, s.they_offer_we_need);
        s.components.offers_wanted = coverage(self->offers, other.needs, s.we_offer_they_need);
        s.components.size = size_similarity(*self, other);
        const Municipality* via = nullptr;
        if (const auto it = ties.find(id); it != ties.end()) {
            s.components.network = it->second.first;
            via = it->second.second;
            s.via = via->id;
        }
        const auto& preferred = options.preferred_countries;
        s.components.country = std::find(preferred.begin(), preferred.end(), other.country) != preferred.end() ? 1 : 0;
        if (options.prefer_near && s.distance_km) s.components.distance = std::max(0.0, 1 - *s.distance_km / k_far_km);
        const MatchComponents& c = s.components;
        const double sum = w.needs_covered * c.needs_covered + w.offers_wanted * c.offers_wanted + w.size * c.size +
                           w.network * c.network + w.country * c.country + w.distance * c.distance;
        s.score = weight_sum > 0 ? 100 * sum / weight_sum : 0;
        out.push_back(std::move(s));
        vias.push_back(via);
    }

    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::size_t keep = std::min(options.limit, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(), [&](std::size_t a, std::size_t b) {
        if (out[a].score != out[b].score) return out[a].score > out[b].score;
        return out[a].id < out[b].id;
    });
    std::vector<PartnerSuggestion> ranked;
    ranked.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i) {
        PartnerSuggestion& s = out[order[i]];
        s.reason = make_reason(s, *self, *registry.find_municipality(s.id), vias[order[i]], options);
        ranked.push_back(std::move(s));
    }
    return ranked;
}

}  // namespace prd
