// input.hpp for the browser: web/platform/platform.js listens to the page and calls the
// prd_input_* functions below, which queue events into ImGui's IO. ImGui trickles the queue, so
// a press and a release that arrive within one frame (a quick click, a tap) still make a click.
// It does not create the GL context or draw (platform_emscripten.cpp and the renderer do).

#include "platform/input.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // SetScrollY on the window under a finger

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string_view>

#include "platform/platform.hpp"

extern "C" {
void prd_js_install_input(void);
int prd_js_is_mac(void);
void prd_js_text_input(int active, double x, double y, double line_height);
void prd_js_copy(const char* text);
void prd_js_set_cursor(const char* css_cursor);
void prd_js_set_text_fields(const float* rects, int count);
void prd_js_set_gesture_surface(double x, double y, double width, double height);
}

namespace {

struct InputState {
    std::string clipboard;
    float pan_x = 0;  ///< CSS pixels of touch scrolling not yet applied
    float pan_y = 0;
    double last_time_ms = 0;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
    std::vector<float> text_fields;  ///< x, y, width, height per field, in CSS pixels
    ImGuiID pan_window = 0;          ///< the window the finger scrolled last: momentum goes on there
    double pixel_ratio = 1;
    prd::platform::Gesture gesture;   ///< in CSS pixels until taken
    float surface[4] = {0, 0, 0, 0};  ///< the gesture surface this frame, CSS pixels
    float sent_surface[4] = {-1, -1, -1, -1};
};

InputState& state() {
    static InputState s;
    return s;
}

struct KeyName {
    const char* code;  // KeyboardEvent.code: the physical key, so Ctrl+C works on a Ukrainian layout too
    ImGuiKey key;
};

constexpr KeyName named_keys[] = {
    {"Tab", ImGuiKey_Tab},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape},
    {"Slash", ImGuiKey_Slash},
    {"Minus", ImGuiKey_Minus},
    {"Equal", ImGuiKey_Equal},
    {"Comma", ImGuiKey_Comma},
    {"Period", ImGuiKey_Period},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
    {"F1", ImGuiKey_F1},
    {"F5", ImGuiKey_F5},
};

ImGuiKey key_from_code(std::string_view code) {
    if (code.size() == 4 && code.substr(0, 3) == "Key" && code[3] >= 'A' && code[3] <= 'Z')
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (code.size() == 6 && code.substr(0, 5) == "Digit" && code[5] >= '0' && code[5] <= '9')
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    for (const KeyName& k : named_keys)
        if (code == k.code) return k.key;
    return ImGuiKey_None;
}

void set_modifiers(ImGuiIO& io, int mods) {
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & 8) != 0);
}

const char* get_clipboard(void*) { return state().clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
    state().clipboard = text != nullptr ? text : "";
    prd_js_copy(state().clipboard.c_str());
}

// Where ImGui wants the IME: kept for input_end_frame, which places the hidden textarea there.
ImGuiPlatformImeData g_ime{};
void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) { g_ime = *data; }

/// The nearest window under the pointer that can scroll vertically (or horizontally for dx); once
/// the finger has lifted (nothing hovered), the window it was scrolling.
ImGuiWindow* scrollable_window_under_pointer(bool vertical) {
    ImGuiWindow* window = ImGui::GetCurrentContext()->HoveredWindow;
    if (window == nullptr && state().pan_window != 0) window = ImGui::FindWindowByID(state().pan_window);
    while (window != nullptr) {
        const float max = vertical ? window->ScrollMax.y : window->ScrollMax.x;
        if (max > 0 && (window->Flags & ImGuiWindowFlags_NoScrollWithMouse) == 0) return window;
        window = window->ParentWindow;
    }
    return nullptr;
}

void apply_pan(double pixel_ratio) {
    InputState& s = state();
    if (s.pan_x == 0 && s.pan_y == 0) return;
    const float dx = s.pan_x * static_cast<float>(pixel_ratio);
    const float dy = s.pan_y * static_cast<float>(pixel_ratio);
    s.pan_x = s.pan_y = 0;
    if (ImGuiWindow* w = scrollable_window_under_pointer(true); w != nullptr && dy != 0) {
        ImGui::SetScrollY(w, std::clamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y));
        s.pan_window = w->ID;
    }
    if (ImGuiWindow* w = scrollable_window_under_pointer(false); w != nullptr && dx != 0)
        ImGui::SetScrollX(w, std::clamp(w->Scroll.x - dx, 0.0f, w->ScrollMax.x));
}

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

}  // namespace

// Called by platform.js. Positions arrive in CSS pixels relative to the canvas.
extern "C" {

EMSCRIPTEN_KEEPALIVE void prd_input_pointer_move(float x, float y) {
    const float r = static_cast<float>(state().pixel_ratio);
    if (x < 0 || y < 0) {
        ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // the pointer left (or the finger lifted)
        return;
    }
    ImGui::GetIO().AddMousePosEvent(x * r, y * r);
}

EMSCRIPTEN_KEEPALIVE void prd_input_pointer_button(int button, int down) {
    if (button < 0 || button >= ImGuiMouseButton_COUNT) return;
    ImGui::GetIO().AddMouseButtonEvent(button, down != 0);
}

EMSCRIPTEN_KEEPALIVE void prd_input_pointer_source(int touch) {
    ImGui::GetIO().AddMouseSourceEvent(touch != 0 ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
}

EMSCRIPTEN_KEEPALIVE void prd_input_wheel(float dx, float dy) { ImGui::GetIO().AddMouseWheelEvent(dx, dy); }

EMSCRIPTEN_KEEPALIVE void prd_input_pan(float dx, float dy) {
    state().pan_x += dx;
    state().pan_y += dy;
}

EMSCRIPTEN_KEEPALIVE void prd_input_gesture(float dx, float dy, float zoom, float x, float y) {
    prd::platform::Gesture& g = state().gesture;
    g.pan_x += dx;
    g.pan_y += dy;
    g.zoom *= zoom;
    if (x >= 0) {
        g.x = x;
        g.y = y;
    }
}

EMSCRIPTEN_KEEPALIVE void prd_input_key(const char* code, int down, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    set_modifiers(io, mods);
    const ImGuiKey key = key_from_code(code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down != 0);
}

EMSCRIPTEN_KEEPALIVE void prd_input_text(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

/// A paste from the system: ImGui pastes through its clipboard callback, so the text becomes the
/// clipboard and Ctrl+V is pressed for it (ImGui ignores typed characters while Ctrl is down).
EMSCRIPTEN_KEEPALIVE void prd_input_paste(const char* utf8) {
    InputState& s = state();
    s.clipboard.clear();
    for (const char* p = utf8; *p != '\0'; ++p)
        if (*p != '\r') s.clipboard += *p;  // CRLF from Windows becomes LF
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(mod, false);
}

EMSCRIPTEN_KEEPALIVE void prd_input_focus(int focused) { ImGui::GetIO().AddFocusEvent(focused != 0); }

}  // extern "C"

namespace prd::platform {

void install_input() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "prd_web_platform";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigMacOSXBehaviors = prd_js_is_mac() != 0;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.SetPlatformImeDataFn = set_ime_data;
    state().last_time_ms = now_ms();
    prd_js_install_input();
}

void input_new_frame(double pixel_ratio) {
    InputState& s = state();
    s.pixel_ratio = pixel_ratio;
    ImGuiIO& io = ImGui::GetIO();
    const double now = now_ms();
    io.DeltaTime = static_cast<float>(std::max(1e-4, (now - s.last_time_ms) / 1000.0));
    s.last_time_ms = now;
    apply_pan(pixel_ratio);
    s.text_fields.clear();
    std::fill(std::begin(s.surface), std::end(s.surface), 0.0f);
}

void set_gesture_surface(TextFieldRect rect) {
    InputState& s = state();
    const float r = static_cast<float>(s.pixel_ratio);
    s.surface[0] = rect.x / r;
    s.surface[1] = rect.y / r;
    s.surface[2] = rect.width / r;
    s.surface[3] = rect.height / r;
}

Gesture take_gesture() {
    InputState& s = state();
    const float r = static_cast<float>(s.pixel_ratio);
    Gesture g = s.gesture;
    s.gesture = Gesture{};
    g.pan_x *= r;
    g.pan_y *= r;
    if (g.x >= 0) {
        g.x *= r;
        g.y *= r;
    }
    return g;
}

void add_text_field_rect(TextFieldRect rect) {
    InputState& s = state();
    const float r = static_cast<float>(s.pixel_ratio);
    s.text_fields.insert(s.text_fields.end(), {rect.x / r, rect.y / r, rect.width / r, rect.height / r});
}

void input_end_frame(double pixel_ratio) {
    InputState& s = state();
    const ImGuiIO& io = ImGui::GetIO();
    const double r = pixel_ratio > 0 ? pixel_ratio : 1;
    if (io.WantTextInput) {
        prd_js_text_input(1, g_ime.InputPos.x / r, g_ime.InputPos.y / r, std::max(1.0, g_ime.InputLineHeight / r));
    } else {
        prd_js_text_input(0, 0, 0, 0);
    }
    prd_js_set_text_fields(s.text_fields.data(), static_cast<int>(s.text_fields.size() / 4));
    if (!std::equal(std::begin(s.surface), std::end(s.surface), std::begin(s.sent_surface))) {
        std::copy(std::begin(s.surface), std::end(s.surface), std::begin(s.sent_surface));
        prd_js_set_gesture_surface(s.surface[0], s.surface[1], s.surface[2], s.surface[3]);
    }
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != s.cursor) {
        s.cursor = cursor;
        prd_js_set_cursor(css_cursor(cursor));
    }
}

const std::string& clipboard_text() { return state().clipboard; }

}  // namespace prd::platform
