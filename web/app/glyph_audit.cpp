#include "app/glyph_audit.hpp"

#include <imgui.h>

#include "i18n/utf8.hpp"

namespace prd::web {

void GlyphAudit::check(std::string_view text) {
    const ImFont* font = ImGui::GetFont();
    for (size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        if (c == U'\n' || c == U'\t') continue;  // control characters are layout, not glyphs
        // ImWchar is 16-bit in this build: anything beyond the BMP cannot have a glyph.
        if (c > 0xFFFF || font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) m_missing.insert(c);
    }
}

int GlyphAudit::fallback_glyphs_drawn(const ImDrawData* draw_data) {
    if (draw_data == nullptr) return 0;
    int count = 0;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (const ImFont* font : atlas->Fonts) {
        const ImFontGlyph* fallback = font->FallbackGlyph;
        if (fallback == nullptr || fallback->Codepoint == ' ') continue;  // a blank fallback leaves no trace
        // Each glyph is one quad; exactly one of its corners carries the glyph's top-left UV.
        for (const ImDrawList* list : draw_data->CmdLists) {
            for (const ImDrawVert& vertex : list->VtxBuffer) {
                if (vertex.uv.x == fallback->U0 && vertex.uv.y == fallback->V0) ++count;
            }
        }
    }
    return count;
}

}  // namespace prd::web
