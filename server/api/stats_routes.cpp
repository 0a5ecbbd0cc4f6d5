#include "api/stats_routes.hpp"

#include <memory>
#include <mutex>

#include "api/conditional.hpp"
#include "api/search_routes.hpp"
#include "model/json_codec.hpp"
#include "stats/gap_stats.hpp"

namespace prd::server {
namespace {

/// The unfiltered figures of the latest revision asked for; computed by the first request after
/// a write (others asking meanwhile wait for it: the computation takes a registry read, not a scan
/// per request).
class StatsCache {
public:
    explicit StatsCache(RegistryService& registry) : m_registry(registry) {}

    std::shared_ptr<const stats::GapStats> current() {
        std::lock_guard lock(m_mutex);
        if (!m_stats || m_stats->revision < m_registry.revision())
            m_stats = std::make_shared<const stats::GapStats>(
                m_registry.read([](const Registry& r) { return stats::compute(r); }));
        return m_stats;
    }

private:
    RegistryService& m_registry;
    std::mutex m_mutex;
    std::shared_ptr<const stats::GapStats> m_stats;
};

struct StatsQuery {
    std::string by;
    bool csv = false;
    std::string lang = "uk";
    stats::Filter filter;
    std::string tag;  ///< what of the query shapes the answer, for the ETag: "oblast-json-kind=twinning"

    bool filtered() const {
        return !filter.kinds.empty() || !filter.partner_country.empty() || filter.year_from != 0 || filter.year_to != 0;
    }
};

StatsQuery parse_query(const ApiRequest& request) {
    StatsQuery q;
    const auto param = [&](const char* name) -> const std::string* {
        const auto it = request.query.find(name);
        return it == request.query.end() ? nullptr : &it->second;
    };
    const auto check = [](const char* name, const std::string& rule) {
        if (!rule.empty()) throw BadParameter{std::string(name) + ": " + rule};
    };
    if (const auto* by = param("by")) {
        if (!stats::is_table(*by))
            throw BadParameter{"by: must be one of " + stats::table_choices() + ", got \"" + *by + "\""};
        q.by = *by;
    }
    if (const auto* format = param("format")) {
        if (*format != "json" && *format != "csv") throw BadParameter{"format: must be json or csv"};
        q.csv = *format == "csv";
    }
    if (q.csv && q.by.empty())
        throw BadParameter{"by: format=csv gives one table, so name it (" + stats::table_choices() + ")"};
    if (const auto* lang = param("lang")) {
        if (*lang != "uk" && *lang != "en") throw BadParameter{"lang: must be uk or en"};
        q.lang = *lang;
    }
    if (const auto* kind = param("kind")) check("kind", stats::read_kinds(*kind, q.filter));
    if (const auto* country = param("partner_country"))
        check("partner_country", stats::read_partner_country(*country, q.filter));
    if (const auto* years = param("years")) check("years", stats::read_years(*years, q.filter));

    q.tag = (q.by.empty() ? std::string("all") : q.by) + (q.csv ? "-csv-" + q.lang : std::string("-json"));
    if (!q.filter.kinds.empty()) {
        q.tag += "-kind=";
        for (const PartnershipKind kind : q.filter.kinds) q.tag += std::string(to_string(kind)) + ",";
        q.tag.pop_back();
    }
    if (!q.filter.partner_country.empty()) q.tag += "-country=" + q.filter.partner_country;
    if (q.filter.year_from != 0 || q.filter.year_to != 0)
        q.tag += "-years=" + std::to_string(q.filter.year_from) + "-" + std::to_string(q.filter.year_to);
    return q;
}

EntityTag tag_of(std::int64_t revision, const StatsQuery& query) {
    return {false, std::to_string(revision) + "-" + query.tag};
}

}  // namespace

void add_stats_routes(Api& api, RegistryService& registry) {
    auto cache = std::make_shared<StatsCache>(registry);
    api.add_route(
        "GET", "/api/v1/stats",
        [cache, &registry](const ApiRequest& request, const Principal&, const std::vector<std::string>&) {
            StatsQuery query;
            try {
                query = parse_query(request);
            } catch (const BadParameter& bad) {
                return error_response(400, "bad_request", bad.message);
            }
            ApiResponse response;
            response.headers.emplace_back("Cache-Control", "no-cache");
            // Asked again at the same revision: answered without computing anything.
            if (const auto it = request.headers.find("If-None-Match");
                it != request.headers.end() && none_match_fails(it->second, {tag_of(registry.revision(), query)})) {
                response.headers.emplace_back("ETag", tag_of(registry.revision(), query).text());
                response.status = 304;
                response.content_type.clear();
                return response;
            }
            const auto figures = query.filtered()
                                     ? std::make_shared<const stats::GapStats>(registry.read(
                                           [&](const Registry& r) { return stats::compute(r, query.filter); }))
                                     : cache->current();
            response.headers.emplace_back("ETag", tag_of(figures->revision, query).text());
            if (query.csv) {
                response.content_type = "text/csv; charset=utf-8";
                response.headers.emplace_back("Content-Disposition",
                                              "attachment; filename=\"stats-" + query.by + ".csv\"");
                response.body = stats::to_csv(*figures, query.by, query.lang);
            } else {
                response.body = stats::to_json(*figures, query.by).dump();
            }
            return response;
        });
}

}  // namespace prd::server
