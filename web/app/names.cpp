#include "app/names.hpp"

#include <array>

#include "i18n/translit.hpp"

namespace prd::web {

const std::string& display_name(const Municipality& m, Lang lang) {
    for (const std::string* name : {lang == Lang::uk ? &m.names.uk : &m.names.en,
                                    lang == Lang::uk ? &m.names.en : &m.names.uk, &m.names.native}) {
        if (!name->empty()) return *name;
    }
    return m.id;
}

std::string other_name(const Municipality& m, Lang lang) {
    const std::string& shown = display_name(m, lang);
    if (!m.names.native.empty() && m.names.native != shown) return m.names.native;
    // A Ukrainian community shown in English: its Ukrainian name is the native one.
    const std::string& other = lang == Lang::uk ? m.names.en : m.names.uk;
    if (m.names.native.empty() && !other.empty() && other != shown) return other;
    return {};
}

const std::string& localized(const LocalizedText& text, Lang lang) {
    const std::string& first = lang == Lang::uk ? text.uk : text.en;
    return first.empty() ? (lang == Lang::uk ? text.en : text.uk) : first;
}

std::string place_name(std::string_view stored, Lang lang) {
    return lang == Lang::uk ? std::string(stored) : transliterate_uk(stored);
}

std::string format_date(std::string_view d, Lang lang) {
    const bool iso = d.size() == 10 && d[4] == '-' && d[7] == '-';
    if (!iso) return std::string(d);
    const std::string_view year = d.substr(0, 4);
    const std::string_view month = d.substr(5, 2);
    const std::string_view day = d.substr(8, 2);
    if (lang == Lang::uk) return std::string(day) + "." + std::string(month) + "." + std::string(year);
    static constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int m = (month[0] - '0') * 10 + (month[1] - '0');
    if (m < 1 || m > 12) return std::string(d);
    const std::string_view plain_day = day[0] == '0' ? day.substr(1) : day;
    return std::string(plain_day) + " " + std::string(months[static_cast<std::size_t>(m - 1)]) + " " +
           std::string(year);
}

}  // namespace prd::web
