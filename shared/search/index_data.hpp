#pragma once
// The search index's storage, shared by the builder (search_index_build.cpp) and the query code
// (search_index.cpp). Flat arrays rather than objects per record: 100,000 municipalities must fit
// in a few megabytes and be scanned in well under a millisecond.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/search_index.hpp"

namespace prd {

/// Sorted distinct words, each with the names it occurs in. A posting is (entry << 1) | first,
/// where `first` says the word opens the name (the query "bila" starts "Bila Tserkva").
struct WordTable {
    std::string chars;                        ///< every word, back to back, in sorted order
    std::vector<std::uint32_t> offsets;       ///< word i is chars[offsets[i], offsets[i+1])
    std::vector<std::uint32_t> posting_offsets;
    std::vector<std::uint32_t> postings;
    std::size_t max_length = 0;

    std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::string_view word(std::size_t i) const {
        return std::string_view(chars).substr(offsets[i], offsets[i + 1] - offsets[i]);
    }
    std::size_t length(std::size_t i) const { return offsets[i + 1] - offsets[i]; }
    char char_at(std::size_t i, std::size_t depth) const { return chars[offsets[i] + depth]; }

    /// First word not less than w.
    std::uint32_t lower_bound(std::string_view w) const {
        std::uint32_t lo = 0, hi = static_cast<std::uint32_t>(size());
        while (lo < hi) {
            const std::uint32_t mid = lo + (hi - lo) / 2;
            if (word(mid) < w) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
    /// The words that start with w: [first, second).
    std::pair<std::uint32_t, std::uint32_t> prefix_range(std::string_view w) const {
        const std::uint32_t lo = lower_bound(w);
        std::uint32_t a = lo, b = static_cast<std::uint32_t>(size());
        while (a < b) {
            const std::uint32_t mid = a + (b - a) / 2;
            if (word(mid).substr(0, w.size()) == w) a = mid + 1;
            else b = mid;
        }
        return {lo, a};
    }
    std::size_t memory_bytes() const {
        return chars.capacity() + (offsets.capacity() + posting_offsets.capacity() + postings.capacity()) * 4;
    }
};

/// What filters and facets read of one municipality, in one place so a query touches one cache
/// line per record.
struct DocInfo {
    std::int64_t population = -1;  ///< -1 when unknown
    std::uint32_t region = 0;      ///< index into SearchIndexData::regions
    std::uint32_t district = 0;    ///< index into SearchIndexData::districts
    std::uint32_t needs = 0;       ///< bit per Sector
    std::uint32_t offers = 0;      ///< bit per Sector
    std::uint16_t country = 0;     ///< index into SearchIndexData::countries
    std::uint8_t kind = 0;
    std::uint8_t partnership_kinds = 0;  ///< bit per PartnershipKind
    std::uint8_t flags = 0;
    std::uint8_t border_band = 0;  ///< 1 + index into k_border_bands; 0 when the distance is unknown
};

/// One distinct name of a municipality (uk, en, native, centre, then each alias).
struct EntryInfo {
    std::uint32_t doc = 0;
    std::uint8_t field = 0;  ///< NameField
    std::uint8_t words = 0;  ///< words in the folded name
};

struct SearchIndexData {
    std::vector<std::string> doc_ids;
    std::vector<DocInfo> docs;
    std::vector<std::string> countries;
    std::vector<std::string> regions;
    std::vector<std::string> districts;

    std::vector<EntryInfo> entries;
    std::vector<std::uint32_t> entry_text_offsets;  ///< name i is entry_text[offsets[i], offsets[i+1])
    std::string entry_text;

    WordTable words;   ///< folded words, official and legacy folds
    WordTable sounds;  ///< sound_key of each folded word of k_min_sound_length or more letters

    std::string_view entry_name(std::size_t i) const {
        return std::string_view(entry_text).substr(entry_text_offsets[i], entry_text_offsets[i + 1] - entry_text_offsets[i]);
    }
};

/// Words shorter than this get no sound key, in the index or in a query.
constexpr std::size_t k_min_sound_length = 3;

constexpr std::uint8_t k_doc_has_foreign_partner = 1;
constexpr std::uint8_t k_doc_frontline = 2;

}  // namespace prd
