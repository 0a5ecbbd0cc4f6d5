#include "app/app_state.hpp"

#include <exception>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"
#include "platform/platform.hpp"

namespace prd::web {

std::string_view to_string(View view) {
    return view == View::partnerships ? "partnerships" : "municipalities";
}

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

void AppState::begin_loading() {
    m_status = LoadStatus::loading;
    m_error.clear();
    platform::fetch_text(snapshot_url, [this](int status, std::string body, std::string error) {
        accept_snapshot(status, body, error);
    });
}

void AppState::accept_snapshot(int http_status, std::string_view body, std::string_view network_error) {
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
        const nlohmann::json json = nlohmann::json::parse(body);
        Registry registry = Registry::from_snapshot(snapshot_from_json(json));
        m_registry = std::move(registry);
        m_status = LoadStatus::ready;
        m_error.clear();
        ++m_generation;
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

}  // namespace prd::web
