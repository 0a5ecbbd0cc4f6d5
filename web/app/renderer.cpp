#include "app/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/sprites.hpp"
#include "app/theme.hpp"
#include "platform/input.hpp"

namespace prd::web {
namespace {

// Put into the bundle's app.data by the build (--preload-file), so it arrives with the app.
constexpr const char* font_path = "/fonts/DejaVuSans.ttf";
constexpr float base_font_px = 16.0f;  // CSS pixels

// Everything the registry and the UI show: Latin with the diacritics of European place names
// (Poznań, Łódź, Rīga), Cyrillic with ґ є і ї and the apostrophe ʼ, typographic punctuation
// (– — « » “ ” ’ … №), the euro sign, and U+FFFD (the fallback glyph, so a gap is visible).
// web/CMakeLists.txt subsets the font file to these same ranges: change both together.
constexpr ImWchar glyph_ranges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A and -B
    0x02B0, 0x02FF,  // spacing modifier letters (ʼ)
    0x0300, 0x036F,  // combining diacritics (decomposed input)
    0x0400, 0x052F,  // Cyrillic and Cyrillic Supplement
    0x2000, 0x206F,  // general punctuation
    0x20AC, 0x20B4,  // € … ₴
    0x2116, 0x2116,  // №
    0x2190, 0x2193,  // arrows
    0xFFFD, 0xFFFD,
    0,
};

// Titles show record names too (Łódź, Rīga), so the larger face carries the same glyphs.
constexpr float title_font_px = 22.0f;

constexpr int dot_px = 32;  // the map's dot sprite: drawn from 4 to 20 px, so this is enough

Sprite g_dot;

/// Paints a white disc with a one-pixel soft edge into the atlas rectangle `rect` (RGBA32 atlas).
void paint_dot(ImFontAtlas& atlas, int rect) {
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(rect);
    const float centre = (static_cast<float>(r->Width) - 1.0f) * 0.5f;
    const float radius = static_cast<float>(dot_px) * 0.5f - 1.0f;
    for (int y = 0; y < r->Height; ++y) {
        for (int x = 0; x < r->Width; ++x) {
            const float d = std::hypot(static_cast<float>(x) - centre, static_cast<float>(y) - centre);
            const float alpha = std::clamp(radius - d + 0.5f, 0.0f, 1.0f);
            unsigned char* p = pixels + 4 * ((r->Y + y) * width + r->X + x);
            p[0] = p[1] = p[2] = 255;
            p[3] = static_cast<unsigned char>(std::lround(alpha * 255.0f));
        }
    }
    ImVec2 uv0, uv1;
    atlas.CalcCustomRectUV(r, &uv0, &uv1);
    g_dot = {uv0.x, uv0.y, uv1.x, uv1.y};
}

platform::Size backing_size(platform::Size css, double dpr) {
    return {std::max(1, static_cast<int>(std::lround(css.width * dpr))),
            std::max(1, static_cast<int>(std::lround(css.height * dpr)))};
}

}  // namespace

const Sprite& dot_sprite() { return g_dot; }

Renderer::Renderer() {
    if (!platform::create_gl_context()) throw std::runtime_error("WebGL2 is not available");
    m_dpr = platform::device_pixel_ratio();
    m_css = platform::canvas_css_size();
    m_canvas = backing_size(m_css, m_dpr);
    platform::set_canvas_size(m_canvas);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not the user's; nothing to persist yet
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    platform::install_input();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    load_font_and_style();
}

Renderer::~Renderer() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
}

void Renderer::load_font_and_style() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    // At 2x and more the glyphs are big enough that horizontal oversampling only costs memory.
    config.OversampleH = m_dpr >= 1.75 ? 1 : 2;
    config.OversampleV = 1;
    const float size = std::round(base_font_px * static_cast<float>(m_dpr));
    m_font = io.Fonts->AddFontFromFileTTF(font_path, size, &config, glyph_ranges);
    const float title_size = std::round(title_font_px * static_cast<float>(m_dpr));
    m_title_font = io.Fonts->AddFontFromFileTTF(font_path, title_size, &config, glyph_ranges);
    const int dot = io.Fonts->AddCustomRectRegular(dot_px, dot_px);
    if (m_font == nullptr || m_title_font == nullptr || !io.Fonts->Build()) throw std::runtime_error("the UI font could not be loaded");
    paint_dot(*io.Fonts, dot);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    apply_theme(static_cast<float>(m_dpr));
}

void Renderer::begin_frame() {
    m_frame_started = platform::now_ms();
    m_css = platform::canvas_css_size();
    const double dpr = platform::device_pixel_ratio();
    if (dpr != m_dpr) {  // moved to another screen, or the page was zoomed
        m_dpr = dpr;
        load_font_and_style();
    }
    const platform::Size wanted = backing_size(m_css, m_dpr);
    if (wanted.width != m_canvas.width || wanted.height != m_canvas.height) {
        platform::set_canvas_size(wanted);
        m_canvas = wanted;
    }
    ImGui_ImplOpenGL3_NewFrame();
    platform::input_new_frame(m_dpr);
    // ImGui works in backing-store pixels throughout (the input layer converts from CSS pixels),
    // so text is rasterised at the screen's real resolution.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(m_canvas.width), static_cast<float>(m_canvas.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui::NewFrame();
}

void Renderer::end_frame() {
    ImGui::Render();
    platform::input_end_frame(m_dpr);
    glViewport(0, 0, m_canvas.width, m_canvas.height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());  // the browser shows it after the frame
    ++m_frames;
    m_frame_ms = platform::now_ms() - m_frame_started;
}

ImDrawData* Renderer::draw_data() const { return m_frames > 0 ? ImGui::GetDrawData() : nullptr; }

}  // namespace prd::web
