#pragma once
// What the app draws into: the page's canvas with a WebGL 2 context, the ImGui context with the
// browser input layer (platform/input.hpp) and the OpenGL3 backend, and the UI font. It keeps the canvas backing store
// at CSS size times the device pixel ratio, so text stays crisp on high-DPI screens.

#include <cstdint>

#include "platform/platform.hpp"

struct ImFont;
struct ImDrawData;

namespace prd::web {

class Renderer {
public:
    /// Throws std::runtime_error when no WebGL2 context can be created or the font is missing.
    Renderer();
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Follows the canvas size and pixel ratio (rebuilding the font when the ratio changed),
    /// then starts an ImGui frame.
    void begin_frame();
    /// Renders the ImGui frame into the canvas.
    void end_frame();

    ImFont* font() const { return m_font; }
    /// A larger face for the app's title.
    ImFont* title_font() const { return m_title_font; }
    double pixel_ratio() const { return m_dpr; }
    platform::Size canvas_size() const { return m_canvas; }
    platform::Size css_size() const { return m_css; }
    std::uint64_t frames() const { return m_frames; }
    /// Milliseconds the previous frame took from begin_frame() to the end of end_frame().
    double frame_ms() const { return m_frame_ms; }
    /// The draw data of the last end_frame() (null before the first).
    ImDrawData* draw_data() const;

private:
    void load_font_and_style();

    ImFont* m_font = nullptr;
    ImFont* m_title_font = nullptr;
    double m_dpr = 0;
    platform::Size m_canvas;
    platform::Size m_css;
    std::uint64_t m_frames = 0;
    double m_frame_started = 0;
    double m_frame_ms = 0;
};

}  // namespace prd::web
