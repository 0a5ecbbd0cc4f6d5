#pragma once
// What the app knows: the registry as last loaded from the server and the search index over it,
// where the person is (the route), who they are (the session), the profile they are editing, and
// their choices (UI language). Panels read it and ask it to act; only it talks to the platform.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/profile_editor.hpp"
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

    /// Where the snapshot is fetched from: relative to the page, so the app also works when the
    /// server sits behind a path prefix.
    static constexpr std::string_view snapshot_url = "api/v1/snapshot";

    /// Marks the registry as loading and asks the server for a snapshot; the answer arrives
    /// through accept_snapshot() between frames.
    void begin_loading();

    /// Turns a fetched snapshot into the registry and its search index. On any failure (network,
    /// HTTP status, JSON syntax, a record the core rejects) the status becomes error with a message
    /// naming the cause, and the registry shown so far is kept.
    void accept_snapshot(int http_status, std::string body, std::string_view network_error);

    LoadStatus status() const { return m_status; }
    const std::string& error() const { return m_error; }
    const Registry& registry() const { return m_registry; }
    const SearchIndex& index() const { return m_index; }
    /// Rises with every change to the registry, so views know to rebuild what they derived from it.
    int generation() const { return m_generation; }
    /// Milliseconds from the page's start to the registry being ready (0 until then).
    double ready_ms() const { return m_ready_ms; }

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
    SearchIndex m_index;
    LoadStatus m_status = LoadStatus::loading;
    std::string m_error;
    int m_generation = 0;
    double m_ready_ms = 0;
    Lang m_language;
    Route m_route;
    std::string m_address;  ///< the address m_route was read from or written to
    Session m_session;
    ProfileEditor m_editor;
    bool m_focus_search = false;

    std::string m_suggestions_id;
    int m_suggestions_generation = -1;
    int m_suggestions_dismissed = -1;
    std::vector<PartnerSuggestion> m_suggestions;
};

}  // namespace prd::web
