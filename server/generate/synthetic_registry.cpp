#include "generate/synthetic_registry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include "i18n/translit.hpp"
#include "model/sectors.hpp"
#include "search/fold.hpp"

namespace prd::server {
namespace {

constexpr const char* kUpdatedAt = "2026-11-30T00:00:00Z";

/// Byte offsets of the code points of a UTF-8 string (the input is valid: it passed decoding).
std::vector<std::size_t> code_point_starts(const std::string& text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    return starts;
}

/// The first part of `a` and the last part of `b`, cut at code points near their middles:
/// "Pozn|ań" + "Gnie|zno" gives "Poznzno"-like names that read like the country's own.
std::string splice(const std::string& a, const std::string& b, std::mt19937_64& rng) {
    const auto sa = code_point_starts(a), sb = code_point_starts(b);
    if (sa.size() < 4 || sb.size() < 4) return a;
    const std::size_t cut_a = sa[sa.size() / 2 - 1 + rng() % 3];
    const std::size_t cut_b = sb[sb.size() / 2 - 1 + rng() % 3];
    return a.substr(0, cut_a) + b.substr(cut_b);
}

/// The name without what says the kind of community ("Турійська селищна громада" -> "Турійська").
std::string bare_name(const std::string& name) {
    const auto space = name.find(' ');
    return space == std::string::npos ? name : name.substr(0, space);
}

std::vector<SectorEntry> sectors(std::mt19937_64& rng, int max) {
    const auto all = all_sectors();
    std::vector<SectorEntry> list;
    std::set<Sector> seen;
    for (int i = static_cast<int>(rng() % (max + 1)); i > 0; --i) {
        const Sector sector = all[rng() % all.size()].sector;
        if (seen.insert(sector).second) list.push_back({sector, static_cast<int>(1 + rng() % 5), ""});
    }
    return list;
}

std::string date(std::mt19937_64& rng) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(1991 + rng() % 35),
                  static_cast<int>(1 + rng() % 12), static_cast<int>(1 + rng() % 28));
    return text;
}

}  // namespace

Snapshot generate_registry(const Snapshot& real, const GenerateOptions& options) {
    std::mt19937_64 rng(options.seed);
    Snapshot out;
    out.revision = real.revision;
    std::set<std::string> kept;
    // A registry smaller than the real one keeps a sample of it, so both Ukraine and abroad are in it.
    std::vector<std::size_t> order(real.municipalities.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (options.municipalities < order.size()) std::shuffle(order.begin(), order.end(), rng);
    for (const std::size_t i : order) {
        if (out.municipalities.size() >= options.municipalities) break;
        out.municipalities.push_back(real.municipalities[i]);
        kept.insert(real.municipalities[i].id);
    }
    for (const auto& p : real.partnerships) {
        if (out.partnerships.size() >= options.partnerships) break;
        if (std::all_of(p.parties.begin(), p.parties.end(),
                        [&](const Party& party) { return kept.count(party.municipality); }))
            out.partnerships.push_back(p);
    }
    out.announcements = real.announcements;

    // Templates by country: real places with a location, whose names the new ones are spliced from.
    std::map<std::string, std::vector<const Municipality*>> by_country;
    std::vector<const Municipality*> located;
    for (const auto& m : real.municipalities) {
        if (!m.location || m.kind == MunicipalityKind::region) continue;
        by_country[m.country].push_back(&m);
        located.push_back(&m);
    }
    if (located.empty())
        throw std::invalid_argument("generate: the real registry has no located municipality to start from");

    std::vector<std::string> ukrainian, foreign;
    for (const auto& m : out.municipalities) (m.country == "UA" ? ukrainian : foreign).push_back(m.id);
    std::int64_t revision = out.revision;
    for (std::size_t serial = 1; out.municipalities.size() < options.municipalities; ++serial) {
        // Countries as often as the real registry has them.
        const Municipality& base = *located[rng() % located.size()];
        const auto& peers = by_country[base.country];
        const Municipality& other = *peers[rng() % peers.size()];
        Municipality m;
        m.country = base.country;
        m.kind = base.kind;
        m.region = base.region;
        m.district = base.district;
        if (m.country == "UA") {
            char id[32];
            std::snprintf(id, sizeof id, "UA99%015zu", serial);
            m.id = id;
            const std::string suffix = base.names.uk.size() > bare_name(base.names.uk).size()
                                           ? base.names.uk.substr(bare_name(base.names.uk).size())
                                           : std::string();
            m.names.uk = splice(bare_name(base.names.uk), bare_name(other.names.uk), rng) + suffix;
            m.names.native = m.names.uk;
            m.names.en = transliterate_uk(m.names.uk);
            ukrainian.push_back(m.id);
        } else {
            m.id = m.country + "-9" + std::to_string(1000000 + serial);
            const std::string& a = base.names.native.empty() ? base.names.en : base.names.native;
            const std::string& b = other.names.native.empty() ? other.names.en : other.names.native;
            m.names.native = splice(a, b, rng);
            m.names.en =
                splice(base.names.en.empty() ? a : base.names.en, other.names.en.empty() ? b : other.names.en, rng);
            if (!base.names.uk.empty() && !other.names.uk.empty())
                m.names.uk = splice(base.names.uk, other.names.uk, rng);
            if (m.names.en.empty()) m.names.en = m.names.native;
            foreign.push_back(m.id);
        }
        if (rng() % 4 == 0) m.aliases.push_back(fold_for_search(m.names.en));
        // Within about 25 km of the real place.
        const double lat =
            std::clamp(base.location->lat + (static_cast<double>(rng() % 2001) - 1000) / 4000.0, -89.9, 89.9);
        const double lon =
            std::clamp(base.location->lon + (static_cast<double>(rng() % 2001) - 1000) / 2500.0, -179.9, 179.9);
        m.location = GeoPoint{std::round(lat * 1e5) / 1e5, std::round(lon * 1e5) / 1e5};
        m.population = static_cast<std::int64_t>(std::exp(6.5 + static_cast<double>(rng() % 1000) / 1000.0 * 6));
        if (rng() % 2) m.area_km2 = std::round(static_cast<double>(*m.population) / (20 + rng() % 400) * 10) / 10;
        m.needs = sectors(rng, m.country == "UA" ? 4 : 1);
        m.offers = sectors(rng, m.country == "UA" ? 1 : 4);
        m.languages = base.languages;
        m.open_to_partners = rng() % 5 != 0;
        m.revision = ++revision;
        m.updated_at = kUpdatedAt;
        out.municipalities.push_back(std::move(m));
    }

    std::map<std::string, const Municipality*> by_id;
    for (const auto& m : out.municipalities) by_id[m.id] = &m;
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& p : out.partnerships)
        if (p.parties.size() == 2) pairs.insert({p.parties[0].municipality, p.parties[1].municipality});
    for (std::size_t serial = 1; out.partnerships.size() < options.partnerships; ++serial) {
        if (ukrainian.size() < 2)
            throw std::invalid_argument("generate: partnerships need at least two Ukrainian municipalities");
        Partnership p;
        // Most are twinnings with a foreign town; about a tenth cooperation between two hromadas.
        const bool domestic = foreign.empty() || rng() % 10 == 0;
        const std::string& a = ukrainian[rng() % ukrainian.size()];
        const std::string& b = domestic ? ukrainian[rng() % ukrainian.size()] : foreign[rng() % foreign.size()];
        if (a == b || !pairs.insert({a, b}).second) continue;
        p.id = "syn-" + std::to_string(serial);
        p.kind = domestic ? PartnershipKind::inter_municipal_cooperation : PartnershipKind::twinning;
        p.status = rng() % 6 == 0 ? PartnershipStatus::dormant : PartnershipStatus::signed_;
        p.parties = {{a, ""}, {b, ""}};
        const auto& ma = *by_id.at(a);
        const auto& mb = *by_id.at(b);
        p.title.en = std::string(domestic ? "Cooperation agreement" : "Twinning agreement") + " between " +
                     ma.names.en + " and " + mb.names.en;
        p.title.uk = std::string(domestic ? "Договір про співробітництво" : "Угода про побратимство") + ": " +
                     ma.names.uk + " — " + (mb.names.uk.empty() ? mb.names.en : mb.names.uk);
        if (rng() % 3) p.signed_on = date(rng);
        for (const auto& entry : sectors(rng, 3)) p.areas.push_back(entry.sector);
        p.source = "synthetic (partnership generate, seed " + std::to_string(options.seed) + ")";
        p.revision = ++revision;
        p.updated_at = kUpdatedAt;
        out.partnerships.push_back(std::move(p));
    }
    out.revision = revision;
    return out;
}

}  // namespace prd::server
