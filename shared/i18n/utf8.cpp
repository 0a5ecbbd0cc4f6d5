// UTF-8 by the Unicode standard's table of well-formed byte sequences (15.0, table 3-7).

#include "i18n/utf8.hpp"

namespace prd::utf8 {

Decoded decode(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) return {lead, 1, true};
    // The lead byte fixes the length and the range of the second byte; the range is narrower than
    // 80..BF after E0 and F0 (no overlong forms), ED (no surrogates) and F4 (nothing past U+10FFFF).
    std::size_t size = 0;
    char32_t value = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        size = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        size = 3;
        value = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        size = 4;
        value = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return {};  // a continuation byte, an overlong lead (C0 C1) or F5..FF: never in UTF-8
    }
    for (std::size_t k = 1; k < size; ++k) {
        if (pos + k >= text.size()) return {k_replacement, k, false};
        const unsigned char next = byte(pos + k);
        const bool fits = k == 1 ? next >= low && next <= high : (next & 0xC0) == 0x80;
        if (!fits) return {k_replacement, k, false};  // the bytes so far are the maximal subpart
        value = (value << 6) | (next & 0x3F);
    }
    return {value, size, true};
}

char32_t next(std::string_view text, std::size_t& pos) {
    const Decoded decoded = decode(text, pos);
    pos += decoded.size;
    return decoded.value;
}

std::size_t first_invalid(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        // ASCII needs no decoding; most of the text the registry reads is ASCII.
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const Decoded decoded = decode(text, pos);
        if (!decoded.valid) return pos;
        pos += decoded.size;
    }
    return std::string_view::npos;
}

bool is_valid(std::string_view text) { return first_invalid(text) == std::string_view::npos; }

std::size_t length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) pos += decode(text, pos).size;
    return count;
}

void append(std::string& out, char32_t c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = k_replacement;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string sanitize(std::string_view text) {
    std::size_t bad = first_invalid(text);
    if (bad == std::string_view::npos) return std::string(text);
    std::string out(text.substr(0, bad));
    for (std::size_t pos = bad; pos < text.size();) {
        const Decoded decoded = decode(text, pos);
        if (decoded.valid)
            out.append(text, pos, decoded.size);
        else
            append(out, k_replacement);
        pos += decoded.size;
    }
    return out;
}

}  // namespace prd::utf8
