#pragma once
// The text version of the registry: server-rendered HTML pages under /registry/ for screen
// readers, old devices and search engines, plus /sitemap.xml and /robots.txt. Plain functions of
// ApiRequest and ApiResponse, like the API, so it is tested without sockets; server/http/ sends
// these paths here. It only reads the registry.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "api/api.hpp"
#include "api/index_cache.hpp"
#include "html/pages.hpp"

namespace prd::server {

struct TextVersionOptions {
    /// Scheme and host the pages are published at, e.g. https://partners.example.org, for
    /// canonical links and the sitemap. Empty: taken from the request (Host, X-Forwarded-Proto).
    std::string public_url;
};

class TextVersion {
public:
    TextVersion(RegistryService& registry, std::shared_ptr<IndexCache> index, TextVersionOptions options = {});

    /// The answer for /registry, /registry/..., /sitemap.xml and /robots.txt (GET or HEAD), or
    /// nothing for any other path. Pages answer in ?lang=uk|en, else in the language
    /// Accept-Language prefers of the two (Ukrainian when it names neither). Every response
    /// carries an ETag of the registry revision; a matching If-None-Match answers 304. A bad
    /// search parameter answers a 400 page naming it; an unknown record a 404 page.
    std::optional<ApiResponse> handle(const ApiRequest& request) const;

    /// The language a request asks for (exposed for tests).
    static html::Lang language(const ApiRequest& request);

private:
    ApiResponse page(const ApiRequest& request) const;
    ApiResponse sitemap(const ApiRequest& request) const;
    std::string base_url(const ApiRequest& request) const;
    std::shared_ptr<const html::SearchChoices> choices(const std::shared_ptr<const SearchIndex>& index) const;

    RegistryService& m_registry;
    std::shared_ptr<IndexCache> m_index;
    TextVersionOptions m_options;
    mutable std::mutex m_choices_mutex;
    mutable std::shared_ptr<const SearchIndex> m_choices_index;  ///< the index m_choices were taken from
    mutable std::shared_ptr<const html::SearchChoices> m_choices;
};

}  // namespace prd::server
