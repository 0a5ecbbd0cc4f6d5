#include "http/request_log.hpp"

#include <cstdio>

namespace prd::server {

std::string escape_for_log(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F || byte == ' ' || byte == '%') {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

std::string request_log_line(std::string_view method, std::string_view path, int status, std::size_t bytes,
                             double milliseconds, std::string_view principal) {
    char numbers[64];
    std::snprintf(numbers, sizeof numbers, " %d %zu %.1fms ", status, bytes, milliseconds);
    return escape_for_log(method) + " " + escape_for_log(path) + numbers + escape_for_log(principal) + "\n";
}

}  // namespace prd::server
