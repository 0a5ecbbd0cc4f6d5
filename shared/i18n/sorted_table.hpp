#pragma once
// Constant tables sorted by a string field, looked up by binary search: the country tables
// (i18n/countries.cpp, import/country_codes.cpp).

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string_view>

namespace prd {

/// True when `field` strictly increases along the table; each table checks itself with a
/// static_assert, so an entry out of order is a compile error.
template <class Entry, std::size_t N>
constexpr bool sorted_by(const Entry (&table)[N], std::string_view Entry::*field) {
    for (std::size_t i = 1; i < N; ++i)
        if (!(table[i - 1].*field < table[i].*field)) return false;
    return true;
}

/// The entry whose `field` is `value`, or nullptr.
template <class Entry, std::size_t N>
const Entry* find_sorted(const Entry (&table)[N], std::string_view Entry::*field, std::string_view value) {
    const Entry* it = std::lower_bound(std::begin(table), std::end(table), value,
                                       [field](const Entry& e, std::string_view v) { return e.*field < v; });
    return it == std::end(table) || it->*field != value ? nullptr : it;
}

}  // namespace prd
