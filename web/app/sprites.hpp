#pragma once
// Small images the renderer adds to ImGui's font atlas, so a panel can draw thousands of them in
// the same batch as the text (the map's dots).

namespace prd::web {

struct Sprite {
    float u0 = 0;
    float v0 = 0;
    float u1 = 0;
    float v1 = 0;
};

/// A white disc with a soft edge, filling its square; all zero until the renderer built the atlas.
const Sprite& dot_sprite();

}  // namespace prd::web
