#include "app/profile_editor.hpp"

#include <array>
#include <exception>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "app/server_error.hpp"
#include "platform/platform.hpp"

namespace prd::web {
namespace {

constexpr std::string_view draft_setting = "profile_draft";

std::string show_sectors(const std::vector<SectorEntry>& list) {
    std::string out;
    for (const SectorEntry& e : list) {
        if (!out.empty()) out += ", ";
        out += std::string(sector_info(e.sector).code) + " (" + std::to_string(e.priority) + ")";
        if (!e.note.empty()) out += " " + e.note;
    }
    return out;
}

std::string show_list(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : ", ") + s;
    return out;
}

/// A field the form edits: how to show it (to compare and to present a conflict) and how to take
/// it from another version of the record. One table, so comparing and merging never disagree.
struct EditableField {
    std::string_view name;
    std::string (*show)(const Municipality&);
    void (*copy)(Municipality& to, const Municipality& from);
};

#define PRD_FIELD(NAME, MEMBER, SHOW)                                                  \
    EditableField {                                                                    \
        NAME, [](const Municipality& m) { return SHOW(m.MEMBER); },                    \
            [](Municipality& to, const Municipality& from) { to.MEMBER = from.MEMBER; } \
    }

std::string as_text(const std::string& text) { return text; }
std::string as_flag(bool value) { return value ? "true" : "false"; }

const std::array<EditableField, 14> editable_fields = {
    PRD_FIELD("names.uk", names.uk, as_text),
    PRD_FIELD("names.en", names.en, as_text),
    PRD_FIELD("names.native", names.native, as_text),
    PRD_FIELD("description.uk", description.uk, as_text),
    PRD_FIELD("description.en", description.en, as_text),
    PRD_FIELD("needs", needs, show_sectors),
    PRD_FIELD("offers", offers, show_sectors),
    PRD_FIELD("contacts.website", contacts.website, as_text),
    PRD_FIELD("contacts.email", contacts.email, as_text),
    PRD_FIELD("contacts.phone", contacts.phone, as_text),
    PRD_FIELD("contacts.person", contacts.person, as_text),
    PRD_FIELD("languages", languages, show_list),
    PRD_FIELD("open_to_partners", open_to_partners, as_flag),
    PRD_FIELD("verified", verified, as_flag),
};
#undef PRD_FIELD

const EditableField* find_field(std::string_view name) {
    for (const EditableField& f : editable_fields)
        if (f.name == name) return &f;
    return nullptr;
}

void copy_field(Municipality& to, const Municipality& from, std::string_view name) {
    if (const EditableField* f = find_field(name)) f->copy(to, from);
}

}  // namespace

std::string_view to_string(ProfileEditor::State state) {
    switch (state) {
        case ProfileEditor::State::closed: return "closed";
        case ProfileEditor::State::editing: return "editing";
        case ProfileEditor::State::saving: return "saving";
        case ProfileEditor::State::saved: return "saved";
        case ProfileEditor::State::conflict: return "conflict";
        case ProfileEditor::State::failed: return "failed";
    }
    return "closed";
}

std::vector<std::string> ProfileEditor::field_names() {
    std::vector<std::string> names;
    for (const EditableField& f : editable_fields) names.emplace_back(f.name);
    return names;
}

std::string ProfileEditor::show_field(const Municipality& m, std::string_view field) {
    const EditableField* f = find_field(field);
    return f != nullptr ? f->show(m) : std::string();
}

void ProfileEditor::open(const Municipality& stored) {
    if (is_open_for(stored.id) && m_state != State::saved) return;  // go on where the person was
    m_conflicts.clear();
    m_message.clear();
    m_base = stored;
    m_draft = stored;
    m_state = State::editing;
    // A draft of this record left from before (a reload, a crash, a failed save) comes back.
    const std::string kept = platform::load_setting(draft_setting);
    if (kept.empty()) return;
    try {
        const auto json = nlohmann::json::parse(kept);
        Municipality base = municipality_from_json(json.at("base"));
        Municipality draft = municipality_from_json(json.at("draft"));
        if (draft.id != stored.id) return;
        m_base = std::move(base);
        m_draft = std::move(draft);
        if (m_base.revision != stored.revision) merge_with(stored);  // saved elsewhere meanwhile
    } catch (const std::exception&) {
        // Unreadable: start from the stored record (the kept text stays until the next edit).
    }
}

void ProfileEditor::discard() {
    ++m_attempt;
    platform::remove_setting(draft_setting);
    m_state = State::closed;
    m_conflicts.clear();
    m_message.clear();
}

bool ProfileEditor::has_changes() const {
    for (const std::string& field : field_names())
        if (show_field(m_draft, field) != show_field(m_base, field)) return true;
    return false;
}

ValidationErrors ProfileEditor::errors() const { return validate(m_draft); }

void ProfileEditor::changed() {
    if (m_state == State::saved || m_state == State::failed) m_state = State::editing;
    persist();
}

void ProfileEditor::persist() const {
    const nlohmann::json kept = {{"base", to_json(m_base)}, {"draft", to_json(m_draft)}};
    platform::save_setting(draft_setting, kept.dump());
}

void ProfileEditor::save(std::vector<std::pair<std::string, std::string>> auth_headers, SavedCallback saved) {
    if (m_state == State::saving || m_state == State::conflict) return;
    const int attempt = ++m_attempt;
    m_state = State::saving;
    m_message.clear();
    persist();  // whatever happens next, the draft survives
    platform::HttpRequest request;
    request.method = "PUT";
    request.url = "api/v1/municipalities/" + m_draft.id;
    request.headers = std::move(auth_headers);
    request.headers.emplace_back("Content-Type", "application/json");
    request.headers.emplace_back("If-Match", "\"" + std::to_string(m_base.revision) + "\"");
    request.body = to_json(m_draft).dump();
    platform::fetch(std::move(request), [this, attempt, saved = std::move(saved)](platform::HttpResponse response) {
        if (attempt != m_attempt) return;  // discarded meanwhile
        try {
            if (response.status == 200 || response.status == 201) {
                const Municipality stored = municipality_from_json(nlohmann::json::parse(response.body));
                m_base = stored;
                m_draft = stored;
                m_state = State::saved;
                platform::remove_setting(draft_setting);
                saved(stored);
                return;
            }
            if (response.status == 412 || response.status == 409) {
                const auto json = nlohmann::json::parse(response.body);
                merge_with(municipality_from_json(json.at("current")));
                saved(m_theirs);  // the registry shows what is stored now
                return;
            }
        } catch (const std::exception& e) {
            m_state = State::failed;
            m_message = std::string("the server's answer could not be read: ") + e.what();
            return;
        }
        m_state = State::failed;
        m_message = server_error(response);
    });
}

void ProfileEditor::merge_with(const Municipality& stored) {
    m_theirs = stored;
    m_conflicts.clear();
    for (const std::string& field : field_names()) {
        const std::string mine = show_field(m_draft, field);
        const std::string base = show_field(m_base, field);
        const std::string theirs = show_field(stored, field);
        if (theirs == base || theirs == mine) continue;  // they did not change it, or agree
        if (mine == base) {
            copy_field(m_draft, stored, field);  // only they changed it: take theirs
        } else {
            m_conflicts.push_back({field, mine, theirs, true});
        }
    }
    if (m_conflicts.empty()) {
        m_base = stored;
        m_draft.revision = stored.revision;
        m_state = State::editing;
        persist();
    } else {
        m_state = State::conflict;
    }
}

void ProfileEditor::resolve() {
    for (const FieldConflict& c : m_conflicts)
        if (!c.keep_mine) copy_field(m_draft, m_theirs, c.field);
    m_base = m_theirs;
    m_draft.revision = m_theirs.revision;
    m_conflicts.clear();
    m_state = State::editing;
    persist();
}

}  // namespace prd::web
