#pragma once
// Proof that the font covers what the app shows: every string the app draws passes through
// check(), which looks each code point up with ImFont::FindGlyphNoFallback. A gap would otherwise
// show as U+FFFD boxes that no test notices.

#include <set>
#include <string_view>

struct ImDrawData;

namespace prd::web {

class GlyphAudit {
public:
    /// Forgets the previous frame's findings.
    void begin_frame() { m_missing.clear(); }
    /// Records the code points of `text` that ImGui's current font lacks.
    void check(std::string_view text);
    /// Distinct code points drawn this frame that the font lacks (0 is the goal).
    const std::set<char32_t>& missing() const { return m_missing; }

    /// Independent cross-check over what was really rendered: how many glyphs in `draw_data`
    /// are a font's fallback glyph (this also sees text ImGui drew on its own).
    static int fallback_glyphs_drawn(const ImDrawData* draw_data);

private:
    std::set<char32_t> m_missing;
};

}  // namespace prd::web
