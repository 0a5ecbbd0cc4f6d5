#pragma once
// The app's look: a light theme with the blue of the Ukrainian flag for selection and headers.

namespace prd::web {

/// Resets ImGui's style to the theme, with every size multiplied by `scale` (the pixel ratio).
void apply_theme(float scale);

/// Accent colours for text the app draws itself (packed as ImU32).
unsigned accent_blue();
unsigned muted_text();
unsigned error_text();

}  // namespace prd::web
