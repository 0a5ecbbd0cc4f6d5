// The registry under construction and the name/country/distance matcher.

#include "import/draft.hpp"

#include <algorithm>
#include <cstdio>

#include "import/text.hpp"

namespace prd::import {

RegistryDraft RegistryDraft::from_snapshot(const Snapshot& snapshot) {
    RegistryDraft draft;
    draft.revision = snapshot.revision;
    for (const Municipality& m : snapshot.municipalities) draft.municipalities[m.id] = m;
    for (const Partnership& p : snapshot.partnerships) draft.partnerships[p.id] = p;
    draft.announcements = snapshot.announcements;
    return draft;
}

Snapshot RegistryDraft::to_snapshot() const {
    Snapshot snapshot;
    snapshot.revision = revision;
    for (const auto& [id, m] : municipalities) snapshot.municipalities.push_back(m);
    for (const auto& [id, p] : partnerships) snapshot.partnerships.push_back(p);
    snapshot.announcements = announcements;
    std::sort(snapshot.announcements.begin(), snapshot.announcements.end(),
              [](const Announcement& a, const Announcement& b) { return a.id < b.id; });
    return snapshot;
}

void RegistryDraft::number_changed_records() {
    for (auto& [id, m] : municipalities) {
        if (m.revision == 0) m.revision = ++revision;
    }
    for (auto& [id, p] : partnerships) {
        if (p.revision == 0) p.revision = ++revision;
    }
}

bool RegistryDraft::add_alias(Municipality& record, std::string_view name) {
    const std::string trimmed(trim(name));
    if (trimmed.empty()) return false;
    // Spellings that differ only in case, apostrophes or separators are one alias; diacritics
    // make a different one (Lwów is how Poles write it, Lwow how others type it).
    const std::string key = fold_name(trimmed, true);
    if (key.empty()) return false;
    for (const std::string* known : {&record.names.uk, &record.names.en, &record.names.native}) {
        if (fold_name(*known, true) == key) return false;
    }
    const auto apostrophes = [](const std::string& text) {
        return std::count(text.begin(), text.end(), '\'') + static_cast<long>(text.find("\u2019") != std::string::npos);
    };
    for (std::string& alias : record.aliases) {
        if (fold_name(alias, true) != key) continue;
        if (apostrophes(trimmed) < apostrophes(alias)) alias = trimmed;  // Kharkov over Khar'kov
        return false;
    }
    record.aliases.push_back(trimmed);
    return true;
}

std::string display_name(const Municipality& record, std::string_view lang) {
    const auto centre = record.extra.find("centre");
    if (centre != record.extra.end() && centre->is_object()) {
        const auto name = centre->find(lang == "uk" ? "uk" : "en");
        if (name != centre->end() && name->is_string() && !name->get<std::string>().empty()) {
            return name->get<std::string>();
        }
    }
    const std::string& first = lang == "uk" ? record.names.uk : record.names.en;
    const std::string& second = lang == "uk" ? record.names.en : record.names.uk;
    return !first.empty() ? first : !second.empty() ? second : record.names.native;
}

Matcher::Matcher(const RegistryDraft& draft, bool with_reserve, double radius_km) : m_radius_km(radius_km) {
    for (const auto& [id, record] : draft.municipalities) {
        const auto more = draft.match_names.find(id);
        index(record, more == draft.match_names.end() ? nullptr : &more->second, false);
    }
    if (!with_reserve) return;
    for (const auto& [id, record] : draft.reserve) {
        const auto more = draft.match_names.find(id);
        index(record, more == draft.match_names.end() ? nullptr : &more->second, true);
    }
}

void Matcher::index(const Municipality& record, const std::vector<std::string>* more, bool from_reserve) {
    std::set<std::string> names;
    for (const std::string* name : {&record.names.uk, &record.names.en, &record.names.native}) {
        if (!name->empty()) names.insert(fold_name(*name));
    }
    for (const std::string& alias : record.aliases) names.insert(fold_name(alias));
    if (more) {
        for (const std::string& name : *more) names.insert(fold_name(name));
    }
    for (const std::string& name : names) {
        if (!name.empty()) m_by_name[name].push_back({&record, from_reserve});
    }
}

namespace {

constexpr double k_on_the_spot_km = 5.0;

std::string km(double distance) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f km", distance);
    return buffer;
}

}  // namespace

MatchResult Matcher::match(const MatchQuery& query) const {
    MatchResult result;
    std::map<std::string, const Candidate*> in_country;  // by id: one candidate per municipality
    for (const std::string& name : query.names) {
        const auto found = m_by_name.find(fold_name(name));
        if (found == m_by_name.end()) continue;
        for (const Candidate& candidate : found->second) {
            if (candidate.record->country == query.country) in_country.emplace(candidate.record->id, &candidate);
        }
    }
    if (in_country.empty()) {
        result.status = MatchResult::Status::not_found;
        return result;
    }
    if (!query.point) {
        result.status = MatchResult::Status::no_point;
        return result;
    }
    std::vector<std::pair<double, const Candidate*>> near;
    double nearest = -1;
    std::string nearest_id;
    for (const auto& [id, candidate] : in_country) {
        if (!candidate->record->location) continue;
        const double d = distance_km(*query.point, *candidate->record->location);
        if (nearest < 0 || d < nearest) {
            nearest = d;
            nearest_id = id;
        }
        if (d < m_radius_km) near.emplace_back(d, candidate);
    }
    if (near.empty()) {
        result.status = MatchResult::Status::too_far;
        if (nearest >= 0) result.detail = "nearest " + nearest_id + " at " + km(nearest);
        return result;
    }
    std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // Two places may share a name (a town and a village 15 km away, or a city and the village
    // that carries its former name): the source's point settles it only when it lies on one of
    // them and clearly away from every other.
    const bool clear_nearest =
        near.size() > 1 && near[0].first <= k_on_the_spot_km && near[1].first >= 3 * near[0].first + k_on_the_spot_km;
    if (near.size() > 1 && !clear_nearest) {
        result.status = MatchResult::Status::ambiguous;
        for (const auto& [d, candidate] : near) {
            if (!result.detail.empty()) result.detail += ", ";
            result.detail += candidate->record->id + " at " + km(d);
        }
        return result;
    }
    result.status = MatchResult::Status::matched;
    result.id = near.front().second->record->id;
    result.from_reserve = near.front().second->from_reserve;
    return result;
}

}  // namespace prd::import
