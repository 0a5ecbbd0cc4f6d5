// Name folding and small parsing helpers for the importers.

#include "import/text.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

namespace prd::import {
namespace {

// Decodes one UTF-8 code point at text[i], advancing i; invalid bytes come back as themselves.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return c;
    }
    char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return c;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Base letters of U+00C0..U+00FF and U+0100..U+017F; '*' keeps the character.
constexpr std::string_view k_latin1 = "aaaaaaaceeeeiiiidnooooo*ouuuuyts" "aaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr std::string_view k_latin_ext_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnooooooo"
    "orrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

bool is_apostrophe(char32_t cp) {
    return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018' || cp == U'`' || cp == U'\u00B4';
}

bool is_separator(char32_t cp) {
    return cp == U' ' || cp == U'-' || cp == U'.' || cp == U',' || cp == U'\t' || cp == U'/' || cp == U'(' ||
           cp == U')' || cp == U'\u2010' || cp == U'\u2013' || cp == U'\u2014' || cp == U'\u00A0' || cp == U'"';
}

}  // namespace

std::string fold_name(std::string_view text, bool keep_diacritics) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = next_code_point(text, i);
        if (is_apostrophe(cp)) continue;
        if (is_separator(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        if (cp >= U'A' && cp <= U'Z') {
            out += static_cast<char>(cp - U'A' + 'a');
        } else if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (keep_diacritics && cp >= 0xC0 && cp <= 0x24F) {
            const bool upper_latin1 = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
            const bool upper_ext_a = cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x138;
            append_utf8(out, upper_latin1 ? cp + 0x20 : upper_ext_a ? cp + 1 : cp);
        } else if (cp == U'ß') {
            out += "ss";
        } else if (cp == U'Æ' || cp == U'æ') {
            out += "ae";
        } else if (cp == U'Œ' || cp == U'œ') {
            out += "oe";
        } else if (cp >= 0xC0 && cp <= 0xFF && k_latin1[cp - 0xC0] != '*') {
            out += k_latin1[cp - 0xC0];
        } else if (cp >= 0x100 && cp < 0x100 + k_latin_ext_a.size()) {
            out += k_latin_ext_a[cp - 0x100];
        } else if (cp >= 0x218 && cp <= 0x21B) {  // Romanian comma-below ș ț
            out += cp < 0x21A ? 's' : 't';
        } else if (cp >= 0x410 && cp <= 0x42F) {
            append_utf8(out, cp + 0x20);
        } else if (cp >= 0x400 && cp <= 0x40F) {
            append_utf8(out, cp + 0x50);
        } else if (cp == 0x490) {
            append_utf8(out, 0x491);
        } else {
            append_utf8(out, cp);
        }
    }
    return out;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        if (end == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

bool is_latin_or_cyrillic(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        if (cp < 0x80) continue;
        const bool latin = (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
        const bool cyrillic = cp >= 0x400 && cp <= 0x4FF;
        const bool punctuation = is_apostrophe(cp) || (cp >= 0x2010 && cp <= 0x2015) || cp == 0xA0;
        if (!latin && !cyrillic && !punctuation) return false;
    }
    return true;
}

bool has_cyrillic(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        if (cp >= 0x400 && cp <= 0x4FF) return true;
    }
    return false;
}

double distance_km(const GeoPoint& a, const GeoPoint& b) {
    constexpr double k_pi = 3.14159265358979323846;
    constexpr double k_earth_radius_km = 6371.0;
    const double to_rad = k_pi / 180.0;
    const double dlat = (b.lat - a.lat) * to_rad;
    const double dlon = (b.lon - a.lon) * to_rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * to_rad) * std::cos(b.lat * to_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * k_earth_radius_km * std::asin(std::sqrt(std::min(1.0, h)));
}

double round_to(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(x * scale) / scale;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (text.empty() || text == "NA") return std::nullopt;
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<long long> parse_integer(std::string_view text) {
    const auto value = parse_number(text);
    if (!value || *value != std::floor(*value) || std::fabs(*value) > 9e15) return std::nullopt;
    return static_cast<long long>(*value);
}

}  // namespace prd::import
