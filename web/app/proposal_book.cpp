#include "app/proposal_book.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/route.hpp"
#include "app/server_error.hpp"
#include "app/session.hpp"
#include "model/json_codec.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"
#include "proposals/templates.hpp"

namespace prd::web {
namespace {

using nlohmann::json;

constexpr const char* k_draft_prefix = "draft:";
constexpr const char* k_outbox_key = "proposals.outbox";
constexpr const char* k_server_key = "proposals.server";
constexpr std::string_view k_seen_setting = "proposals_seen";
constexpr std::string_view k_persist_setting = "storage_persist";
constexpr std::string_view k_export_format = "partnership-proposal-draft";

std::string_view kind_name(OutboxItem::Kind kind) {
    switch (kind) {
        case OutboxItem::Kind::send: return "send";
        case OutboxItem::Kind::action: return "action";
        case OutboxItem::Kind::message: return "message";
    }
    return "send";
}

json item_json(const OutboxItem& item) {
    return {{"kind", kind_name(item.kind)}, {"id", item.id},     {"proposal", item.proposal},
            {"action", item.action},        {"text", item.text}, {"uploaded", item.uploaded},
            {"refused", item.refused}};
}

OutboxItem item_from_json(const json& j) {
    OutboxItem item;
    const std::string kind = j.value("kind", "send");
    item.kind = kind == "action"    ? OutboxItem::Kind::action
                : kind == "message" ? OutboxItem::Kind::message
                                    : OutboxItem::Kind::send;
    item.id = j.value("id", "");
    item.proposal = j.value("proposal", "");
    item.action = j.value("action", "");
    item.text = j.value("text", "");
    item.uploaded = j.value("uploaded", false);
    item.refused = j.value("refused", "");
    return item;
}

/// What the sender may write of a draft (PUT /api/v1/proposals/{id}); the rest is the server's.
json editable_fields(const Proposal& draft) {
    const json all = to_json(draft);
    json out = json::object();
    for (const char* name : {"id", "from", "to", "kind", "template", "partner_language", "areas", "sections"})
        if (all.contains(name)) out[name] = all[name];
    return out;
}

std::string api_path(const std::string& id, std::string_view tail = {}) {
    return "api/v1/proposals/" + percent_encode(id) + std::string(tail);
}

}  // namespace

ProposalBook::ProposalBook(const Session& session) : m_session(session) {
    try {
        const std::string seen = platform::load_setting(k_seen_setting);
        if (!seen.empty()) m_seen = json::parse(seen).get<std::map<std::string, std::string>>();
    } catch (const std::exception&) {
    }
    const std::string persist = platform::load_setting(k_persist_setting);
    if (persist == "granted")
        m_persist = PersistState::granted;
    else if (persist == "refused")
        m_persist = PersistState::refused;
    else if (persist == "unsupported")
        m_persist = PersistState::unsupported;
}

void ProposalBook::load() {
    m_loading = 3;
    auto one_done = [this] {
        if (--m_loading == 0) {
            m_loaded = true;
            flush();
        }
    };
    platform::store_keys(k_draft_prefix, [this, one_done](std::vector<std::string> keys, std::string) {
        m_loading += static_cast<int>(keys.size());
        for (const std::string& key : keys) {
            platform::store_get(key, [this, one_done](std::optional<std::string> value, std::string) {
                if (value) {
                    try {
                        Proposal draft = proposal_from_json(json::parse(*value));
                        m_drafts[draft.id] = std::move(draft);
                    } catch (const std::exception&) {
                        // Kept in storage as it is; a later release may read it.
                    }
                }
                one_done();
            });
        }
        one_done();
    });
    platform::store_get(k_outbox_key, [this, one_done](std::optional<std::string> value, std::string) {
        if (value) {
            try {
                for (const json& item : json::parse(*value)) m_outbox.push_back(item_from_json(item));
            } catch (const std::exception&) {
            }
        }
        one_done();
    });
    platform::store_get(k_server_key, [this, one_done](std::optional<std::string> value, std::string) {
        if (value) {
            try {
                for (const json& record : json::parse(*value)) {
                    Proposal proposal = proposal_from_json(record);
                    m_server[proposal.id] = std::move(proposal);
                }
            } catch (const std::exception&) {
            }
        }
        one_done();
    });
}

// ---------------------------------------------------------------- drafts

std::string ProposalBook::create_draft(const Registry& registry, const std::string& from, const std::string& to,
                                       const std::string& kind) {
    const proposals::ProposalTemplate* tmpl = proposals::find_template(kind);
    if (tmpl == nullptr) {
        const auto partnership_kind = partnership_kind_from_string(kind);
        if (!partnership_kind) throw std::invalid_argument("kind: no template for \"" + kind + "\"");
        tmpl = &proposals::template_for_kind(*partnership_kind);
    }
    Proposal draft =
        proposals::draft_from_template(*tmpl, registry, from, to, platform::make_uuid(), platform::utc_now());
    const std::string id = draft.id;
    m_drafts[id] = std::move(draft);
    save_draft(id);
    return id;
}

const Proposal* ProposalBook::draft(const std::string& id) const {
    const auto it = m_drafts.find(id);
    return it == m_drafts.end() ? nullptr : &it->second;
}

void ProposalBook::edit_section(const std::string& id, const std::string& section, const std::string& lang,
                                std::string text) {
    const auto it = m_drafts.find(id);
    if (it == m_drafts.end()) return;
    ProposalSection& target = it->second.sections[section];
    std::string& field = lang == "uk" ? target.uk : lang == "en" ? target.en : target.partner;
    if (field == text) return;
    field = std::move(text);
    it->second.updated_at = platform::utc_now();
    save_draft(id);
}

void ProposalBook::set_partner_language(const std::string& id, std::string code) {
    const auto it = m_drafts.find(id);
    if (it == m_drafts.end() || it->second.partner_language == code) return;
    it->second.partner_language = std::move(code);
    it->second.updated_at = platform::utc_now();
    save_draft(id);
}

std::size_t ProposalBook::characters(const Proposal& proposal) {
    auto count = [](const std::string& text) {
        std::size_t n = 0;
        for (const unsigned char c : text) n += (c & 0xC0) != 0x80;  // UTF-8 lead bytes
        return n;
    };
    std::size_t total = 0;
    for (const auto& [name, section] : proposal.sections)
        total += count(section.uk) + count(section.en) + count(section.partner);
    return total;
}

std::string ProposalBook::export_draft(const std::string& id) const {
    const Proposal* d = draft(id);
    if (d == nullptr) return {};
    return json{{"format", k_export_format}, {"version", 1}, {"proposal", to_json(*d)}}.dump(2);
}

std::string ProposalBook::import_draft(const std::string& json_text, const Registry& registry, std::string& error) {
    try {
        const json file = json::parse(json_text);
        if (!file.is_object() || file.value("format", "") != k_export_format || !file.contains("proposal")) {
            error = "format: not a proposal draft exported by this app";
            return {};
        }
        Proposal draft = proposal_from_json(file.at("proposal"));
        if (registry.find_municipality(draft.from) == nullptr) {
            error = "from: no municipality \"" + draft.from + "\" in the registry";
            return {};
        }
        if (registry.find_municipality(draft.to) == nullptr && registry.find_partnership(draft.to) == nullptr) {
            error = "to: no municipality or declaration \"" + draft.to + "\" in the registry";
            return {};
        }
        // A copy of someone's draft is a new draft: its own id, none of the old history.
        draft.id = platform::make_uuid();
        draft.status = ProposalStatus::draft;
        draft.history.clear();
        draft.messages.clear();
        draft.signing_confirmed_by.clear();
        draft.signed_on.clear();
        draft.partnership.clear();
        draft.revision = 0;
        draft.created_at = draft.updated_at = platform::utc_now();
        const std::string id = draft.id;
        m_drafts[id] = std::move(draft);
        save_draft(id);
        error.clear();
        return id;
    } catch (const json::exception& e) {
        error = std::string("file: not JSON (") + e.what() + ")";
    } catch (const DecodeError& e) {
        error = std::string("proposal.") + e.what();
    }
    return {};
}

void ProposalBook::remove_draft(const std::string& id) {
    const auto it = m_drafts.find(id);
    if (it == m_drafts.end()) return;
    m_removed = std::move(it->second);
    m_drafts.erase(it);
    m_dirty.erase(id);
    ++m_saving;
    platform::store_remove(k_draft_prefix + id, [this](bool ok, std::string error) { saved(ok, error); });
}

void ProposalBook::undo_remove() {
    if (!m_removed) return;
    const std::string id = m_removed->id;
    m_drafts[id] = std::move(*m_removed);
    m_removed.reset();
    save_draft(id);
}

void ProposalBook::save_draft(const std::string& id) {
    // One write per draft at a time: a flushed write per keystroke would queue up faster than a
    // slow disk takes them. Edits made meanwhile go in the next write, as soon as this one is done.
    if (m_writing.count(id)) {
        m_dirty.insert(id);
        return;
    }
    const auto it = m_drafts.find(id);
    if (it == m_drafts.end()) return;
    m_writing.insert(id);
    ++m_saving;
    platform::store_put(k_draft_prefix + id, to_json(it->second).dump(), [this, id](bool ok, std::string error) {
        m_writing.erase(id);
        saved(ok, error);
        if (m_dirty.erase(id)) save_draft(id);
        // Once something is worth keeping, ask the browser not to evict it; the answer is shown.
        if (ok && m_persist == PersistState::not_asked) {
            m_persist = PersistState::asking;
            platform::request_persistent_storage([this](platform::PersistAnswer answer) {
                m_persist = answer == platform::PersistAnswer::granted   ? PersistState::granted
                            : answer == platform::PersistAnswer::refused ? PersistState::refused
                                                                         : PersistState::unsupported;
                platform::save_setting(k_persist_setting, answer == platform::PersistAnswer::granted   ? "granted"
                                                          : answer == platform::PersistAnswer::refused ? "refused"
                                                                                                       : "unsupported");
            });
        }
    });
}

void ProposalBook::saved(bool ok, const std::string& error) {
    --m_saving;
    if (ok) {
        if (m_saving == 0) m_save_error.clear();
    } else {
        m_save_error = error.empty() ? std::string("storage: the browser refused the write") : error;
    }
}

// ---------------------------------------------------------------- sending and answering

ValidationErrors ProposalBook::send(const std::string& id) {
    const Proposal* d = draft(id);
    if (d == nullptr) return {{"id", "no such draft"}};
    Proposal ready = *d;
    ready.status = ProposalStatus::sent;  // what the server will check on the send step
    ValidationErrors errors = validate(ready);
    if (!errors.empty()) return errors;
    if (sending(id)) return {};
    OutboxItem item;
    item.kind = OutboxItem::Kind::send;
    item.id = platform::make_uuid();
    item.proposal = id;
    item.action = "send";
    enqueue(std::move(item));
    return {};
}

bool ProposalBook::sending(const std::string& id) const {
    return std::any_of(m_outbox.begin(), m_outbox.end(), [&](const OutboxItem& item) {
        return item.kind == OutboxItem::Kind::send && item.proposal == id;
    });
}

void ProposalBook::act(const std::string& proposal_id, proposals::Action action) {
    OutboxItem item;
    item.kind = OutboxItem::Kind::action;
    item.id = platform::make_uuid();
    item.proposal = proposal_id;
    item.action = std::string(proposals::to_string(action));
    enqueue(std::move(item));
}

void ProposalBook::write_message(const std::string& proposal_id, std::string text) {
    OutboxItem item;
    item.kind = OutboxItem::Kind::message;
    item.id = platform::make_uuid();
    item.proposal = proposal_id;
    item.text = std::move(text);
    enqueue(std::move(item));
}

void ProposalBook::enqueue(OutboxItem item) {
    m_outbox.push_back(std::move(item));
    save_outbox();
    flush();
}

std::size_t ProposalBook::waiting() const {
    return static_cast<std::size_t>(
        std::count_if(m_outbox.begin(), m_outbox.end(), [](const OutboxItem& item) { return item.refused.empty(); }));
}

void ProposalBook::flush() {
    if (m_flushing || !m_loaded || !m_session.signed_in()) return;
    const auto next =
        std::find_if(m_outbox.begin(), m_outbox.end(), [](const OutboxItem& item) { return item.refused.empty(); });
    if (next == m_outbox.end()) return;
    const OutboxItem item = *next;
    const Proposal* d = draft(item.proposal);
    if (item.kind == OutboxItem::Kind::send && !item.uploaded && d == nullptr) {
        refuse(static_cast<std::size_t>(next - m_outbox.begin()), "id: the draft is no longer in this browser");
        flush();
        return;
    }

    platform::HttpRequest request;
    request.headers = m_session.auth_headers();
    request.headers.emplace_back("Content-Type", "application/json");
    const bool upload = item.kind == OutboxItem::Kind::send && !item.uploaded;
    if (upload) {
        request.method = "PUT";
        request.url = api_path(item.proposal);
        request.body = editable_fields(*d).dump();
    } else if (item.kind == OutboxItem::Kind::message) {
        request.method = "POST";
        request.url = api_path(item.proposal, "/messages");
        request.body = json{{"id", item.id}, {"text", item.text}}.dump();
    } else {
        request.method = "POST";
        request.url = api_path(item.proposal, "/actions");
        request.body = json{{"action", item.action}, {"change_id", item.id}}.dump();
    }
    m_flushing = true;
    const std::string item_id = item.id;
    platform::fetch(std::move(request), [this, item_id, upload](platform::HttpResponse response) {
        m_flushing = false;
        const auto it =
            std::find_if(m_outbox.begin(), m_outbox.end(), [&](const OutboxItem& i) { return i.id == item_id; });
        if (it == m_outbox.end()) return;
        const std::size_t index = static_cast<std::size_t>(it - m_outbox.begin());
        if (response.status == 0 || response.status == 408 || response.status == 429 || response.status >= 500) {
            // The network or the server is not there: the item waits, and goes with the next flush
            // (the network coming back, a refresh, or the timer).
            platform::call_later(15000, [this] { flush(); });
            return;
        }
        if (response.status >= 200 && response.status < 300) {
            try {
                take(proposal_from_json(json::parse(response.body)));
            } catch (const std::exception&) {
            }
            if (upload) {
                it->uploaded = true;
                save_outbox();
            } else {
                sent(index);
            }
            flush();
            return;
        }
        refuse(index, server_error(response));
        flush();
    });
}

void ProposalBook::take(const Proposal& proposal) {
    if (proposal.status != ProposalStatus::draft) {
        m_server[proposal.id] = proposal;
        save_server();
    }
}

void ProposalBook::sent(std::size_t index) {
    const OutboxItem item = m_outbox[index];
    m_outbox.erase(m_outbox.begin() + static_cast<std::ptrdiff_t>(index));
    save_outbox();
    if (item.kind == OutboxItem::Kind::send) {
        // The server has it now; the browser's draft has done its work.
        m_drafts.erase(item.proposal);
        ++m_saving;
        platform::store_remove(k_draft_prefix + item.proposal,
                               [this](bool ok, std::string error) { saved(ok, error); });
    }
    mark_read(item.proposal);  // my own step is not news to me
}

void ProposalBook::refuse(std::size_t index, std::string message) {
    m_outbox[index].refused = std::move(message);
    save_outbox();
}

void ProposalBook::dismiss(const std::string& item_id) {
    const auto it =
        std::find_if(m_outbox.begin(), m_outbox.end(), [&](const OutboxItem& i) { return i.id == item_id; });
    if (it == m_outbox.end() || it->refused.empty()) return;
    m_outbox.erase(it);
    save_outbox();
}

void ProposalBook::retry(const std::string& item_id) {
    const auto it =
        std::find_if(m_outbox.begin(), m_outbox.end(), [&](const OutboxItem& i) { return i.id == item_id; });
    if (it == m_outbox.end()) return;
    it->refused.clear();
    it->uploaded = false;  // the draft may have changed since
    save_outbox();
    flush();
}

void ProposalBook::save_outbox() {
    json list = json::array();
    for (const OutboxItem& item : m_outbox) list.push_back(item_json(item));
    ++m_saving;
    platform::store_put(k_outbox_key, list.dump(), [this](bool ok, std::string error) { saved(ok, error); });
}

void ProposalBook::save_server() {
    json list = json::array();
    for (const auto& [id, proposal] : m_server) list.push_back(to_json(proposal));
    ++m_saving;
    platform::store_put(k_server_key, list.dump(), [this](bool ok, std::string error) { saved(ok, error); });
}

// ---------------------------------------------------------------- the server's proposals

void ProposalBook::refresh() {
    if (m_refreshing || !m_session.signed_in()) return;
    m_refreshing = true;
    platform::HttpRequest request;
    request.url = "api/v1/proposals";
    request.headers = m_session.auth_headers();
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        m_refreshing = false;
        if (response.status != 200) return;
        try {
            const json body = json::parse(response.body);
            std::map<std::string, Proposal> fresh;
            for (const char* list : {"inbox", "outbox"})
                for (const json& record : body.value(list, json::array())) {
                    Proposal proposal = proposal_from_json(record);
                    fresh[proposal.id] = std::move(proposal);
                }
            m_server = std::move(fresh);
            save_server();
        } catch (const std::exception&) {
            return;
        }
        flush();
    });
}

const Proposal* ProposalBook::proposal(const std::string& id) const {
    const auto it = m_server.find(id);
    return it == m_server.end() ? nullptr : &it->second;
}

proposals::Side ProposalBook::side(const Proposal& proposal, const Registry& registry) const {
    if (!m_session.signed_in()) return proposals::Side::none;
    return proposals::side_of(proposal, registry, m_session.role() == "editor" ? m_session.municipality() : "",
                              m_session.is_moderator());
}

bool ProposalBook::unread(const Proposal& proposal) const {
    const auto it = m_seen.find(proposal.id);
    return it == m_seen.end() || it->second != proposal.updated_at;
}

void ProposalBook::mark_read(const std::string& id) {
    const Proposal* p = proposal(id);
    if (p == nullptr) return;
    auto& seen = m_seen[id];
    if (seen == p->updated_at) return;
    seen = p->updated_at;
    platform::save_setting(k_seen_setting, json(m_seen).dump());
}

}  // namespace prd::web
