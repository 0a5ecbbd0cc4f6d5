// Embeds shared/seed/map_outlines.json (seed/incbin.hpp); PRD_EMBEDDED_MAP_OUTLINES is its
// absolute path, set by server/CMakeLists.txt. The file changes only with a new build, so it is
// compressed and tagged once per process, on the first request.

#include "api/map_routes.hpp"

#include <memory>

#include "api/conditional.hpp"
#include "api/gzip.hpp"
#include "auth/sha256.hpp"
#include "seed/incbin.hpp"

PRD_INCBIN(prd_embedded_map_outlines, PRD_EMBEDDED_MAP_OUTLINES);

namespace prd::server {
namespace {

struct EncodedOutlines {
    std::string json;
    std::string gzip;
    std::vector<EntityTag> tags;  ///< the JSON's, then the gzip's
};

std::shared_ptr<const EncodedOutlines> encoded_outlines() {
    static const std::shared_ptr<const EncodedOutlines> outlines = [] {
        auto made = std::make_shared<EncodedOutlines>();
        made->json = std::string(map_outlines_text());
        made->gzip = gzip_compress(made->json);
        const std::string digest = sha256_hex(made->json).substr(0, 32);
        made->tags = {{false, digest}, {false, digest + "-gzip"}};
        return made;
    }();
    return outlines;
}

ApiResponse outlines_response(const ApiRequest& request) {
    const auto outlines = encoded_outlines();
    const auto accept = request.headers.find("Accept-Encoding");
    const bool gzip = accept != request.headers.end() && accepts_coding(accept->second, "gzip");
    ApiResponse response;
    response.headers.emplace_back("ETag", outlines->tags[gzip ? 1 : 0].text());
    response.headers.emplace_back("Cache-Control", "public, max-age=86400");
    response.headers.emplace_back("Vary", "Accept-Encoding");
    if (const auto it = request.headers.find("If-None-Match");
        it != request.headers.end() && none_match_fails(it->second, outlines->tags)) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    // Shared, not copied: the file is hundreds of kilobytes.
    response.shared_body = std::shared_ptr<const std::string>(outlines, gzip ? &outlines->gzip : &outlines->json);
    if (gzip) response.headers.emplace_back("Content-Encoding", "gzip");
    return response;
}

}  // namespace

std::string_view map_outlines_text() { return PRD_INCBIN_TEXT(prd_embedded_map_outlines); }

void add_map_routes(Api& api) {
    api.add_route("GET", "/api/v1/map/outlines",
                  [](const ApiRequest& request, const Principal&, const std::vector<std::string>&) {
                      return outlines_response(request);
                  });
}

}  // namespace prd::server
