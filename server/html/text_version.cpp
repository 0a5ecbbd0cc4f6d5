#include "html/text_version.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

#include "api/search_routes.hpp"

namespace prd::server {
namespace {

using html::Lang;

constexpr std::size_t k_sitemap_urls = 50000;  ///< the sitemaps protocol's limit per file

// The text version has no script, no frames and no inline style: a policy that says so, sent
// alongside the server's general one (a browser enforces both).
constexpr const char* k_page_policy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string header(const ApiRequest& request, const char* name) {
    const auto it = request.headers.find(name);
    return it == request.headers.end() ? std::string() : it->second;
}

/// True when If-None-Match names the tag (or is *), weak or strong.
bool not_modified(const ApiRequest& request, const std::string& etag) {
    const std::string value = header(request, "If-None-Match");
    std::size_t start = 0;
    while (start < value.size()) {
        const auto end = std::min(value.find(',', start), value.size());
        std::string item = value.substr(start, end - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (item.rfind("W/", 0) == 0) item.erase(0, 2);
        if (item == etag || item == "*") return true;
        start = end + 1;
    }
    return false;
}

ApiResponse with_cache_headers(ApiResponse response, const std::string& etag, bool negotiated) {
    response.headers.emplace_back("ETag", etag);
    response.headers.emplace_back("Cache-Control", "no-cache");
    response.headers.emplace_back("Vary", negotiated ? "Accept-Language, Accept-Encoding" : "Accept-Encoding");
    return response;
}

ApiResponse not_modified_response() {
    ApiResponse response;
    response.status = 304;
    response.content_type.clear();
    return response;
}

std::string query_string(const ApiRequest& request) {
    std::string out;
    for (const auto& [key, value] : request.query)
        out += (out.empty() ? "?" : "&") + html::url_encode(key) + "=" + html::url_encode(value);
    return out;
}

/// A number from 1 to max, or nothing when the text is anything else.
std::optional<std::size_t> positive(const std::string& text, std::size_t max) {
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const auto value = std::stoul(text);
    if (value < 1 || value > max) return std::nullopt;
    return value;
}

}  // namespace

TextVersion::TextVersion(RegistryService& registry, std::shared_ptr<IndexCache> index, TextVersionOptions options)
    : m_registry(registry), m_index(std::move(index)), m_options(std::move(options)) {
    if (!m_index) m_index = std::make_shared<IndexCache>(registry);
    while (!m_options.public_url.empty() && m_options.public_url.back() == '/') m_options.public_url.pop_back();
}

Lang TextVersion::language(const ApiRequest& request) {
    if (const auto it = request.query.find("lang"); it != request.query.end()) {
        if (it->second == "uk") return Lang::uk;
        if (it->second == "en") return Lang::en;
    }
    // Accept-Language: "de-DE,de;q=0.9,en;q=0.8" -> English; Ukrainian unless English is preferred.
    const std::string accept = lower(header(request, "Accept-Language"));
    double uk = 0, en = 0;
    std::size_t start = 0;
    while (start < accept.size()) {
        const auto end = std::min(accept.find(',', start), accept.size());
        std::string item = accept.substr(start, end - start);
        item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
        double q = 1;
        if (const auto at = item.find(";q="); at != std::string::npos) {
            try {
                q = std::stod(item.substr(at + 3));
            } catch (...) {
                q = 0;
            }
            item.erase(at);
        }
        const std::string primary = item.substr(0, item.find('-'));
        if (primary == "uk") uk = std::max(uk, q);
        if (primary == "en") en = std::max(en, q);
        start = end + 1;
    }
    return en > uk ? Lang::en : Lang::uk;
}

std::string TextVersion::base_url(const ApiRequest& request) const {
    if (!m_options.public_url.empty()) return m_options.public_url;
    std::string host = header(request, "Host");
    const bool plain = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
    if (!plain) host = "localhost";
    return (lower(header(request, "X-Forwarded-Proto")) == "https" ? "https://" : "http://") + host;
}

std::shared_ptr<const html::SearchChoices> TextVersion::choices(const std::shared_ptr<const SearchIndex>& index) const {
    std::lock_guard lock(m_choices_mutex);
    if (m_choices_index != index) {
        m_choices = std::make_shared<const html::SearchChoices>(html::search_choices(*index));
        m_choices_index = index;
    }
    return m_choices;
}

std::optional<ApiResponse> TextVersion::handle(const ApiRequest& request) const {
    const std::string& path = request.path;
    if (path == "/registry") {
        ApiResponse response;
        response.status = 301;
        response.content_type.clear();
        response.headers.emplace_back("Location", "/registry/" + query_string(request));
        return response;
    }
    if (path == "/robots.txt") {
        ApiResponse response;
        response.content_type = "text/plain; charset=utf-8";
        response.body = "User-agent: *\nAllow: /\nSitemap: " + base_url(request) + "/sitemap.xml\n";
        return response;
    }
    if (path == "/sitemap.xml") return sitemap(request);
    if (path == "/registry/style.css") {
        static const std::string etag = "\"css-" + std::to_string(std::hash<std::string_view>{}(html::stylesheet())) + "\"";
        ApiResponse response;
        if (not_modified(request, etag)) response = not_modified_response();
        else {
            response.content_type = "text/css; charset=utf-8";
            response.body = std::string(html::stylesheet());
        }
        response.headers.emplace_back("ETag", etag);
        response.headers.emplace_back("Cache-Control", "public, max-age=3600");
        return response;
    }
    if (path.rfind("/registry/", 0) != 0) return std::nullopt;
    return page(request);
}

ApiResponse TextVersion::page(const ApiRequest& request) const {
    const Lang lang = language(request);
    const bool negotiated = !request.query.count("lang");
    const std::string& path = request.path;
    const auto index = m_index->current();
    const auto base = base_url(request);
    const html::Query& query = request.query;

    return m_registry.read([&](const Registry& registry) {
        const std::string etag = "\"" + std::to_string(registry.revision()) + "-" + std::string(html::code(lang)) + "\"";
        if (not_modified(request, etag)) return with_cache_headers(not_modified_response(), etag, negotiated);
        const html::PageContext context{registry, *index, lang, query};
        html::HtmlPage page;
        const auto id_after = [&](std::string_view prefix) -> std::optional<std::string> {
            if (path.rfind(prefix, 0) != 0) return std::nullopt;
            const std::string id = path.substr(prefix.size());
            if (id.empty() || id.find('/') != std::string::npos) return std::nullopt;
            return id;
        };
        if (path == "/registry/") {
            try {
                const SearchRequest search = parse_search_request(request);
                std::optional<std::size_t> number = 1;
                if (const auto it = query.find("page"); it != query.end()) number = positive(it->second, 100000 / html::k_page_size);
                if (!number) throw BadParameter{"page: must be a whole number from 1 to " + std::to_string(100000 / html::k_page_size)};
                page = html::search_page(context, search, *number, *choices(index));
            } catch (const BadParameter& bad) {
                page = html::bad_request_page(lang, bad.message);
            }
        } else if (const auto id = id_after("/registry/m/")) {
            page = html::municipality_page(context, *id);
        } else if (const auto id = id_after("/registry/p/")) {
            page = html::partnership_page(context, *id);
        } else if (path == "/registry/declarations") {
            page = html::declarations_page(context);
        } else if (path == "/registry/stats") {
            page = html::stats_page(context);
        } else {
            page = html::not_found_page(lang, path);
        }
        ApiResponse response;
        response.status = page.status;
        response.content_type = "text/html; charset=utf-8";
        response.body = html::render_document(page, lang, base, query);
        response.headers.emplace_back("Content-Language", std::string(html::code(lang)));
        response.headers.emplace_back("Content-Security-Policy", k_page_policy);
        if (page.status != 200) return response;
        return with_cache_headers(std::move(response), etag, negotiated);
    });
}

ApiResponse TextVersion::sitemap(const ApiRequest& request) const {
    const std::string base = base_url(request);
    return m_registry.read([&](const Registry& registry) {
        const std::string etag = "\"" + std::to_string(registry.revision()) + "-sitemap\"";
        if (not_modified(request, etag)) return with_cache_headers(not_modified_response(), etag, false);
        // Every page in both languages; the pages name each other with hreflang links.
        std::vector<std::string> paths = {"/registry/", "/registry/declarations", "/registry/stats"};
        paths.reserve(3 + registry.municipalities().size() + registry.partnerships().size());
        for (const auto& [id, m] : registry.municipalities()) paths.push_back("/registry/m/" + html::url_encode(id));
        for (const auto& [id, p] : registry.partnerships()) paths.push_back("/registry/p/" + html::url_encode(id));
        const std::size_t urls = 2 * paths.size();
        const std::size_t parts = (urls + k_sitemap_urls - 1) / k_sitemap_urls;

        ApiResponse response;
        response.content_type = "application/xml; charset=utf-8";
        std::string& out = response.body;
        out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        const auto it = request.query.find("part");
        if (parts > 1 && it == request.query.end()) {
            // Too many for one file: an index of the parts.
            out += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
            for (std::size_t part = 1; part <= parts; ++part)
                out += "<sitemap><loc>" + html::escape(base + "/sitemap.xml?part=" + std::to_string(part)) + "</loc></sitemap>\n";
            out += "</sitemapindex>\n";
            return with_cache_headers(std::move(response), etag, false);
        }
        std::size_t part = 1;
        if (it != request.query.end()) {
            const auto number = positive(it->second, parts);
            if (!number) return error_response(404, "not_found", "part: no such part of the sitemap");
            part = *number;
        }
        out.reserve(urls * 80 / parts);
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        for (std::size_t i = (part - 1) * k_sitemap_urls; i < std::min(urls, part * k_sitemap_urls); ++i) {
            out += "<url><loc>";
            html::append_escaped(out, base + html::page_url(paths[i / 2], i % 2 ? Lang::en : Lang::uk));
            out += "</loc></url>\n";
        }
        out += "</urlset>\n";
        return with_cache_headers(std::move(response), etag, false);
    });
}

}  // namespace prd::server
