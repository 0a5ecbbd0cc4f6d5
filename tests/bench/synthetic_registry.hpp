#pragma once
// A synthetic registry with realistic multilingual names, for benchmarks at a size the real
// registry has not reached (100,000 municipalities): names built from each language's syllables.

#include <cctype>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "i18n/translit.hpp"
#include "model/types.hpp"
#include "search/fold.hpp"

namespace prd::bench {

struct Syllables {
    const char* country;
    std::vector<const char*> starts, middles, ends;
};

inline const std::vector<Syllables>& syllables() {
    static const std::vector<Syllables> list = {
        {"UA", {"Ко", "Бі", "Пе", "Бо", "Ча", "Дні", "Зо", "Гай", "Ки", "Ми", "Жи", "Ще", "Ярос", "Єв", "Їж", "Ґо", "Хо", "Цю", "Шеп", "Ол"},
         {"ва", "ле", "ло", "ре", "ри", "рів", "про", "ло", "то", "ко", "ла", "ти", "ми", "лав", "ге", "ро", "сть", "пи"},
         {"івка", "ове", "ськ", "ичі", "ин", "ів", "не", "ка", "иця", "анка", "ець", "ьків", "гірка", "поль"}},
        {"PL", {"Prz", "Wło", "Łó", "Sz", "Ż", "Grzy", "Bia", "Ks", "Ch", "Gnie", "Ostr", "Tar"},
         {"ze", "ła", "dź", "czy", "ści", "no", "wo", "rze", "ę", "mie", "ko"},
         {"ów", "ice", "ęcin", "ewo", "zno", "ny", "sk", "owice", "ław", "niów"}},
        {"DE", {"Mün", "Köl", "Grü", "Straß", "Fürs", "Neu", "Alt", "Ober", "Lü", "Wei", "Bad "},
         {"ten", "ne", "del", "sen", "ach", "ner", "rin", "ster"},
         {"berg", "burg", "hausen", "dorf", "stadt", "au", "ingen", "heim", "feld", "bach"}},
        {"FR", {"Saint-", "Le ", "Bé", "Châ", "Mont", "Val", "Fon", "Aix-", "Cler"},
         {"teau", "ri", "mar", "lé", "ven", "ge", "bel"},
         {"ville", "mont", "eux", "ière", "ac", "ès", "court", "y", "onne"}},
        {"IT", {"San ", "Civi", "Mon", "Ca", "Bor", "Fio", "Lu", "Pe", "Ter"},
         {"ta", "ve", "rin", "gna", "ga", "ri", "sa"},
         {"tà", "ello", "rino", "gna", "ano", "ese", "olo", "ia", "one"}},
        {"CZ", {"Bř", "Čes", "Hra", "Kři", "Ústí ", "Plz", "Žď", "Tře"},
         {"e", "ko", "dě", "vo", "ná"},
         {"eň", "ec", "ov", "any", "ice", "ský", "ín"}},
        {"LT", {"Kė", "Šiau", "Pane", "Jur", "Ute", "Vil", "Ma"},
         {"dai", "li", "vė", "ba", "že"},
         {"niai", "liai", "žys", "ras", "kiai", "nė"}},
        {"DK", {"Ål", "Ær", "Øs", "Hel", "Fre", "Hjø"},
         {"le", "sing", "ber", "de"},
         {"borg", "havn", "ø", "sund", "rup", "købing"}},
        {"HR", {"Đa", "Osi", "Var", "Ži", "Pož"},
         {"ko", "ra", "že"},
         {"vo", "jek", "ždin", "nja", "ega"}},
        {"TR", {"Iğ", "Kır", "Şan", "Çor", "Ağ", "Düz"},
         {"dı", "şe", "lı", "ru"},
         {"dır", "şehir", "urfa", "um", "rı", "ce"}},
        {"RO", {"Ța", "Ști", "Bră", "Târ", "Iași", "Ploi"},
         {"ra", "ne", "gu"},
         {"rgu", "ila", "șov", "ești", "eni"}},
    };
    return list;
}

inline std::string make_word(const Syllables& s, std::mt19937& rng) {
    auto pick = [&rng](const std::vector<const char*>& v) { return std::string(v[rng() % v.size()]); };
    std::string word = pick(s.starts);
    for (int i = static_cast<int>(rng() % 3); i > 0; --i) word += pick(s.middles);
    return word + pick(s.ends);
}

/// `list` grown to `size` municipalities with made-up ones: about a third Ukrainian hromadas, the
/// rest foreign towns in ten languages with their diacritics. The same seed gives the same list.
inline std::vector<Municipality> synthetic_registry(std::vector<Municipality> list, std::size_t size) {
    std::mt19937 rng(20240601);
    const auto& all = syllables();
    std::size_t serial = 0;
    while (list.size() < size) {
        // Ukrainian hromadas are about a third; the rest spread over the foreign languages.
        const Syllables& s = (rng() % 3 == 0) ? all[0] : all[1 + rng() % (all.size() - 1)];
        Municipality m;
        ++serial;
        m.country = s.country;
        std::string name = make_word(s, rng);
        if (rng() % 5 == 0) name = make_word(s, rng) + (rng() % 2 ? " " : "-") + name;
        if (m.country == "UA") {
            char id[32];
            std::snprintf(id, sizeof id, "UA%017zu", 90000000000000000 + serial);
            m.id = id;
            m.kind = MunicipalityKind::village_hromada;
            m.names.uk = name;
            m.names.en = transliterate_uk(name);
            if (rng() % 4 == 0) m.aliases.push_back(fold_for_search(name, CyrillicFolding::legacy));
        } else {
            m.id = m.country + "-" + std::to_string(5000000 + serial);
            m.kind = MunicipalityKind::foreign_municipality;
            m.names.native = name;
            m.names.en = fold_for_search(name);  // an ASCII exonym, like GeoNames' asciiname
            if (!m.names.en.empty()) m.names.en[0] = static_cast<char>(std::toupper(m.names.en[0]));
        }
        m.region = m.country + " region " + std::to_string(rng() % 25);
        m.district = m.country == "UA" ? "raion " + std::to_string(rng() % 140) : "";
        m.population = static_cast<std::int64_t>(std::exp(6 + (rng() % 1000) / 1000.0 * 7));
        list.push_back(std::move(m));
    }
    return list;
}

}  // namespace prd::bench
