// Proposal templates: reading the embedded templates.json, and filling a template's placeholders
// from two registry records. Each placeholder yields a whole phrase in each language, so the text
// reads right whatever the records lack (no population, no partners, no sectors).

#include "proposals/templates.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "i18n/countries.hpp"
#include "i18n/translit.hpp"
#include "model/json_codec.hpp"

namespace prd::proposals {

std::string_view templates_json();  // generated from templates.json by embed_text.cmake

namespace {

using nlohmann::json;

LocalizedText localized(const json& value) { return {value.value("uk", ""), value.value("en", "")}; }

std::vector<ProposalTemplate> read_templates() {
    std::vector<ProposalTemplate> templates;
    try {
        const json data = json::parse(templates_json());
        for (const json& item : data.at("templates")) {
            ProposalTemplate t;
            t.id = item.at("id").get<std::string>();
            const auto kind = partnership_kind_from_string(item.at("kind").get<std::string>());
            if (!kind) throw std::runtime_error("template " + t.id + ": unknown kind");
            t.kind = *kind;
            t.title = localized(item.at("title"));
            t.description = localized(item.at("description"));
            for (const json& s : item.at("sections")) {
                t.sections.push_back({s.at("name").get<std::string>(), localized(s.at("title")),
                                      localized(s.at("hint")), localized(s.at("text"))});
            }
            templates.push_back(std::move(t));
        }
    } catch (const std::exception& error) {
        // The file is compiled in and a test reads every template: this is a build that shipped broken data.
        throw std::logic_error(std::string("proposals/templates.json: ") + error.what());
    }
    return templates;
}

// ---- the words the placeholders are made of ----

bool is_uk(std::string_view lang) { return lang == "uk"; }

std::string name_in(const Municipality& m, std::string_view lang) {
    if (is_uk(lang)) {
        if (!m.names.uk.empty()) return m.names.uk;
        return !m.names.native.empty() ? m.names.native : m.names.en;
    }
    if (!m.names.en.empty()) return m.names.en;
    return transliterate_uk(!m.names.uk.empty() ? m.names.uk : m.names.native);
}

// "777234" -> "777 234" (a no-break space) in Ukrainian, "777,234" in English.
std::string grouped(std::int64_t n, std::string_view lang) {
    const std::string digits = std::to_string(n);
    const std::string separator = is_uk(lang) ? "\u00a0" : ",";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += separator;
        out += digits[i];
    }
    return out;
}

// "a, b and c" / "a, b та c".
std::string joined(const std::vector<std::string>& items, std::string_view lang) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? (is_uk(lang) ? " та " : " and ") : ", ";
        out += items[i];
    }
    return out;
}

std::string sector_list(const std::vector<Sector>& sectors, std::string_view lang) {
    std::vector<std::string> names;
    for (Sector s : sectors) names.push_back(sector_label_in_sentence(s, lang));
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i > 0 ? ", " : "") + names[i];
    return out;
}

std::string about(const Municipality& m, std::string_view lang) {
    std::string out = name_in(m, lang) + " (" + std::string(country_name(m.country, lang));
    if (m.population && *m.population > 0) {
        out += is_uk(lang) ? ", чисельність населення — " : ", population ";
        out += grouped(*m.population, lang);
    }
    return out + ")";
}

// Sectors `wanting` needs (most pressing first) that `offering` offers: a reason the matching gives.
std::vector<Sector> needs_met(const Municipality& wanting, const Municipality& offering) {
    std::vector<SectorEntry> needs = wanting.needs;
    std::stable_sort(needs.begin(), needs.end(),
                     [](const SectorEntry& a, const SectorEntry& b) { return a.priority < b.priority; });
    std::vector<Sector> hits;
    for (const SectorEntry& need : needs) {
        const bool offered = std::any_of(offering.offers.begin(), offering.offers.end(),
                                         [&](const SectorEntry& o) { return o.sector == need.sector; });
        if (offered) hits.push_back(need.sector);
    }
    return hits;
}

std::string exchange(const std::vector<Sector>& we_need, const std::vector<Sector>& they_need,
                     std::string_view lang) {
    const bool uk = is_uk(lang);
    std::string out;
    if (!we_need.empty()) {
        out += uk ? "Досвід Вашої громади був би особливо цінним для нас у таких сферах: "
                  : "Your community's experience would be especially valuable to us in: ";
        out += sector_list(we_need, lang) + ".";
    }
    if (!they_need.empty()) {
        if (!out.empty()) out += " ";
        out += uk ? "Зі свого боку, ми готові поділитися досвідом у сферах: "
                  : "For our part, we are ready to share our experience in: ";
        out += sector_list(they_need, lang) + ".";
    }
    if (out.empty()) {
        out = uk ? "Конкретні напрями обміну досвідом пропонуємо визначити спільно під час першої робочої зустрічі."
                 : "We propose to agree on the specific areas for exchanging experience together at our first "
                   "working meeting.";
    }
    return out;
}

bool is_bilateral_kind(PartnershipKind kind) {
    return kind != PartnershipKind::inter_municipal_cooperation && kind != PartnershipKind::joint_declaration;
}

// "Львівська міська громада вже має партнерів: Вроцлав (Польща), ... та ще 12." Empty without partners.
std::string partners_of(const Municipality& m, const Registry& registry, std::string_view lang) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const Partnership* p : registry.partnerships_of(m.id)) {
        if (p->status == PartnershipStatus::ended || !is_bilateral_kind(p->kind)) continue;
        for (const Party& party : p->parties) {
            const Municipality* other = registry.find_municipality(party.municipality);
            if (!other || other->id == m.id || !seen.insert(other->id).second) continue;
            std::string name = name_in(*other, lang);
            if (other->country != m.country) name += " (" + std::string(country_name(other->country, lang)) + ")";
            names.push_back(std::move(name));
        }
    }
    if (names.empty()) return {};
    constexpr std::size_t shown = 3;
    const bool uk = is_uk(lang);
    std::string out = name_in(m, lang) + (uk ? " вже має партнерів: " : " already has partners: ");
    for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i > 0 ? ", " : "") + names[i];
    if (names.size() > shown) {
        out += (uk ? " та ще " : " and ") + std::to_string(names.size() - shown) + (uk ? "" : " more");
    }
    return out + ".";
}

struct Language {
    std::string_view code, uk, en;
};
constexpr Language k_languages[] = {
    {"az", "азербайджанська", "Azerbaijani"}, {"bg", "болгарська", "Bulgarian"}, {"bs", "боснійська", "Bosnian"},
    {"ca", "каталонська", "Catalan"}, {"cs", "чеська", "Czech"}, {"da", "данська", "Danish"},
    {"de", "німецька", "German"}, {"el", "грецька", "Greek"}, {"es", "іспанська", "Spanish"},
    {"et", "естонська", "Estonian"}, {"fi", "фінська", "Finnish"}, {"fr", "французька", "French"},
    {"ga", "ірландська", "Irish"}, {"he", "іврит", "Hebrew"}, {"hr", "хорватська", "Croatian"},
    {"hu", "угорська", "Hungarian"}, {"hy", "вірменська", "Armenian"}, {"is", "ісландська", "Icelandic"},
    {"it", "італійська", "Italian"}, {"ja", "японська", "Japanese"}, {"ka", "грузинська", "Georgian"},
    {"lb", "люксембурзька", "Luxembourgish"}, {"lt", "литовська", "Lithuanian"}, {"lv", "латиська", "Latvian"},
    {"mk", "македонська", "Macedonian"}, {"mt", "мальтійська", "Maltese"}, {"nl", "нідерландська", "Dutch"},
    {"no", "норвезька", "Norwegian"}, {"pl", "польська", "Polish"}, {"pt", "португальська", "Portuguese"},
    {"ro", "румунська", "Romanian"}, {"sk", "словацька", "Slovak"}, {"sl", "словенська", "Slovenian"},
    {"sq", "албанська", "Albanian"}, {"sr", "сербська", "Serbian"}, {"sv", "шведська", "Swedish"},
    {"tr", "турецька", "Turkish"}, {"zh", "китайська", "Chinese"},
};

std::string language_name(std::string_view code, std::string_view lang) {
    for (const Language& l : k_languages) {
        if (l.code == code) return std::string(is_uk(lang) ? l.uk : l.en);
    }
    return std::string(code);
}

std::string languages(std::string_view partner_language, std::string_view lang) {
    std::vector<std::string> names{is_uk(lang) ? "українська" : "Ukrainian", is_uk(lang) ? "англійська" : "English"};
    if (!partner_language.empty()) names.push_back(language_name(partner_language, lang));
    return joined(names, lang);
}

std::string contacts(const Municipality& m, std::string_view lang) {
    const bool uk = is_uk(lang);
    const Contacts& c = m.contacts;
    std::string out;
    out += (uk ? "Контактна особа: " : "Contact person: ") +
           (!c.person.empty() ? c.person : std::string(uk ? "[ПІБ, посада]" : "[name, position]")) + "\n";
    out += (uk ? "Електронна пошта: " : "E-mail: ") + (!c.email.empty() ? c.email : std::string("[e-mail]")) + "\n";
    out += (uk ? "Телефон: " : "Phone: ") +
           (!c.phone.empty() ? c.phone : std::string(uk ? "[телефон]" : "[phone]"));
    if (!c.website.empty()) out += std::string("\n") + (uk ? "Вебсайт: " : "Website: ") + c.website;
    return out;
}

// "2022-11-28" -> "28.11.2022" / "28 November 2022".
std::string spoken_date(const std::string& date, std::string_view lang) {
    if (date.size() != 10) return date;
    if (is_uk(lang)) return date.substr(8, 2) + "." + date.substr(5, 2) + "." + date.substr(0, 4);
    static constexpr const char* k_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
    const int month = std::stoi(date.substr(5, 2));
    if (month < 1 || month > 12) return date;
    const int day = std::stoi(date.substr(8, 2));
    return std::to_string(day) + " " + k_months[month - 1] + " " + date.substr(0, 4);
}

std::string declaration_about(const Partnership& d, std::string_view lang) {
    std::string date = d.signed_on;
    for (const Party& party : d.parties) {
        if (!party.joined_on.empty() && (date.empty() || party.joined_on < date)) date = party.joined_on;
    }
    const std::string count = std::to_string(d.parties.size());
    if (is_uk(lang)) {
        if (date.empty()) return "Кількість учасників — " + count + ".";
        return "Декларацію підписано " + spoken_date(date, lang) + "; кількість учасників — " + count + ".";
    }
    return (date.empty() ? "It has " : "It was signed on " + spoken_date(date, lang) + " and has ") + count +
           " signatories.";
}

// Fills "{name}" from `values`, then tidies what an empty phrase leaves: trailing spaces, blank runs.
std::string fill(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) {
        const std::string key = "{" + name + "}";
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
            text.replace(at, key.size(), value);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' && (i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == ' ')) continue;
        if (text[i] == '\n' && out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') continue;
        out += text[i];
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

}  // namespace

const std::vector<ProposalTemplate>& proposal_templates() {
    static const std::vector<ProposalTemplate> templates = read_templates();
    return templates;
}

const ProposalTemplate* find_template(std::string_view id) {
    for (const ProposalTemplate& t : proposal_templates()) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

const ProposalTemplate& template_for_kind(PartnershipKind kind) {
    std::string_view id = to_string(kind);
    if (kind == PartnershipKind::joint_declaration) id = "join_declaration";
    if (kind == PartnershipKind::inter_municipal_cooperation) id = "cooperation_agreement";
    const ProposalTemplate* t = find_template(id);
    if (!t) throw std::logic_error("proposals/templates.json: no template \"" + std::string(id) + "\"");
    return *t;
}

const std::vector<std::string_view>& placeholder_names() {
    static const std::vector<std::string_view> names{
        "from", "to", "from_about", "to_about", "areas", "exchange", "partners", "languages", "from_contacts",
        "declaration", "declaration_about"};
    return names;
}

Proposal draft_from_template(const ProposalTemplate& tmpl, const Registry& registry, const std::string& from,
                             const std::string& to, std::string id, std::string now) {
    const Municipality* sender = registry.find_municipality(from);
    if (!sender) throw std::invalid_argument("from: no municipality \"" + from + "\" in the registry");
    if (to == from) throw std::invalid_argument("to: a municipality cannot propose to itself");
    const Partnership* declaration = nullptr;
    const Municipality* receiver = registry.find_municipality(to);
    if (!receiver) {
        declaration = registry.find_partnership(to);
        if (!declaration || declaration->kind != PartnershipKind::joint_declaration || declaration->parties.empty()) {
            throw std::invalid_argument("to: no municipality or declaration \"" + to + "\" in the registry");
        }
        for (const Party& party : declaration->parties) {
            if (party.municipality == from) {
                throw std::invalid_argument("to: " + from + " is already a party to the declaration " + to);
            }
        }
        receiver = registry.find_municipality(declaration->parties.front().municipality);
        if (!receiver) throw std::invalid_argument("to: the declaration " + to + " names no known coordinator");
    }

    Proposal p;
    p.id = std::move(id);
    p.from = from;
    p.to = to;
    p.kind = tmpl.kind;
    p.template_id = tmpl.id;
    for (const std::string& lang : receiver->languages) {
        if (lang != "uk" && lang != "en" && !declaration) {
            p.partner_language = lang;
            break;
        }
    }

    const std::vector<Sector> we_need = needs_met(*sender, *receiver);
    const std::vector<Sector> they_need = needs_met(*receiver, *sender);
    auto add_area = [&](Sector s) {
        if (std::find(p.areas.begin(), p.areas.end(), s) == p.areas.end()) p.areas.push_back(s);
    };
    for (Sector s : we_need) add_area(s);
    for (Sector s : they_need) add_area(s);
    if (p.areas.empty() && declaration) {
        for (Sector s : declaration->areas) add_area(s);
    }

    auto values_in = [&](std::string_view lang) {
        const bool uk = is_uk(lang);
        std::map<std::string, std::string> v;
        v["from"] = name_in(*sender, lang);
        v["to"] = name_in(*receiver, lang);
        v["from_about"] = about(*sender, lang);
        v["to_about"] = about(*receiver, lang);
        v["areas"] = !p.areas.empty() ? sector_list(p.areas, lang)
                                      : std::string(uk ? "[оберіть напрями співпраці]" : "[choose the areas of cooperation]");
        v["exchange"] = exchange(we_need, they_need, lang);
        const std::string ours = partners_of(*sender, registry, lang);
        const std::string theirs = partners_of(*receiver, registry, lang);
        v["partners"] = ours + (!ours.empty() && !theirs.empty() ? " " : "") + theirs;
        v["languages"] = languages(p.partner_language, lang);
        v["from_contacts"] = contacts(*sender, lang);
        if (declaration) {
            const LocalizedText& title = declaration->title;
            std::string name = uk ? title.uk : title.en;
            if (name.empty()) name = !title.uk.empty() ? title.uk : !title.en.empty() ? title.en : declaration->event;
            v["declaration"] = name;
            v["declaration_about"] = declaration_about(*declaration, lang);
        } else {
            v["declaration"] = "";
            v["declaration_about"] = "";
        }
        return v;
    };
    const auto uk = values_in("uk");
    const auto en = values_in("en");
    for (const TemplateSection& section : tmpl.sections) {
        p.sections[section.name] = {fill(section.text.uk, uk), fill(section.text.en, en), ""};
    }
    p.status = ProposalStatus::draft;
    p.created_at = now;
    p.updated_at = std::move(now);
    return p;
}

std::vector<std::string> section_order(const Proposal& proposal) {
    const ProposalTemplate* tmpl = find_template(proposal.template_id);
    if (!tmpl) tmpl = &template_for_kind(proposal.kind);
    std::vector<std::string> order;
    for (const TemplateSection& section : tmpl->sections) order.push_back(section.name);
    for (const auto& [name, section] : proposal.sections) {
        if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    }
    return order;
}

}  // namespace prd::proposals
