#include "app/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/theme.hpp"

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

// The title only shows the app's name, so its (larger) face carries far fewer glyphs.
constexpr ImWchar title_glyph_ranges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1
    0x0400, 0x045F,  // Cyrillic
    0x0490, 0x0491,  // Ґ ґ
    0x2013, 0x2014,  // – —
    0x2026, 0x2026,  // …
    0xFFFD, 0xFFFD,
    0,
};
constexpr float title_font_px = 22.0f;

void glfw_error(int code, const char* description) {
    // Errors that matter surface as a null window; the rest are worth a console line.
    std::fprintf(stderr, "GLFW error %d: %s\n", code, description);
}

platform::Size backing_size(platform::Size css, double dpr) {
    return {std::max(1, static_cast<int>(std::lround(css.width * dpr))),
            std::max(1, static_cast<int>(std::lround(css.height * dpr)))};
}

}  // namespace

Renderer::Renderer() {
    glfwSetErrorCallback(glfw_error);
    if (glfwInit() != GLFW_TRUE) throw std::runtime_error("GLFW could not start");
    // The UI needs neither depth, stencil nor an alpha channel; an opaque canvas composites faster.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    m_dpr = platform::device_pixel_ratio();
    m_css = platform::canvas_css_size();
    m_canvas = backing_size(m_css, m_dpr);
    m_window = glfwCreateWindow(m_canvas.width, m_canvas.height, "", nullptr, nullptr);
    if (m_window == nullptr) throw std::runtime_error("WebGL2 is not available");
    glfwMakeContextCurrent(m_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not the user's; nothing to persist yet
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    load_font_and_style();
}

Renderer::~Renderer() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
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
    m_title_font = io.Fonts->AddFontFromFileTTF(font_path, title_size, &config, title_glyph_ranges);
    if (m_font == nullptr || m_title_font == nullptr || !io.Fonts->Build()) throw std::runtime_error("the UI font could not be loaded");
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    apply_theme(static_cast<float>(m_dpr));
}

void Renderer::begin_frame() {
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
    ImGui_ImplGlfw_NewFrame();
    // Emscripten's GLFW knows nothing of the pixel ratio but reports the mouse in backing-store
    // pixels, so ImGui works in backing-store pixels throughout.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(m_canvas.width), static_cast<float>(m_canvas.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui::NewFrame();
}

void Renderer::end_frame() {
    ImGui::Render();
    glViewport(0, 0, m_canvas.width, m_canvas.height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(m_window);
    ++m_frames;
}

ImDrawData* Renderer::draw_data() const { return m_frames > 0 ? ImGui::GetDrawData() : nullptr; }

}  // namespace prd::web
