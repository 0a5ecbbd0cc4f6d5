#pragma once
// window.prdState: a read-only summary of what the app shows, for browser tests and diagnostics.

#include <string>

#include "app/app_state.hpp"
#include "app/frame_report.hpp"
#include "app/glyph_audit.hpp"
#include "app/renderer.hpp"

namespace prd::web {

/// The state as a JSON document (see the field list in published_state.cpp).
std::string published_state(const AppState& app, const FrameReport& report, const GlyphAudit& audit,
                            const Renderer& renderer);

}  // namespace prd::web
