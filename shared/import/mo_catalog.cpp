// The .mo reader. Every offset and length comes from the file, so each is checked against the
// file's size, in 64-bit arithmetic, before a byte is read.

#include "import/mo_catalog.hpp"

#include <cstdint>

#include "i18n/utf8.hpp"

namespace prd::import {
namespace {

constexpr std::uint32_t k_magic = 0x950412de;
constexpr std::size_t k_header_size = 28;  // magic, revision, count, two table offsets, hash size and offset

class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {
        if (bytes.size() < k_header_size) {
            throw MoError("not a .mo catalogue: " + std::to_string(bytes.size()) + " bytes, fewer than the " +
                          std::to_string(k_header_size) + "-byte header");
        }
        const std::uint32_t magic = word_le(0);
        if (magic == k_magic)
            m_big_endian = false;
        else if (word_be(0) == k_magic)
            m_big_endian = true;
        else
            throw MoError("not a .mo catalogue: the magic number is " + hex(magic) + ", not 0x950412de");
    }

    std::uint32_t word(std::size_t offset) const { return m_big_endian ? word_be(offset) : word_le(offset); }

    // String `index` of the table at `table`: its bytes without the NUL that must follow them.
    std::string_view string(std::uint64_t table, std::uint32_t index, const char* which) const {
        const std::uint64_t entry = table + 8ull * index;  // the caller checked the table fits
        const std::uint64_t length = word(static_cast<std::size_t>(entry));
        const std::uint64_t offset = word(static_cast<std::size_t>(entry + 4));
        if (offset + length >= m_bytes.size()) {
            throw MoError(std::string(which) + " " + std::to_string(index) + " (" + std::to_string(length) +
                          " bytes at offset " + std::to_string(offset) + ") lies past the end of the " +
                          std::to_string(m_bytes.size()) + "-byte file");
        }
        if (m_bytes[offset + length] != '\0') {
            throw MoError(std::string(which) + " " + std::to_string(index) + " at offset " + std::to_string(offset) +
                          " is not followed by the NUL the format requires");
        }
        return m_bytes.substr(offset, length);
    }

    std::size_t size() const { return m_bytes.size(); }

private:
    std::uint32_t byte(std::size_t offset) const { return static_cast<unsigned char>(m_bytes[offset]); }
    std::uint32_t word_le(std::size_t o) const {
        return byte(o) | byte(o + 1) << 8 | byte(o + 2) << 16 | byte(o + 3) << 24;
    }
    std::uint32_t word_be(std::size_t o) const {
        return byte(o) << 24 | byte(o + 1) << 16 | byte(o + 2) << 8 | byte(o + 3);
    }
    static std::string hex(std::uint32_t value) {
        static constexpr char digits[] = "0123456789abcdef";
        std::string out = "0x";
        for (int shift = 28; shift >= 0; shift -= 4) out += digits[(value >> shift) & 15];
        return out;
    }

    std::string_view m_bytes;
    bool m_big_endian = false;
};

// A plural entry holds its forms separated by NULs; the first is the singular.
std::string_view first_form(std::string_view text) { return text.substr(0, text.find('\0')); }

}  // namespace

MoCatalog MoCatalog::parse(std::string_view bytes) {
    const Reader reader(bytes);
    const std::uint32_t revision = reader.word(4);
    if ((revision >> 16) > 1) {
        throw MoError("a .mo catalogue of major revision " + std::to_string(revision >> 16) +
                      ", which this reader does not know");
    }
    const std::uint32_t count = reader.word(8);
    const std::uint64_t originals = reader.word(12), translations = reader.word(16);
    for (const auto& [table, name] :
         {std::pair{originals, "the table of message ids"}, std::pair{translations, "the table of translations"}}) {
        if (table + 8ull * count > reader.size()) {
            throw MoError(std::string(name) + " (" + std::to_string(count) + " entries at offset " +
                          std::to_string(table) + ") lies past the end of the " + std::to_string(reader.size()) +
                          "-byte file");
        }
    }
    MoCatalog catalog;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::string_view id = first_form(reader.string(originals, i, "message id"));
        const std::string_view text = first_form(reader.string(translations, i, "translation"));
        if (!utf8::is_valid(text)) {
            throw MoError("translation " + std::to_string(i) + " is not UTF-8 (the message id is \"" +
                          utf8::sanitize(id) + "\")");
        }
        if (id.empty()) {
            catalog.m_header = std::string(text);
            continue;
        }
        if (!catalog.m_messages.emplace(std::string(id), std::string(text)).second) {
            throw MoError("message id \"" + utf8::sanitize(id) + "\" is given twice");
        }
    }
    return catalog;
}

const std::string* MoCatalog::find(std::string_view id) const {
    const auto it = m_messages.find(id);
    return it == m_messages.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace prd::import
