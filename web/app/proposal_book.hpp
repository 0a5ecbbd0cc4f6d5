#pragma once
// The person's proposals. Drafts live in the browser alone (IndexedDB, each edit committed at once
// with strict durability), so a power cut, a crash or a closed tab loses nothing and the receiving
// side never sees a draft. Proposals sent and received are kept as the server last told, for reading
// offline. What waits for the network (sending a draft, answers, messages) sits in a durable outbox
// and goes out once the server can be reached: each item carries its own id, so a retry after a lost
// answer never applies twice, and a refusal stays on the item until the person has seen it.
// Plain C++ over the platform layer; views read it and call its methods.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "proposals/workflow.hpp"
#include "registry/registry.hpp"
#include "validation/validate.hpp"

namespace prd::web {

class Session;

/// Something that waits for the network.
struct OutboxItem {
    enum class Kind { send, action, message };
    Kind kind = Kind::send;
    std::string id;         ///< the change id (send, action) or the message id: the server's replay key
    std::string proposal;   ///< the proposal's id
    std::string action;     ///< for `action`: send, discuss, accept, ...
    std::string text;       ///< for `message`
    bool uploaded = false;  ///< for `send`: the draft's text is on the server; only the step remains
    std::string refused;    ///< the server's refusal ("field: rule"); empty while it waits
};

enum class PersistState { not_asked, asking, granted, refused, unsupported };

class ProposalBook {
public:
    explicit ProposalBook(const Session& session);

    /// Reads the drafts, the outbox and the proposals kept from the last visit.
    void load();
    bool loaded() const { return m_loaded; }

    // --- Drafts (this browser only)

    /// A new draft from the template `kind` names (a template id or a partnership kind), filled from
    /// both records, saved at once; returns its id. Throws std::invalid_argument naming the field
    /// when `from` or `to` is not in the registry or `kind` names no template.
    std::string create_draft(const Registry& registry, const std::string& from, const std::string& to,
                             const std::string& kind);
    const std::map<std::string, Proposal>& drafts() const { return m_drafts; }
    const Proposal* draft(const std::string& id) const;
    /// Changes one language of one section (`lang`: "uk", "en" or "partner") and saves at once.
    void edit_section(const std::string& id, const std::string& section, const std::string& lang, std::string text);
    void set_partner_language(const std::string& id, std::string code);
    /// Adds a proposal read from an exported file as a new draft (a fresh id, status draft, no
    /// history); returns its id, or the error naming the field.
    std::string import_draft(const std::string& json_text, const Registry& registry, std::string& error);
    /// The draft as a JSON file the person can keep or hand on.
    std::string export_draft(const std::string& id) const;
    /// Deletes a draft; undo_remove() brings the last one back.
    void remove_draft(const std::string& id);
    bool can_undo_remove() const { return m_removed.has_value(); }
    void undo_remove();
    /// Characters written in all sections, every language.
    static std::size_t characters(const Proposal& proposal);

    /// Queues the draft to be sent; refused at once (with the field and rule) when it is not ready
    /// (e.g. no introduction). The draft stays here until the server has it.
    ValidationErrors send(const std::string& id);
    /// Whether the draft waits in the outbox.
    bool sending(const std::string& id) const;

    // --- Proposals on the server

    /// Asks the server for the person's proposals, then sends what waits.
    void refresh();
    const std::map<std::string, Proposal>& received_and_sent() const { return m_server; }
    const Proposal* proposal(const std::string& id) const;
    /// The person's side of a proposal (sender, receiver, moderator or none).
    proposals::Side side(const Proposal& proposal, const Registry& registry) const;
    /// Queues an answer or a step (discuss, accept, decline, withdraw, confirm_signing, ...).
    void act(const std::string& proposal_id, proposals::Action action);
    void write_message(const std::string& proposal_id, std::string text);
    /// Unread: changed since the person last opened it, by someone else.
    bool unread(const Proposal& proposal) const;
    void mark_read(const std::string& id);

    // --- The outbox

    const std::vector<OutboxItem>& outbox() const { return m_outbox; }
    /// Items still waiting (refused ones are not).
    std::size_t waiting() const;
    /// Sends what waits, oldest first, when signed in and not already sending.
    void flush();
    /// Forgets a refused item once the person has read why (a refused send leaves the draft).
    void dismiss(const std::string& item_id);
    /// Tries a refused item again (after the person changed the draft, say).
    void retry(const std::string& item_id);

    // --- Storage

    /// Why the last write to the browser's storage failed ("" when all is saved).
    const std::string& save_error() const { return m_save_error; }
    /// Writes under way or waiting for one (a draft is safe once this is 0 and save_error() is empty).
    int saving() const { return m_saving + static_cast<int>(m_dirty.size()); }
    PersistState persist_state() const { return m_persist; }

private:
    void save_draft(const std::string& id);
    void save_outbox();
    void save_server();
    void saved(bool ok, const std::string& error);
    void enqueue(OutboxItem item);
    void take(const Proposal& proposal);
    void sent(std::size_t index);
    void refuse(std::size_t index, std::string message);

    const Session& m_session;
    bool m_loaded = false;
    int m_loading = 0;
    std::map<std::string, Proposal> m_drafts;
    std::optional<Proposal> m_removed;
    std::map<std::string, Proposal> m_server;
    std::vector<OutboxItem> m_outbox;
    std::map<std::string, std::string> m_seen;  ///< proposal id → updated_at when last opened
    bool m_flushing = false;
    bool m_refreshing = false;
    int m_saving = 0;
    std::set<std::string> m_writing;  ///< drafts with a write under way
    std::set<std::string> m_dirty;    ///< drafts changed since their write began
    std::string m_save_error;
    PersistState m_persist = PersistState::not_asked;
};

}  // namespace prd::web
