#pragma once
// Resolves a URL path to a file of the web bundle, with its type and caching policy. Pure
// functions, so path traversal and content types are tested without a socket.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace prd::server {

struct StaticFile {
    std::filesystem::path path;
    std::string content_type;
    std::string cache_control;
};

/// The file under `web_dir` that `url_path` names ("/" is index.html), or nothing when the path
/// is malformed, leaves web_dir (.., encoded slashes, NUL) or names no regular file.
std::optional<StaticFile> resolve_static_file(const std::filesystem::path& web_dir, std::string_view url_path);

/// The MIME type for a file name by its extension (application/wasm for .wasm).
std::string content_type_for(std::string_view file_name);

/// Security headers every response of the app carries, as (name, value) pairs.
const std::vector<std::pair<std::string, std::string>>& security_headers();

}  // namespace prd::server
