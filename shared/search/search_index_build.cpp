// Building the search index: fold every name under each spelling system, then pack the words into
// sorted flat tables (see index_data.hpp).

#include <algorithm>
#include <map>
#include <unordered_map>

#include "registry/registry.hpp"
#include "search/fold.hpp"
#include "search/index_data.hpp"
#include "stats/gap_stats.hpp"

namespace prd {
namespace {

using PostingMap = std::unordered_map<std::string, std::vector<std::uint32_t>>;

void pack(PostingMap& map, WordTable& table) {
    std::vector<std::string_view> keys;
    keys.reserve(map.size());
    std::size_t chars = 0, postings = 0;
    for (const auto& [word, list] : map) {
        keys.push_back(word);
        chars += word.size();
        postings += list.size();
    }
    std::sort(keys.begin(), keys.end());
    table.chars.reserve(chars);
    table.offsets.reserve(keys.size() + 1);
    table.posting_offsets.reserve(keys.size() + 1);
    table.postings.reserve(postings);
    table.offsets.push_back(0);
    table.posting_offsets.push_back(0);
    for (std::string_view key : keys) {
        auto& list = map.find(std::string(key))->second;
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        table.chars.append(key);
        table.offsets.push_back(static_cast<std::uint32_t>(table.chars.size()));
        table.postings.insert(table.postings.end(), list.begin(), list.end());
        table.posting_offsets.push_back(static_cast<std::uint32_t>(table.postings.size()));
        table.max_length = std::max(table.max_length, key.size());
    }
    map.clear();
}

template <typename T>
std::uint32_t intern(std::vector<std::string>& values, std::unordered_map<std::string, T>& ids, const std::string& value) {
    auto [it, inserted] = ids.try_emplace(value, static_cast<T>(values.size()));
    if (inserted) values.push_back(value);
    return it->second;
}

std::uint32_t sector_mask(const std::vector<SectorEntry>& entries) {
    std::uint32_t mask = 0;
    for (const auto& entry : entries) mask |= 1u << static_cast<unsigned>(entry.sector);
    return mask;
}

// The default frontline test. extra["frontline"] is either a plain flag or, as the hromada import
// writes it, an object of distances; a community within 30 km of Russia is then frontline (the
// 30 km border strip is what the official lists and the Shoulder to Shoulder pairing start from).
bool frontline_from_extra(const Municipality& m) {
    const auto it = m.extra.find("frontline");
    if (it == m.extra.end()) return false;
    if (it->is_boolean()) return it->get<bool>();
    if (!it->is_object()) return false;
    const auto flag = it->find("frontline");
    if (flag != it->end() && flag->is_boolean()) return flag->get<bool>();
    const auto distance = it->find("distance_to_russia_km");
    return distance != it->end() && distance->is_number() && distance->get<double>() <= 30;
}

// The band of the community's distance to the border with russia or belarus, as the gap statistics
// count it (one function sets the bands); 0 when unknown.
std::uint8_t border_band(const Municipality& m) {
    const auto band = stats::border_band_index(m);
    return band ? static_cast<std::uint8_t>(*band + 1) : 0;
}

// The settlement a hromada is named after ("Lviv" for Lvivska miska hromada), as the import keeps
// it in extra["centre"]; people search by it, so it ranks with the names rather than the aliases.
std::vector<std::string> centre_names(const Municipality& m) {
    std::vector<std::string> out;
    const auto it = m.extra.find("centre");
    if (it == m.extra.end() || !it->is_object()) return out;
    for (const char* key : {"uk", "en"}) {
        const auto name = it->find(key);
        if (name != it->end() && name->is_string()) out.push_back(name->get<std::string>());
    }
    return out;
}

// The partners that count as "already has a foreign partner": a relation that was agreed and
// has not ended. A proposal is not a partner yet.
bool counts_as_partner(PartnershipStatus status) {
    return status == PartnershipStatus::signed_ || status == PartnershipStatus::active || status == PartnershipStatus::dormant;
}

SearchIndexData build_data(const std::vector<const Municipality*>& municipalities,
                             const std::vector<const Partnership*>& partnerships, const SearchIndexOptions& options) {
    SearchIndexData d;
    const std::size_t n = municipalities.size();
    std::unordered_map<std::string_view, std::uint32_t> doc_of;
    doc_of.reserve(n);
    std::unordered_map<std::string, std::uint16_t> country_ids;
    std::unordered_map<std::string, std::uint32_t> region_ids, district_ids;
    d.doc_ids.reserve(n);
    d.entry_text_offsets.push_back(0);

    PostingMap words, sounds;
    std::vector<std::string> seen_folds;
    for (const Municipality* m : municipalities) {
        const auto doc = static_cast<std::uint32_t>(d.doc_ids.size());
        doc_of.emplace(m->id, doc);
        d.doc_ids.push_back(m->id);
        DocInfo info;
        info.population = m->population.value_or(-1);
        info.country = static_cast<std::uint16_t>(intern(d.countries, country_ids, m->country));
        info.region = intern(d.regions, region_ids, m->region);
        info.district = intern(d.districts, district_ids, m->district);
        info.kind = static_cast<std::uint8_t>(m->kind);
        info.needs = sector_mask(m->needs);
        info.offers = sector_mask(m->offers);
        const bool frontline = options.frontline ? options.frontline(*m) : frontline_from_extra(*m);
        info.flags = frontline ? k_doc_frontline : 0;
        info.border_band = border_band(*m);
        d.docs.push_back(info);

        // Names in priority order; a name whose fold repeats an earlier one adds nothing (the
        // English name is often the official transliteration of the Ukrainian one).
        seen_folds.clear();
        auto add_name = [&](const std::string& text, NameField field) {
            std::vector<std::string> folds = fold_variants(text);
            if (folds.front().empty()) return;
            if (std::find(seen_folds.begin(), seen_folds.end(), folds.front()) != seen_folds.end()) return;
            seen_folds.push_back(folds.front());
            const auto entry = static_cast<std::uint32_t>(d.entries.size());
            const auto official_words = split_words(folds.front());
            d.entries.push_back({doc, static_cast<std::uint8_t>(field),
                                 static_cast<std::uint8_t>(std::min<std::size_t>(official_words.size(), 255))});
            d.entry_text.append(text);
            d.entry_text_offsets.push_back(static_cast<std::uint32_t>(d.entry_text.size()));
            for (const std::string& fold : folds) {
                const auto list = split_words(fold);
                for (std::size_t i = 0; i < list.size(); ++i) {
                    const std::uint32_t posting = (entry << 1) | (i == 0 ? 1u : 0u);
                    words[std::string(list[i])].push_back(posting);
                    if (list[i].size() >= k_min_sound_length) {
                        std::string key = sound_key(list[i]);
                        if (key.size() >= 2) sounds[std::move(key)].push_back(posting);
                    }
                }
            }
        };
        add_name(m->names.uk, NameField::name_uk);
        add_name(m->names.en, NameField::name_en);
        add_name(m->names.native, NameField::name_native);
        for (const std::string& centre : centre_names(*m)) add_name(centre, NameField::centre);
        for (const std::string& alias : m->aliases) add_name(alias, NameField::alias);
    }

    for (const Partnership* p : partnerships) {
        for (const Party& party : p->parties) {
            const auto it = doc_of.find(party.municipality);
            if (it == doc_of.end()) continue;
            const std::uint32_t doc = it->second;
            d.docs[doc].partnership_kinds |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(p->kind));
            if (!counts_as_partner(p->status)) continue;
            for (const Party& other : p->parties) {
                const auto jt = doc_of.find(other.municipality);
                if (jt != doc_of.end() && d.docs[jt->second].country != d.docs[doc].country) {
                    d.docs[doc].flags |= k_doc_has_foreign_partner;
                    break;
                }
            }
        }
    }

    pack(words, d.words);
    pack(sounds, d.sounds);
    d.doc_ids.shrink_to_fit();
    d.entry_text.shrink_to_fit();
    return d;
}

}  // namespace

SearchIndex::SearchIndex() : m_data(std::make_unique<SearchIndexData>()) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

SearchIndex SearchIndex::build(const Registry& registry, const SearchIndexOptions& options) {
    std::vector<const Municipality*> municipalities;
    municipalities.reserve(registry.municipalities().size());
    for (const auto& [id, m] : registry.municipalities()) municipalities.push_back(&m);
    std::vector<const Partnership*> partnerships;
    partnerships.reserve(registry.partnerships().size());
    for (const auto& [id, p] : registry.partnerships()) partnerships.push_back(&p);
    SearchIndex index;
    *index.m_data = build_data(municipalities, partnerships, options);
    return index;
}

SearchIndex SearchIndex::build(const std::vector<Municipality>& municipalities,
                               const std::vector<Partnership>& partnerships, const SearchIndexOptions& options) {
    std::vector<const Municipality*> ms;
    ms.reserve(municipalities.size());
    for (const auto& m : municipalities) ms.push_back(&m);
    std::vector<const Partnership*> ps;
    ps.reserve(partnerships.size());
    for (const auto& p : partnerships) ps.push_back(&p);
    SearchIndex index;
    *index.m_data = build_data(ms, ps, options);
    return index;
}

std::size_t SearchIndex::size() const { return m_data->doc_ids.size(); }
std::size_t SearchIndex::token_count() const { return m_data->words.size(); }

std::size_t SearchIndex::memory_bytes() const {
    const SearchIndexData& d = *m_data;
    std::size_t bytes = sizeof(SearchIndexData);
    for (const auto& id : d.doc_ids) bytes += sizeof(std::string) + (id.capacity() > 15 ? id.capacity() + 1 : 0);
    bytes += d.docs.capacity() * sizeof(DocInfo);
    for (const auto* list : {&d.countries, &d.regions, &d.districts})
        for (const auto& s : *list) bytes += sizeof(std::string) + s.capacity();
    bytes += d.entries.capacity() * sizeof(EntryInfo) + d.entry_text_offsets.capacity() * 4 + d.entry_text.capacity();
    return bytes + d.words.memory_bytes() + d.sounds.memory_bytes();
}

}  // namespace prd
