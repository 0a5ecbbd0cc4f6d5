#pragma once
// What drawing code gets each frame: the app state to read, labels in the UI language, and the
// helpers that keep the glyph audit and the frame report complete (so every string goes through
// here rather than straight to ImGui).

#include <string>
#include <string_view>

#include "app/app_state.hpp"
#include "app/frame_report.hpp"
#include "app/glyph_audit.hpp"
#include "app/ui_text.hpp"

struct ImFont;

namespace prd::web {

class UiContext {
public:
    UiContext(AppState& app, GlyphAudit& audit, FrameReport& report, float pixel_ratio, float css_width)
        : m_app(app), m_audit(audit), m_report(report), m_pixel_ratio(pixel_ratio), m_css_width(css_width) {}

    AppState& app() { return m_app; }
    const AppState& app() const { return m_app; }
    Lang lang() const { return m_app.language(); }
    FrameReport& report() { return m_report; }

    /// The label in the UI language, audited.
    const char* text(Text id);
    /// Any other string about to be drawn (record text, formatted numbers), audited; returns it.
    std::string_view audited(std::string_view text);

    /// Draws `text` on one line in the current table cell or layout slot; when it does not fit,
    /// hovering shows it whole. `right_align` is for numbers.
    void cell(std::string_view text, bool right_align = false);

    /// Records the last item's rectangle as a click target for tests.
    void mark_target(const std::string& name);

    /// Sizes authored in CSS pixels, converted to the backing-store pixels ImGui works in.
    float px(float css_pixels) const { return css_pixels * m_pixel_ratio; }
    float pixel_ratio() const { return m_pixel_ratio; }

    /// A phone-sized screen: one column, a bottom bar, large touch targets.
    bool narrow() const { return m_css_width < 760; }

    /// The larger face for titles (null before the renderer set it).
    ImFont* title_font() const { return m_title_font; }
    void set_title_font(ImFont* font) { m_title_font = font; }

    /// Opens a route (see AppState::navigate).
    void go(Route route, bool replace = false) { m_app.navigate(std::move(route), replace); }

private:
    AppState& m_app;
    GlyphAudit& m_audit;
    FrameReport& m_report;
    float m_pixel_ratio;
    float m_css_width;
    ImFont* m_title_font = nullptr;
};

}  // namespace prd::web
