#include "app/app_state.hpp"

#include <exception>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"

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

AppState::AppState(Lang language)
    : m_sync(
          m_registry,
          [this](RegistrySource) {
              rebuild_index();
              m_status = LoadStatus::ready;
              m_error.clear();
              if (m_ready_ms == 0) m_ready_ms = platform::now_ms();
          },
          [this](std::string error) {
              if (m_status == LoadStatus::ready) return;  // the copy shown stays; the status line says offline
              m_status = LoadStatus::error;
              m_error = std::move(error);
          }),
      m_language(language) {
    platform::set_document_language(code(language));
}

void AppState::tick() {
    m_sync.tick();
    const bool signed_in = m_session.signed_in() && m_session.confirmed();
    const bool online = platform::online();
    const double now = platform::now_ms();
    // Signing in, the network coming back, or a minute gone: ask for the person's proposals (which
    // also sends what waits in the outbox).
    if (signed_in && (!m_was_signed_in || (online && !m_was_online) || now - m_refreshed_ms > 60000)) {
        m_refreshed_ms = now;
        m_book.refresh();
    } else if (online && !m_was_online) {
        m_book.flush();
    }
    m_was_signed_in = signed_in;
    m_was_online = online;
}

void AppState::begin_loading() {
    if (m_status == LoadStatus::error) {  // "Retry"
        m_status = LoadStatus::loading;
        m_error.clear();
        m_sync.sync_now();
        return;
    }
    m_status = LoadStatus::loading;
    m_error.clear();
    m_sync.start();
}

void AppState::rebuild_index() {
    const double started = platform::now_ms();
    m_index = SearchIndex::build(m_registry);
    m_index_ms = platform::now_ms() - started;
    ++m_generation;
}

void AppState::install(const Municipality& municipality) {
    try {
        const DeltaEntry entry{RecordKind::municipality, municipality.id, municipality.revision, false,
                               to_json(municipality)};
        m_registry.install(entry);
        m_sync.remember(entry);
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
