#pragma once
// The small widgets every panel uses: links that open a route, text fields that type through the
// browser's text input, headings, labelled values and badges. Each audits the text it draws and
// can publish itself as a named target for tests.

#include <string>
#include <string_view>

#include "app/ui_context.hpp"

namespace prd::web {

/// Text in the accent colour that opens something when clicked, tapped or activated by keyboard.
/// Returns true on activation. `target` names it in prdState.targets (optional).
bool link(UiContext& ui, std::string_view text, const std::string& target = {});

/// A one-line text field; `width` 0 takes the rest of the line. True when the text changed.
bool text_field(UiContext& ui, const char* id, const char* hint, std::string& value, const std::string& target = {},
                float width = 0, int flags = 0);
/// A multi-line text field of `lines` lines. True when the text changed. With `wrap_words`, lines
/// wider than the field are broken at a space with a newline (as typed, and when text from
/// elsewhere arrives), since ImGui 1.90 cannot wrap inside a field; reflow() (print_document.hpp)
/// joins such lines again for print.
bool text_area(UiContext& ui, const char* id, std::string& value, float lines, const std::string& target = {},
               bool wrap_words = false);
/// `text` with every line wider than `width` × `tolerance` (pixels of the current font) broken at
/// spaces into lines that fit `width`.
std::string wrap_lines(const std::string& text, float width, float tolerance = 1.0f);

/// A section heading: larger spacing above, a thin rule below.
void heading(UiContext& ui, std::string_view text);
/// "Label: value" on one line, wrapping the value; nothing when value is empty.
void labelled(UiContext& ui, Text label, std::string_view value);
/// A small rounded label (verified, frontline, open to join) in `colour` (packed ImU32).
void badge(UiContext& ui, std::string_view text, unsigned colour);
/// Wrapped text, audited.
void paragraph(UiContext& ui, std::string_view text);
/// A button that is `full_width` on phones; true when pressed. Publishes `target`.
bool action_button(UiContext& ui, const char* label, const std::string& target = {}, bool primary = false);
/// Error text in red, wrapped.
void error_line(UiContext& ui, std::string_view text);

}  // namespace prd::web
