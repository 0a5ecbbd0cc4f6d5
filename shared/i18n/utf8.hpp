#pragma once
// The one UTF-8 decoder and encoder of the project. It accepts exactly the well-formed sequences of
// the Unicode standard (15.0, section 3.9, table 3-7): no overlong forms (C0 AF is not "/"), no
// surrogates (ED A0 80), nothing beyond U+10FFFF (F4 90 80 80), no truncated sequences, no lone
// continuation bytes, no C0 C1 F5..FF. An ill-formed stretch becomes one U+FFFD per maximal subpart,
// the practice the standard recommends (its tables 3-8 to 3-11), as browsers and ICU do.

#include <cstddef>
#include <string>
#include <string_view>

namespace prd::utf8 {

/// U+FFFD REPLACEMENT CHARACTER: what an ill-formed stretch of bytes decodes to.
inline constexpr char32_t k_replacement = 0xFFFD;

/// One decoded code point: its value (k_replacement when ill-formed), how many bytes it took and
/// whether those bytes were well-formed.
struct Decoded {
    char32_t value = k_replacement;
    std::size_t size = 1;
    bool valid = false;
};

/// Decodes the code point that starts at text[pos] (pos < text.size()). An ill-formed sequence
/// takes its maximal subpart: the longest start of a well-formed sequence found there, at least one
/// byte (E1 80 41 takes E1 80; C0 AF takes C0, then AF is one more).
Decoded decode(std::string_view text, std::size_t pos);

/// decode() at `pos`, advancing `pos` past what it took; returns the value (k_replacement for an
/// ill-formed stretch, so a caller that must tell the two apart uses decode()).
char32_t next(std::string_view text, std::size_t& pos);

/// True when the whole text is well-formed UTF-8.
bool is_valid(std::string_view text);

/// Byte offset of the first ill-formed sequence, or npos when there is none.
std::size_t first_invalid(std::string_view text);

/// How many code points a person counts: each well-formed code point one, each ill-formed maximal
/// subpart one (the U+FFFD it shows as).
std::size_t length(std::string_view text);

/// Appends the UTF-8 form of `c`; a surrogate or a value beyond U+10FFFF appends U+FFFD instead,
/// so the output is always well-formed.
void append(std::string& out, char32_t c);

/// The text with every ill-formed maximal subpart replaced by U+FFFD; well-formed text is unchanged.
std::string sanitize(std::string_view text);

}  // namespace prd::utf8
