#include "http/static_files.hpp"

#include <vector>

namespace prd::server {

std::string content_type_for(std::string_view name) {
    struct Type {
        std::string_view extension;
        std::string_view type;
    };
    static constexpr Type types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".ttf", "font/ttf"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".data", "application/octet-stream"},
    };
    for (const auto& t : types)
        if (name.size() >= t.extension.size() && name.substr(name.size() - t.extension.size()) == t.extension)
            return std::string(t.type);
    return "application/octet-stream";
}

namespace {

// name.<8 or more hex digits>.ext
bool has_content_hash(std::string_view name) {
    const auto last = name.rfind('.');
    if (last == std::string_view::npos || last == 0) return false;
    const auto before = name.rfind('.', last - 1);
    if (before == std::string_view::npos) return false;
    const auto hash = name.substr(before + 1, last - before - 1);
    if (hash.size() < 8) return false;
    for (const char c : hash)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

std::optional<StaticFile> resolve_static_file(const std::filesystem::path& web_dir, std::string_view url_path) {
    if (web_dir.empty() || url_path.empty() || url_path.front() != '/') return std::nullopt;
    std::string relative(url_path.substr(1));
    if (relative.empty() || relative.back() == '/') relative += "index.html";
    // httplib has already percent-decoded the path; anything that could climb out or smuggle a
    // separator is refused rather than normalised.
    if (relative.find('\0') != std::string::npos || relative.find('\\') != std::string::npos) return std::nullopt;
    std::size_t start = 0;
    while (start <= relative.size()) {
        const auto end = std::min(relative.find('/', start), relative.size());
        const auto segment = std::string_view(relative).substr(start, end - start);
        if (segment.empty() || segment == "." || segment == ".." || segment.front() == '.') return std::nullopt;
        start = end + 1;
    }
    const auto path = web_dir / relative;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;

    StaticFile file;
    file.path = path;
    file.content_type = content_type_for(relative);
    // The page and the loader must be revalidated so a new release reaches people at once; files
    // whose names carry a content hash (app.3f2a9c1e.wasm) never change and are cached for a year.
    file.cache_control = has_content_hash(path.filename().string()) ? "public, max-age=31536000, immutable" : "no-cache";
    return file;
}

const std::vector<std::pair<std::string, std::string>>& security_headers() {
    static const std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
         "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
         "base-uri 'none'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
    };
    return headers;
}

}  // namespace prd::server
