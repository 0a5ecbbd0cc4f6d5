#pragma once
// What the app knows: the registry as last loaded from the server and the search index over it,
// where the person is (the route), who they are (the session), the profile they are editing, and
// their choices (UI language). Panels read it and ask it to act; only it talks to the platform.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/admin_desk.hpp"
#include "app/profile_editor.hpp"
#include "app/proposal_book.hpp"
#include "app/registry_sync.hpp"
#include "app/route.hpp"
#include "app/session.hpp"
#include "app/ui_text.hpp"
#include "registry/registry.hpp"
#include "search/matching.hpp"
#include "search/search_index.hpp"

namespace prd::web {

enum class LoadStatus { loading, ready, error };
std::string_view to_string(LoadStatus status);

/// Ukrainian for browsers set to Ukrainian ("uk", "uk-UA"), English for everyone else.
Lang language_for(std::string_view browser_language);

class AppState {
public:
    explicit AppState(Lang language);

    /// Loads the registry: the browser's own copy at once when it has one, else the server's
    /// snapshot; then keeps it up to date in the background. On a failure with nothing to show
    /// (network, HTTP status, a snapshot the core rejects) the status becomes error with a message
    /// naming the cause.
    void begin_loading();
    /// Once per frame: lets the registry sync notice the network coming back.
    /// Once per frame: lets the registry sync and the proposal book notice the network coming back
    /// and the person signing in.
    void tick();
    /// Changes made here that wait for the network (proposals, answers, messages).
    std::size_t waiting_changes() const { return m_book.waiting(); }
    ProposalBook& proposals() { return m_book; }
    AdminDesk& admin() { return m_admin; }
    const AdminDesk& admin() const { return m_admin; }
    const ProposalBook& proposals() const { return m_book; }
    const RegistrySync& registry_sync() const { return m_sync; }
    RegistrySync& registry_sync() { return m_sync; }

    LoadStatus status() const { return m_status; }
    const std::string& error() const { return m_error; }
    const Registry& registry() const { return m_registry; }
    const SearchIndex& index() const { return m_index; }
    /// Rises with every change to the registry, so views know to rebuild what they derived from it.
    int generation() const { return m_generation; }
    /// Milliseconds from the page's start to the registry being ready (0 until then).
    double ready_ms() const { return m_ready_ms; }
    /// How long the last search index build took (ms).
    double index_ms() const { return m_index_ms; }

    /// A record the server sent back (after a save): it replaces the one held.
    void install(const Municipality& municipality);

    Lang language() const { return m_language; }
    void set_language(Lang language);

    /// Where the person is. follow_address() picks up Back, Forward and typed addresses.
    const Route& route() const { return m_route; }
    /// Opens a route; `replace` rewrites the current history entry instead of adding one.
    void navigate(Route route, bool replace = false);
    /// Reads the address bar; call once per frame.
    void follow_address();

    /// Asks Find to put the cursor in its search box on its next frame ('/' does).
    void request_search_focus() { m_focus_search = true; }
    bool take_search_focus() { return std::exchange(m_focus_search, false); }

    Session& session() { return m_session; }
    const Session& session() const { return m_session; }
    ProfileEditor& editor() { return m_editor; }
    const ProfileEditor& editor() const { return m_editor; }

    /// Partner suggestions for a municipality, with the community's own dismissals applied when
    /// the person may see them. Cached until the registry or the dismissals change.
    const std::vector<PartnerSuggestion>& suggestions_for(const std::string& id);

    /// Hides or declines a suggestion for the signed-in person's community (kept on the server,
    /// visible only to that community's editors and moderators).
    void dismiss_suggestion(const std::string& municipality, const std::string& suggested,
                            DismissedSuggestions::Reason reason);

private:
    void rebuild_index();

    Registry m_registry;
    RegistrySync m_sync;
    SearchIndex m_index;
    LoadStatus m_status = LoadStatus::loading;
    std::string m_error;
    int m_generation = 0;
    double m_ready_ms = 0;
    double m_index_ms = 0;
    Lang m_language;
    Route m_route;
    std::string m_address;  ///< the address m_route was read from or written to
    Session m_session;
    ProposalBook m_book{m_session};
    AdminDesk m_admin{m_session};
    ProfileEditor m_editor;
    bool m_was_signed_in = false;
    bool m_was_online = true;
    double m_refreshed_ms = 0;
    bool m_focus_search = false;

    std::string m_suggestions_id;
    int m_suggestions_generation = -1;
    int m_suggestions_dismissed = -1;
    std::vector<PartnerSuggestion> m_suggestions;
};

}  // namespace prd::web
