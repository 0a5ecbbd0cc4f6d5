#pragma once
// Builds small GNU .mo catalogues in memory for the tests (the layout msgfmt writes, without the
// hash table): the header, the table of ids, the table of translations, then the strings.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace prd::test {

using Messages = std::vector<std::pair<std::string, std::string>>;

inline std::string make_mo(const Messages& messages, bool big_endian = false) {
    std::string out;
    const auto word = [&](std::uint32_t value) {
        for (int i = 0; i < 4; ++i) {
            const int shift = big_endian ? 24 - 8 * i : 8 * i;
            out += static_cast<char>((value >> shift) & 0xFF);
        }
    };
    const auto count = static_cast<std::uint32_t>(messages.size());
    const std::uint32_t originals = 28, translations = originals + 8 * count, strings = translations + 8 * count;
    word(0x950412de);
    word(0);  // revision
    word(count);
    word(originals);
    word(translations);
    word(0);  // no hash table
    word(strings);
    std::string data;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ids, texts;
    for (const auto& [id, text] : messages) {
        ids.emplace_back(static_cast<std::uint32_t>(id.size()), strings + static_cast<std::uint32_t>(data.size()));
        data += id;
        data += '\0';
    }
    for (const auto& [id, text] : messages) {
        texts.emplace_back(static_cast<std::uint32_t>(text.size()), strings + static_cast<std::uint32_t>(data.size()));
        data += text;
        data += '\0';
    }
    for (const auto& [length, offset] : ids) word(length), word(offset);
    for (const auto& [length, offset] : texts) word(length), word(offset);
    return out + data;
}

}  // namespace prd::test
