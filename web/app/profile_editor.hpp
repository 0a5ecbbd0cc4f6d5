#pragma once
// Editing a community's public profile: the draft the person types into, checked by the core's
// validator as they type, saved with If-Match on the revision they started from. Nothing typed is
// lost: the draft is kept in the browser until it is saved or discarded, a failed save keeps it,
// and a conflict (someone saved first) shows each field both sides changed, to keep either.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/types.hpp"
#include "validation/validate.hpp"

namespace prd::web {

class ProfileEditor {
public:
    enum class State {
        closed,
        editing,
        saving,
        saved,     ///< the last save went through; the draft is the stored record
        conflict,  ///< someone saved first: see conflicts()
        failed,    ///< not saved (network, refusal): the draft stays, message() says why
    };

    /// One field both the person and someone else changed.
    struct FieldConflict {
        std::string field;   ///< e.g. "needs", "description.en"
        std::string mine;    ///< as the person typed it
        std::string theirs;  ///< as stored now
        bool keep_mine = true;
    };

    /// Starts editing `stored`, or goes on with an unsaved draft of the same record kept from
    /// before (even across a reload).
    void open(const Municipality& stored);
    /// Drops the draft and closes.
    void discard();

    State state() const { return m_state; }
    const std::string& message() const { return m_message; }
    const std::string& id() const { return m_draft.id; }
    bool is_open_for(std::string_view id) const { return m_state != State::closed && m_draft.id == id; }

    Municipality& draft() { return m_draft; }
    const Municipality& draft() const { return m_draft; }
    /// The record as stored when editing began (or after a resolved conflict).
    const Municipality& base() const { return m_base; }
    /// True when the draft differs from base() in a field the form edits.
    bool has_changes() const;
    /// The draft's problems, as the server would report them.
    ValidationErrors errors() const;
    /// Call after each edit: keeps the draft in the browser.
    void changed();

    using SavedCallback = std::function<void(const Municipality& stored)>;
    /// PUT /api/v1/municipalities/{id} with If-Match: base().revision. On success calls `saved`.
    void save(std::vector<std::pair<std::string, std::string>> auth_headers, SavedCallback saved);

    std::vector<FieldConflict>& conflicts() { return m_conflicts; }
    const Municipality& theirs() const { return m_theirs; }
    /// Takes the choices made in conflicts(): the draft gets theirs where the person chose so, and
    /// the stored record becomes the new base, ready to save again.
    void resolve();

    /// The fields the form edits, with a readable rendering of each (for conflicts and tests).
    static std::vector<std::string> field_names();
    static std::string show_field(const Municipality& m, std::string_view field);

private:
    void persist() const;
    /// Fills conflicts() from the draft, the base and `stored`; fields only they changed are taken.
    void merge_with(const Municipality& stored);

    State m_state = State::closed;
    std::string m_message;
    Municipality m_base;
    Municipality m_draft;
    Municipality m_theirs;
    std::vector<FieldConflict> m_conflicts;
    int m_attempt = 0;
};

std::string_view to_string(ProfileEditor::State state);

}  // namespace prd::web
