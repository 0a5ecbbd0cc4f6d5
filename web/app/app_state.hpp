#pragma once
// What the app knows: the registry as last loaded from the server, whether loading worked, and
// the person's choices (UI language, current view). Panels read it; only the app changes it.

#include <string>
#include <string_view>

#include "app/ui_text.hpp"
#include "registry/registry.hpp"

namespace prd::web {

enum class View { partnerships, municipalities };
std::string_view to_string(View view);

enum class LoadStatus { loading, ready, error };
std::string_view to_string(LoadStatus status);

/// Ukrainian for browsers set to Ukrainian ("uk", "uk-UA"), English for everyone else.
Lang language_for(std::string_view browser_language);

class AppState {
public:
    explicit AppState(Lang language) : m_language(language) {}

    /// Where the snapshot is fetched from: relative to the page, so the app also works when the
    /// server sits behind a path prefix.
    static constexpr std::string_view snapshot_url = "api/v1/snapshot";

    /// Marks the registry as loading and asks the server for a snapshot; the answer arrives
    /// through accept_snapshot() between frames.
    void begin_loading();

    /// Turns a fetched snapshot into the registry. On any failure (network, HTTP status, JSON
    /// syntax, a record the core rejects) the status becomes error with a message naming the
    /// cause, and the registry shown so far is kept.
    void accept_snapshot(int http_status, std::string_view body, std::string_view network_error);

    LoadStatus status() const { return m_status; }
    const std::string& error() const { return m_error; }
    const Registry& registry() const { return m_registry; }
    /// Rises with every successful load, so views know to rebuild what they derived from it.
    int generation() const { return m_generation; }

    Lang language() const { return m_language; }
    void set_language(Lang language) { m_language = language; }
    View view() const { return m_view; }
    void set_view(View view) { m_view = view; }

private:
    Registry m_registry;
    LoadStatus m_status = LoadStatus::loading;
    std::string m_error;
    int m_generation = 0;
    Lang m_language;
    View m_view = View::partnerships;  // the agreements are what people come to see first
};

}  // namespace prd::web
