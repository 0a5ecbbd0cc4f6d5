#include "api/stats_routes.hpp"

#include <map>
#include <memory>
#include <mutex>

#include "api/conditional.hpp"
#include "api/search_routes.hpp"
#include "model/json_codec.hpp"
#include "stats/gap_stats.hpp"

namespace prd::server {
namespace {

/// The figures of the current revision for the filters asked for lately, the unfiltered ones
/// first among them. A filter's figures are computed by its first request after a write, under
/// the registry's shared lock (writers wait for it, readers do not); stats requests that come
/// meanwhile wait rather than compute too, so however many arrive, stats use one core at most.
class StatsCache {
public:
    explicit StatsCache(RegistryService& registry) : m_registry(registry) {}

    /// `key` names the filter: "" for none.
    std::shared_ptr<const stats::GapStats> get(const stats::Filter& filter, const std::string& key) {
        std::lock_guard lock(m_mutex);
        const std::int64_t revision = m_registry.revision();
        if (revision != m_revision) {
            m_figures.clear();
            m_revision = revision;
        }
        if (const auto it = m_figures.find(key); it != m_figures.end()) return it->second;
        auto figures = std::make_shared<const stats::GapStats>(
            m_registry.read([&](const Registry& r) { return stats::compute(r, filter); }));
        // Filters are many; past a few dozen, start again rather than grow without end.
        if (m_figures.size() >= k_filters_kept) m_figures.clear();
        m_figures.emplace(key, figures);
        return figures;
    }

private:
    static constexpr std::size_t k_filters_kept = 32;
    RegistryService& m_registry;
    std::mutex m_mutex;
    std::int64_t m_revision = -1;
    std::map<std::string, std::shared_ptr<const stats::GapStats>> m_figures;
};

struct StatsQuery {
    std::string by;
    bool csv = false;
    std::string lang = "uk";
    stats::Filter filter;
    std::string filter_key;  ///< the filter as text, "" for none: "-kind=twinning-country=PL"
    std::string tag;         ///< what of the query shapes the answer, for the ETag: "oblast-json-kind=twinning"
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

    if (!q.filter.kinds.empty()) {
        q.filter_key += "-kind=";
        for (const PartnershipKind kind : q.filter.kinds) q.filter_key += std::string(to_string(kind)) + ",";
        q.filter_key.pop_back();
    }
    if (!q.filter.partner_country.empty()) q.filter_key += "-country=" + q.filter.partner_country;
    if (q.filter.year_from != 0 || q.filter.year_to != 0)
        q.filter_key += "-years=" + std::to_string(q.filter.year_from) + "-" + std::to_string(q.filter.year_to);
    q.tag =
        (q.by.empty() ? std::string("all") : q.by) + (q.csv ? "-csv-" + q.lang : std::string("-json")) + q.filter_key;
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
            const auto figures = cache->get(query.filter, query.filter_key);
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
