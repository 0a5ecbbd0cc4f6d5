#pragma once
// The map's country outlines (Natural Earth 1:50m, shared/seed/map_outlines.json): fetched from the
// server the first time the map opens, then kept in the browser beside the registry, so the map
// draws offline and never downloads them again.

#include <string>

#include "app/map_geometry.hpp"

namespace prd::web::map {

class Source {
public:
    enum class State { idle, loading, ready, error };

    /// Starts loading once (the stored copy, else the server's); later calls do nothing unless the
    /// last attempt failed.
    void load();
    State state() const { return m_state; }
    const std::string& error() const { return m_error; }
    const Outlines& outlines() const { return m_outlines; }
    /// How long reading and preparing the outlines took (ms).
    double prepare_ms() const { return m_prepare_ms; }

    static constexpr const char* url = "api/v1/map/outlines";
    static constexpr const char* storage_key = "map.outlines";

private:
    void fetch();
    bool install(const std::string& text);

    State m_state = State::idle;
    std::string m_error;
    Outlines m_outlines;
    double m_prepare_ms = 0;
};

std::string_view to_string(Source::State state);

}  // namespace prd::web::map
