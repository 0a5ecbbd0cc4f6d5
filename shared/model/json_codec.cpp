// JSON encoding and decoding of the four record types.
// The encoder leaves out fields at their default so snapshots stay compact; the decoder fills
// them back in, so from_json(to_json(x)) == x. Unknown top-level fields travel in `extra`.

#include "model/json_codec.hpp"

#include <array>
#include <functional>
#include <limits>

#include "model/json_read.hpp"

namespace prd {

using nlohmann::json;
using namespace json_read;

DecodeError::DecodeError(std::string field, std::string rule)
    : std::runtime_error(field.empty() ? rule : field + ": " + rule),
      m_field(std::move(field)),
      m_rule(std::move(rule)) {}

namespace {

// The top-level keys each record type owns; every other key is kept in `extra`.
constexpr std::array<std::string_view, 19> k_municipality_keys{
    "id", "kind", "country", "region", "district", "names", "aliases", "location", "population", "area_km2",
    "description", "needs", "offers", "contacts", "languages", "open_to_partners", "verified", "revision",
    "updated_at"};
constexpr std::array<std::string_view, 13> k_partnership_keys{
    "id", "kind", "status", "parties", "title", "signed_on", "place", "event", "areas", "open_to_join",
    "source", "revision", "updated_at"};
constexpr std::array<std::string_view, 17> k_proposal_keys{
    "id", "from", "to", "kind", "template", "partner_language", "areas", "sections", "status", "history",
    "messages", "signing_confirmed_by", "signed_on", "partnership", "revision", "created_at", "updated_at"};
constexpr std::array<std::string_view, 9> k_announcement_keys{
    "id", "date", "title", "body", "tags", "region", "links", "revision", "updated_at"};

template <std::size_t N>
bool is_known(const std::array<std::string_view, N>& keys, std::string_view key) {
    for (std::string_view known : keys) {
        if (known == key) return true;
    }
    return false;
}

// ---- encoding ----

// Starts a record's JSON from its unknown fields, so that the known ones win a name clash.
template <std::size_t N>
json start_record(const json& extra, const std::array<std::string_view, N>& keys) {
    json out = json::object();
    if (!extra.is_object()) return out;
    for (const auto& [key, value] : extra.items()) {
        if (!is_known(keys, key)) out[key] = value;
    }
    return out;
}

void put_string(json& out, const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
}

void put_object(json& out, const char* key, json value) {
    if (!value.empty()) out[key] = std::move(value);
}

json encode(const LocalizedText& text) {
    json out = json::object();
    put_string(out, "uk", text.uk);
    put_string(out, "en", text.en);
    return out;
}

void put_strings(json& out, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) out[key] = values;
}

void put_sectors(json& out, const char* key, const std::vector<Sector>& sectors) {
    if (sectors.empty()) return;
    json list = json::array();
    for (Sector sector : sectors) list.push_back(sector_info(sector).code);
    out[key] = std::move(list);
}

void put_sector_entries(json& out, const char* key, const std::vector<SectorEntry>& entries) {
    if (entries.empty()) return;
    json list = json::array();
    for (const SectorEntry& entry : entries) {
        json item = {{"sector", sector_info(entry.sector).code}, {"priority", entry.priority}};
        put_string(item, "note", entry.note);
        list.push_back(std::move(item));
    }
    out[key] = std::move(list);
}

// ---- decoding ----

// Reads the fields of one JSON object; a field that is absent or null keeps its default.
class Reader {
public:
    Reader(const json& object, std::string path) : m_object(object), m_path(std::move(path)) {
        require_object(object, m_path);
    }

    void string(std::string_view key, std::string& out) const {
        if (const json* v = member(m_object, key)) out = read_string(*v, path(key));
    }
    void integer(std::string_view key, std::int64_t& out) const {
        if (const json* v = member(m_object, key)) out = read_integer(*v, path(key));
    }
    void boolean(std::string_view key, bool& out) const {
        if (const json* v = member(m_object, key)) out = read_bool(*v, path(key));
    }
    void localized(std::string_view key, LocalizedText& out) const {
        object(key, [&](const Reader& r) {
            r.string("uk", out.uk);
            r.string("en", out.en);
        });
    }
    void strings(std::string_view key, std::vector<std::string>& out) const {
        each(key, [&](const json& v, const std::string& p) { out.push_back(read_string(v, p)); });
    }
    void sectors(std::string_view key, std::vector<Sector>& out) const {
        each(key, [&](const json& v, const std::string& p) { out.push_back(read_sector(v, p)); });
    }
    template <class Enum, class Parse>
    void enumeration(std::string_view key, Enum& out, Parse parse, Enum last) const {
        if (const json* v = member(m_object, key)) out = read_enum(*v, path(key), parse, last);
    }
    /// Calls read(reader) for a nested object.
    void object(std::string_view key, const std::function<void(const Reader&)>& read) const {
        if (const json* v = member(m_object, key)) read(Reader(*v, path(key)));
    }
    /// Calls read(element, element_path) for each element of an array.
    void each(std::string_view key, const std::function<void(const json&, const std::string&)>& read) const {
        const json* v = member(m_object, key);
        if (!v) return;
        const std::string list_path = path(key);
        require_array(*v, list_path);
        for (std::size_t i = 0; i < v->size(); ++i) read((*v)[i], index_path(list_path, i));
    }
    const json* find(std::string_view key) const { return member(m_object, key); }
    std::string path(std::string_view key) const { return child_path(m_path, key); }

    template <std::size_t N>
    json unknown_fields(const std::array<std::string_view, N>& keys) const {
        json extra = json::object();
        for (const auto& [key, value] : m_object.items()) {
            if (!is_known(keys, key)) extra[key] = value;
        }
        return extra;
    }

private:
    const json& m_object;
    std::string m_path;
};

std::vector<SectorEntry> read_sector_entries(const Reader& r, std::string_view key) {
    std::vector<SectorEntry> entries;
    r.each(key, [&](const json& v, const std::string& p) {
        Reader item(v, p);
        SectorEntry entry;
        if (const json* sector = item.find("sector")) entry.sector = read_sector(*sector, item.path("sector"));
        std::int64_t priority = entry.priority;
        item.integer("priority", priority);
        // Outside int, it cannot be stored; inside, validation gives the 1..5 rule.
        if (priority < std::numeric_limits<int>::min() || priority > std::numeric_limits<int>::max()) {
            throw DecodeError(item.path("priority"), "must be between 1 and 5");
        }
        entry.priority = static_cast<int>(priority);
        item.string("note", entry.note);
        entries.push_back(std::move(entry));
    });
    return entries;
}

}  // namespace

// ---- Municipality ----

json to_json(const Municipality& value) {
    json out = start_record(value.extra, k_municipality_keys);
    out["id"] = value.id;
    out["kind"] = to_string(value.kind);
    put_string(out, "country", value.country);
    put_string(out, "region", value.region);
    put_string(out, "district", value.district);
    json names = json::object();
    put_string(names, "uk", value.names.uk);
    put_string(names, "en", value.names.en);
    put_string(names, "native", value.names.native);
    out["names"] = std::move(names);
    put_strings(out, "aliases", value.aliases);
    if (value.location) out["location"] = {{"lat", value.location->lat}, {"lon", value.location->lon}};
    if (value.population) out["population"] = *value.population;
    if (value.area_km2) out["area_km2"] = *value.area_km2;
    put_object(out, "description", encode(value.description));
    put_sector_entries(out, "needs", value.needs);
    put_sector_entries(out, "offers", value.offers);
    json contacts = json::object();
    put_string(contacts, "website", value.contacts.website);
    put_string(contacts, "email", value.contacts.email);
    put_string(contacts, "phone", value.contacts.phone);
    put_string(contacts, "person", value.contacts.person);
    put_object(out, "contacts", std::move(contacts));
    put_strings(out, "languages", value.languages);
    out["open_to_partners"] = value.open_to_partners;
    out["verified"] = value.verified;
    out["revision"] = value.revision;
    put_string(out, "updated_at", value.updated_at);
    return out;
}

Municipality municipality_from_json(const json& json) {
    const Reader r(json, "");
    Municipality m;
    r.string("id", m.id);
    r.enumeration("kind", m.kind, municipality_kind_from_string, MunicipalityKind::region);
    r.string("country", m.country);
    r.string("region", m.region);
    r.string("district", m.district);
    r.object("names", [&](const Reader& n) {
        n.string("uk", m.names.uk);
        n.string("en", m.names.en);
        n.string("native", m.names.native);
    });
    r.strings("aliases", m.aliases);
    r.object("location", [&](const Reader& l) {
        GeoPoint point;
        if (const auto* lat = l.find("lat")) point.lat = read_number(*lat, l.path("lat"));
        if (const auto* lon = l.find("lon")) point.lon = read_number(*lon, l.path("lon"));
        m.location = point;
    });
    if (const auto* population = r.find("population")) m.population = read_integer(*population, "population");
    if (const auto* area = r.find("area_km2")) m.area_km2 = read_number(*area, "area_km2");
    r.localized("description", m.description);
    m.needs = read_sector_entries(r, "needs");
    m.offers = read_sector_entries(r, "offers");
    r.object("contacts", [&](const Reader& c) {
        c.string("website", m.contacts.website);
        c.string("email", m.contacts.email);
        c.string("phone", m.contacts.phone);
        c.string("person", m.contacts.person);
    });
    r.strings("languages", m.languages);
    r.boolean("open_to_partners", m.open_to_partners);
    r.boolean("verified", m.verified);
    r.integer("revision", m.revision);
    r.string("updated_at", m.updated_at);
    m.extra = r.unknown_fields(k_municipality_keys);
    return m;
}

// ---- Partnership ----

json to_json(const Partnership& value) {
    json out = start_record(value.extra, k_partnership_keys);
    out["id"] = value.id;
    out["kind"] = to_string(value.kind);
    out["status"] = to_string(value.status);
    json parties = json::array();
    for (const Party& party : value.parties) {
        json item = {{"municipality", party.municipality}};
        put_string(item, "joined_on", party.joined_on);
        parties.push_back(std::move(item));
    }
    out["parties"] = std::move(parties);
    put_object(out, "title", encode(value.title));
    put_string(out, "signed_on", value.signed_on);
    put_string(out, "place", value.place);
    put_string(out, "event", value.event);
    put_sectors(out, "areas", value.areas);
    if (value.open_to_join) out["open_to_join"] = true;
    put_string(out, "source", value.source);
    out["revision"] = value.revision;
    put_string(out, "updated_at", value.updated_at);
    return out;
}

Partnership partnership_from_json(const json& json) {
    const Reader r(json, "");
    Partnership p;
    r.string("id", p.id);
    r.enumeration("kind", p.kind, partnership_kind_from_string, PartnershipKind::joint_declaration);
    r.enumeration("status", p.status, partnership_status_from_string, PartnershipStatus::ended);
    r.each("parties", [&](const nlohmann::json& v, const std::string& path) {
        const Reader item(v, path);
        Party party;
        item.string("municipality", party.municipality);
        item.string("joined_on", party.joined_on);
        p.parties.push_back(std::move(party));
    });
    r.localized("title", p.title);
    r.string("signed_on", p.signed_on);
    r.string("place", p.place);
    r.string("event", p.event);
    r.sectors("areas", p.areas);
    r.boolean("open_to_join", p.open_to_join);
    r.string("source", p.source);
    r.integer("revision", p.revision);
    r.string("updated_at", p.updated_at);
    p.extra = r.unknown_fields(k_partnership_keys);
    return p;
}

// ---- Proposal ----

json to_json(const Proposal& value) {
    json out = start_record(value.extra, k_proposal_keys);
    out["id"] = value.id;
    put_string(out, "from", value.from);
    put_string(out, "to", value.to);
    out["kind"] = to_string(value.kind);
    put_string(out, "template", value.template_id);
    put_string(out, "partner_language", value.partner_language);
    put_sectors(out, "areas", value.areas);
    json sections = json::object();
    for (const auto& [name, section] : value.sections) {
        json text = json::object();
        put_string(text, "uk", section.uk);
        put_string(text, "en", section.en);
        put_string(text, "partner", section.partner);
        sections[name] = std::move(text);  // an empty section stays: the editor shows it as missing
    }
    put_object(out, "sections", std::move(sections));
    out["status"] = to_string(value.status);
    if (!value.history.empty()) {
        json history = json::array();
        for (const StatusChange& change : value.history) {
            json item = json::object();
            put_string(item, "action", change.action);
            // Entries older than the workflow had no from-state; they are written back as they were.
            if (!change.action.empty() || change.from != ProposalStatus::draft) item["from"] = to_string(change.from);
            item["status"] = to_string(change.status);
            put_string(item, "at", change.at);
            put_string(item, "by", change.by);
            put_string(item, "role", change.role);
            put_string(item, "municipality", change.municipality);
            put_string(item, "change_id", change.change_id);
            put_string(item, "note", change.note);
            history.push_back(std::move(item));
        }
        out["history"] = std::move(history);
    }
    if (!value.messages.empty()) {
        json messages = json::array();
        for (const ProposalMessage& message : value.messages) {
            json item = {{"id", message.id}};
            put_string(item, "at", message.at);
            put_string(item, "by", message.by);
            put_string(item, "role", message.role);
            put_string(item, "municipality", message.municipality);
            item["text"] = message.text;
            messages.push_back(std::move(item));
        }
        out["messages"] = std::move(messages);
    }
    put_strings(out, "signing_confirmed_by", value.signing_confirmed_by);
    put_string(out, "signed_on", value.signed_on);
    put_string(out, "partnership", value.partnership);
    out["revision"] = value.revision;
    put_string(out, "created_at", value.created_at);
    put_string(out, "updated_at", value.updated_at);
    return out;
}

Proposal proposal_from_json(const json& json) {
    const Reader r(json, "");
    Proposal p;
    r.string("id", p.id);
    r.string("from", p.from);
    r.string("to", p.to);
    r.enumeration("kind", p.kind, partnership_kind_from_string, PartnershipKind::joint_declaration);
    r.string("template", p.template_id);
    r.string("partner_language", p.partner_language);
    r.sectors("areas", p.areas);
    if (const auto* sections = r.find("sections")) {
        const Reader s(*sections, "sections");
        for (const auto& [name, text] : sections->items()) {
            if (text.is_null()) continue;
            ProposalSection section;
            s.object(name, [&](const Reader& t) {
                t.string("uk", section.uk);
                t.string("en", section.en);
                t.string("partner", section.partner);
            });
            p.sections[name] = std::move(section);
        }
    }
    r.enumeration("status", p.status, proposal_status_from_string, ProposalStatus::signed_);
    r.each("history", [&](const nlohmann::json& v, const std::string& path) {
        const Reader item(v, path);
        StatusChange change;
        item.string("action", change.action);
        item.enumeration("from", change.from, proposal_status_from_string, ProposalStatus::signed_);
        item.enumeration("status", change.status, proposal_status_from_string, ProposalStatus::signed_);
        item.string("at", change.at);
        item.string("by", change.by);
        item.string("role", change.role);
        item.string("municipality", change.municipality);
        item.string("change_id", change.change_id);
        item.string("note", change.note);
        p.history.push_back(std::move(change));
    });
    r.each("messages", [&](const nlohmann::json& v, const std::string& path) {
        const Reader item(v, path);
        ProposalMessage message;
        item.string("id", message.id);
        item.string("at", message.at);
        item.string("by", message.by);
        item.string("role", message.role);
        item.string("municipality", message.municipality);
        item.string("text", message.text);
        p.messages.push_back(std::move(message));
    });
    r.strings("signing_confirmed_by", p.signing_confirmed_by);
    r.string("signed_on", p.signed_on);
    r.string("partnership", p.partnership);
    r.integer("revision", p.revision);
    r.string("created_at", p.created_at);
    r.string("updated_at", p.updated_at);
    p.extra = r.unknown_fields(k_proposal_keys);
    return p;
}

// ---- Announcement ----

json to_json(const Announcement& value) {
    json out = start_record(value.extra, k_announcement_keys);
    out["id"] = value.id;
    put_string(out, "date", value.date);
    put_object(out, "title", encode(value.title));
    put_object(out, "body", encode(value.body));
    put_strings(out, "tags", value.tags);
    put_string(out, "region", value.region);
    if (!value.links.empty()) {
        json links = json::array();
        for (const RecordLink& link : value.links) links.push_back({{"kind", link.kind}, {"id", link.id}});
        out["links"] = std::move(links);
    }
    out["revision"] = value.revision;
    put_string(out, "updated_at", value.updated_at);
    return out;
}

Announcement announcement_from_json(const json& json) {
    const Reader r(json, "");
    Announcement a;
    r.string("id", a.id);
    r.string("date", a.date);
    r.localized("title", a.title);
    r.localized("body", a.body);
    r.strings("tags", a.tags);
    r.string("region", a.region);
    r.each("links", [&](const nlohmann::json& v, const std::string& path) {
        const Reader item(v, path);
        RecordLink link;
        item.string("kind", link.kind);
        item.string("id", link.id);
        a.links.push_back(std::move(link));
    });
    r.integer("revision", a.revision);
    r.string("updated_at", a.updated_at);
    a.extra = r.unknown_fields(k_announcement_keys);
    return a;
}

}  // namespace prd
