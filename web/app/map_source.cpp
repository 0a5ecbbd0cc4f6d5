#include "app/map_source.hpp"

#include <nlohmann/json.hpp>

#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace prd::web::map {

std::string_view to_string(Source::State state) {
    switch (state) {
        case Source::State::idle: return "idle";
        case Source::State::loading: return "loading";
        case Source::State::ready: return "ready";
        case Source::State::error: return "error";
    }
    return "idle";
}

void Source::load() {
    if (m_state == State::loading || m_state == State::ready) return;
    m_state = State::loading;
    m_error.clear();
    platform::store_get(storage_key, [this](std::optional<std::string> value, std::string) {
        // A stored copy this release cannot read is fetched again.
        if (value && install(*value)) return;
        fetch();
    });
}

void Source::fetch() {
    platform::HttpRequest request;
    request.url = url;
    platform::fetch(std::move(request), [this](platform::HttpResponse response) {
        if (response.status != 200) {
            m_state = State::error;
            m_error = response.status == 0 ? (response.error.empty() ? "network error" : response.error)
                                           : "HTTP " + std::to_string(response.status) + " from " + url;
            return;
        }
        if (!install(response.body)) return;
        platform::store_put(storage_key, std::move(response.body), [](bool, std::string) {});
        platform::wake();
    });
}

bool Source::install(const std::string& text) {
    const double started = platform::now_ms();
    try {
        m_outlines = build_outlines(import::outlines_from_json(nlohmann::json::parse(text)));
    } catch (const std::exception& e) {
        m_state = State::error;
        m_error = std::string("outlines rejected: ") + e.what();
        return false;
    }
    m_prepare_ms = platform::now_ms() - started;
    m_state = State::ready;
    m_error.clear();
    platform::wake();
    return true;
}

}  // namespace prd::web::map
