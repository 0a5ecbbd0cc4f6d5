#include "app/app_state.hpp"

#include <exception>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "platform/platform.hpp"

namespace prd::web {

std::string_view to_string(LoadStatus status) {
    switch (status) {
        case LoadStatus::loading: return "loading";
        case LoadStatus::ready: return "ready";
        case LoadStatus::error: return "error";
    }
    return "error";
}

Lang language_for(std::string_view browser_language) {
    const bool ukrainian = browser_language.size() >= 2 && (browser_language[0] == 'u' || browser_language[0] == 'U') &&
                           (browser_language[1] == 'k' || browser_language[1] == 'K') &&
                           (browser_language.size() == 2 || browser_language[2] == '-' || browser_language[2] == '_');
    return ukrainian ? Lang::uk : Lang::en;
}

AppState::AppState(Lang language) : m_language(language) { platform::set_document_language(code(language)); }

void AppState::begin_loading() {
    m_status = LoadStatus::loading;
    m_error.clear();
    platform::HttpRequest request;
    request.url = std::string(snapshot_url);
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        accept_snapshot(response.status, std::move(response.body), response.error);
    });
}

void AppState::accept_snapshot(int http_status, std::string body, std::string_view network_error) {
    if (http_status == 0) {
        m_status = LoadStatus::error;
        m_error = network_error.empty() ? std::string("network error") : std::string(network_error);
        return;
    }
    if (http_status != 200) {
        m_status = LoadStatus::error;
        m_error = "HTTP " + std::to_string(http_status) + " from " + std::string(snapshot_url);
        return;
    }
    try {
        // Each form is dropped as soon as the next exists: WebAssembly memory never shrinks, so the
        // peak is what a phone pays for as long as the tab is open.
        Snapshot snapshot;
        {
            const nlohmann::json json = nlohmann::json::parse(body);
            std::string().swap(body);
            snapshot = snapshot_from_json(json);
        }
        m_registry = Registry::from_snapshot(std::move(snapshot));
        rebuild_index();
        m_status = LoadStatus::ready;
        m_error.clear();
        if (m_ready_ms == 0) m_ready_ms = platform::now_ms();
    } catch (const nlohmann::json::exception& e) {
        m_status = LoadStatus::error;
        m_error = std::string("snapshot is not valid JSON: ") + e.what();
    } catch (const DecodeError& e) {
        m_status = LoadStatus::error;
        m_error = std::string("snapshot rejected: ") + e.what();
    } catch (const std::exception& e) {
        m_status = LoadStatus::error;
        m_error = std::string("snapshot could not be loaded: ") + e.what();
    }
}

void AppState::rebuild_index() {
    m_index = SearchIndex::build(m_registry);
    ++m_generation;
}

void AppState::install(const Municipality& municipality) {
    try {
        m_registry.install(
            DeltaEntry{RecordKind::municipality, municipality.id, municipality.revision, false, to_json(municipality)});
    } catch (const DecodeError&) {
        return;  // the server sent what it validated; a record the app cannot read changes nothing
    }
    rebuild_index();
}

void AppState::set_language(Lang language) {
    m_language = language;
    platform::save_setting("language", code(language));  // the next visit opens in it
    platform::set_document_language(code(language));
}

void AppState::navigate(Route route, bool replace) {
    m_address = format_route(route);
    m_route = std::move(route);
    platform::go_to(m_address, replace);
}

void AppState::follow_address() {
    std::string address = platform::current_route();
    if (address == m_address) return;
    m_route = parse_route(address);
    m_address = std::move(address);
}

const std::vector<PartnerSuggestion>& AppState::suggestions_for(const std::string& id) {
    // A community's dismissals apply only for its own editors (and moderators); anyone else sees
    // the plain ranking, so the difference reveals nothing.
    const bool own = m_session.may_edit(id) && m_session.dismissed().municipality == id;
    const int dismissed_version = own ? m_session.dismissed_version() : 0;
    if (id == m_suggestions_id && m_generation == m_suggestions_generation &&
        dismissed_version == m_suggestions_dismissed) {
        return m_suggestions;
    }
    m_suggestions_id = id;
    m_suggestions_generation = m_generation;
    m_suggestions_dismissed = dismissed_version;
    m_suggestions.clear();
    if (m_registry.find_municipality(id) == nullptr) return m_suggestions;
    MatchOptions options;
    options.limit = 10;
    m_suggestions = suggest_partners(m_registry, id, options, own ? m_session.dismissed() : DismissedSuggestions{});
    return m_suggestions;
}

void AppState::dismiss_suggestion(const std::string& municipality, const std::string& suggested,
                                  DismissedSuggestions::Reason reason) {
    if (!m_session.may_edit(municipality)) return;
    // Shown at once; the server keeps it for the community's other editors.
    DismissedSuggestions dismissed = m_session.dismissed();
    dismissed.municipality = municipality;
    dismissed.dismiss(suggested, reason);
    m_session.set_dismissed(dismissed);
    platform::HttpRequest request;
    request.method = "PUT";
    request.url = "api/v1/municipalities/" + municipality + "/dismissed/" + suggested;
    request.headers = m_session.auth_headers();
    request.headers.emplace_back("Content-Type", "application/json");
    request.body =
        nlohmann::json{{"reason", reason == DismissedSuggestions::Reason::declined ? "declined" : "hidden"}}.dump();
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        if (response.status != 200) return;
        try {
            m_session.set_dismissed(dismissed_suggestions_from_json(nlohmann::json::parse(response.body)));
        } catch (const std::exception&) {
        }
    });
}

}  // namespace prd::web
