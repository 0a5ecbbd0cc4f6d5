// libFuzzer target: static path resolution. Whatever the URL path, a resolved file lies inside
// the web folder.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "http/static_files.hpp"

namespace {

const std::filesystem::path& web_dir() {
    static const std::filesystem::path dir = [] {
        const auto root = std::filesystem::temp_directory_path() / "prd-fuzz-static";
        std::filesystem::create_directories(root / "web" / "assets");
        std::ofstream(root / "web" / "index.html") << "<!doctype html>";
        std::ofstream(root / "web" / "assets" / "app.3f2a9c1e.wasm") << "\0asm";
        std::ofstream(root / "secret.txt") << "secret";
        return std::filesystem::canonical(root / "web");
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view path(reinterpret_cast<const char*>(data), size);
    const auto file = prd::server::resolve_static_file(web_dir(), path);
    if (!file) return 0;
    const auto resolved = std::filesystem::weakly_canonical(file->path).string();
    if (resolved.compare(0, web_dir().string().size() + 1, web_dir().string() + "/") != 0) __builtin_trap();
    return 0;
}
