#include "api/search_routes.hpp"

#include <memory>

#include "api/index_cache.hpp"
#include "model/json_codec.hpp"
#include "search/matching.hpp"
#include "search/search_index.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

std::vector<std::string> list_param(const ApiRequest& request, const char* name) {
    std::vector<std::string> values;
    const auto it = request.query.find(name);
    if (it == request.query.end()) return values;
    std::size_t start = 0;
    const std::string& text = it->second;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (end > start) values.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return values;
}

std::optional<std::int64_t> int_param(const ApiRequest& request, const char* name, std::int64_t min, std::int64_t max) {
    const auto it = request.query.find(name);
    if (it == request.query.end() || it->second.empty()) return std::nullopt;
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(it->second, &used);
    } catch (...) {
        used = 0;
    }
    if (used != it->second.size() || value < min || value > max)
        throw BadParameter{std::string(name) + ": must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)};
    return value;
}

bool flag_param(const ApiRequest& request, const char* name) {
    const auto it = request.query.find(name);
    if (it == request.query.end()) return false;
    if (it->second == "1" || it->second == "true" || it->second.empty()) return true;
    if (it->second == "0" || it->second == "false") return false;
    throw BadParameter{std::string(name) + ": must be 1 or 0"};
}

template <typename T, typename Parse>
std::vector<T> enum_list(const ApiRequest& request, const char* name, Parse parse) {
    std::vector<T> values;
    for (const auto& text : list_param(request, name)) {
        const auto value = parse(text);
        if (!value) throw BadParameter{std::string(name) + ": unknown value \"" + text + "\""};
        values.push_back(*value);
    }
    return values;
}

}  // namespace

SearchRequest parse_search_request(const ApiRequest& request) {
    SearchRequest search;
    if (const auto it = request.query.find("q"); it != request.query.end()) search.query = it->second;
    if (search.query.size() > 200) throw BadParameter{"q: at most 200 characters"};
    search.limit = static_cast<std::size_t>(int_param(request, "limit", 1, 100).value_or(20));
    search.offset = static_cast<std::size_t>(int_param(request, "offset", 0, 100000).value_or(0));
    auto& f = search.filters;
    f.countries = list_param(request, "country");
    f.regions = list_param(request, "region");
    f.districts = list_param(request, "district");
    f.kinds = enum_list<MunicipalityKind>(request, "kind", municipality_kind_from_string);
    f.min_population = int_param(request, "min_population", 0, 100000000000);
    f.max_population = int_param(request, "max_population", 0, 100000000000);
    f.needs = enum_list<Sector>(request, "needs", sector_from_code);
    f.offers = enum_list<Sector>(request, "offers", sector_from_code);
    f.partnership_kinds = enum_list<PartnershipKind>(request, "partnership_kind", partnership_kind_from_string);
    f.no_foreign_partner = flag_param(request, "no_foreign_partner");
    f.has_foreign_partner = flag_param(request, "has_foreign_partner");
    f.border_bands = list_param(request, "border_band");
    for (const std::string& band : f.border_bands) {
        if (std::find(std::begin(k_border_bands), std::end(k_border_bands), band) == std::end(k_border_bands))
            throw BadParameter{"border_band: unknown value \"" + band + "\" (0-30, 30-100 or 100+)"};
    }
    f.frontline = flag_param(request, "frontline");
    if (request.query.count("facets")) search.want_facets = flag_param(request, "facets");
    return search;
}

namespace {

ApiResponse ok(const Json& body) {
    ApiResponse response;
    response.body = body.dump();
    return response;
}

}  // namespace

void add_search_routes(Api& api, RegistryService& registry, std::shared_ptr<IndexCache> cache) {
    if (!cache) cache = std::make_shared<IndexCache>(registry);
    api.add_route("GET", "/api/v1/search", [cache](const ApiRequest& request, const Principal&,
                                                   const std::vector<std::string>&) {
        try {
            const auto search = parse_search_request(request);
            const auto index = cache->current();
            return ok(to_json(index->search(search)));
        } catch (const BadParameter& bad) {
            return error_response(400, "bad_request", bad.message);
        }
    });

    api.add_route("GET", "/api/v1/municipalities/{}/matches", [&registry](const ApiRequest& request,
                                                                          const Principal& principal,
                                                                          const std::vector<std::string>& params) {
        try {
            MatchOptions options;
            options.limit = static_cast<std::size_t>(int_param(request, "limit", 1, 100).value_or(10));
            if (const auto it = request.query.find("scope"); it != request.query.end()) {
                if (it->second == "cross_border") options.scope = MatchOptions::Scope::cross_border;
                else if (it->second == "domestic") options.scope = MatchOptions::Scope::domestic;
                else if (it->second == "any") options.scope = MatchOptions::Scope::any;
                else throw BadParameter{"scope: must be cross_border, domestic or any"};
            }
            options.preferred_countries = list_param(request, "country");
            if (const auto km = int_param(request, "max_km", 1, 40000)) options.max_distance_km = static_cast<double>(*km);
            options.prefer_near = flag_param(request, "near");
            const std::string& id = params.at(0);
            // Whom a community hid or declined is private: only those who may see the list have
            // those ids left out, and for everyone else the answer does not depend on it.
            const bool own = can_see_dismissals(principal, id);
            const auto dismissed = own ? registry.dismissals(id) : DismissedSuggestions{};
            auto response = registry.read([&](const Registry& r) {
                if (!r.find_municipality(id))
                    return error_response(404, "not_found", "no municipality with id \"" + id + "\"");
                Json list = Json::array();
                for (const auto& suggestion : suggest_partners(r, id, options, dismissed)) list.push_back(to_json(suggestion));
                return ok(Json{{"municipality", id}, {"suggestions", list}});
            });
            if (own) response.headers.emplace_back("Cache-Control", "private, no-store");
            return response;
        } catch (const BadParameter& bad) {
            return error_response(400, "bad_request", bad.message);
        }
    });
}

}  // namespace prd::server
