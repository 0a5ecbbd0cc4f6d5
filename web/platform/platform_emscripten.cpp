// platform.hpp for the browser, through Emscripten: requestAnimationFrame for the loop (which
// sleeps while nothing happens), emscripten_fetch for HTTP, the #canvas element, and small EM_JS
// hooks into shell/shell.js.
// It does not touch input or WebGL (GLFW and the ImGui backends own those).

#include "platform/platform.hpp"

#include <emscripten.h>
#include <emscripten/fetch.h>
#include <emscripten/html5.h>

#include <cstring>
#include <memory>
#include <utility>

namespace {

constexpr const char* canvas_selector = "#canvas";

// clang-format off
EM_JS(double, js_device_pixel_ratio, (), {
    var dpr = window.devicePixelRatio;
    return (typeof dpr === "number" && dpr > 0) ? dpr : 1;
});

EM_JS(void, js_browser_language, (char* out, int capacity), {
    var lang = (navigator.languages && navigator.languages[0]) || navigator.language || "";
    stringToUTF8(lang, out, capacity);
});

// Frozen so a test (or a curious user in the console) cannot change what the app reports.
EM_JS(void, js_publish_state, (const char* json), {
    try {
        window.prdState = Object.freeze(JSON.parse(UTF8ToString(json)));
    } catch (e) {
        console.error("prdState: " + e);
    }
});

// An event rather than a direct call: the page decides what "first frame" means for its overlay.
EM_JS(void, js_notify_first_frame, (), {
    window.dispatchEvent(new CustomEvent("prd-first-frame"));
});
EM_JS(void, js_show_fatal_error, (const char* message), {
    window.dispatchEvent(new CustomEvent("prd-fatal", {detail : UTF8ToString(message)}));
});

// Anything a person does, or the window does, that may change what is on screen.
EM_JS(void, js_watch_activity, (), {
    Module.prdActivity = 1;
    var mark = function() { Module.prdActivity = 1; };
    ["pointermove", "pointerdown", "pointerup", "wheel", "keydown", "keyup", "touchstart", "touchmove",
     "resize", "focus", "visibilitychange"].forEach(function(name) {
        window.addEventListener(name, mark, {capture : true, passive : true});
    });
});
EM_JS(int, js_take_activity, (), {
    var active = Module.prdActivity;
    Module.prdActivity = 0;
    return active ? 1 : 0;
});
EM_JS(void, js_mark_activity, (), { Module.prdActivity = 1; });

EM_JS(void, js_load_setting, (const char* key, char* out, int capacity), {
    var value = "";
    try {
        value = window.localStorage.getItem("prd." + UTF8ToString(key)) || "";
    } catch (e) {
    }
    stringToUTF8(value, out, capacity);
});
EM_JS(void, js_save_setting, (const char* key, const char* value), {
    try {
        window.localStorage.setItem("prd." + UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
    }
});
// clang-format on

// Frames still to draw. After the last sign of activity the app keeps drawing for about a second
// (hover delays, tooltips, the table settling), then sleeps: an idle tab on a phone then costs
// one cheap check per display refresh instead of a full redraw.
constexpr int frames_after_activity = 60;
int g_frames_left = frames_after_activity;

std::function<void()>& main_loop_body() {
    static std::function<void()> body;
    return body;
}

void main_loop_trampoline() {
    if (js_take_activity()) g_frames_left = frames_after_activity;
    if (g_frames_left <= 0) return;
    --g_frames_left;
    main_loop_body()();
}

void finish_fetch(emscripten_fetch_t* fetch, bool network_ok) {
    std::unique_ptr<prd::platform::FetchCallback> callback(
        static_cast<prd::platform::FetchCallback*>(fetch->userData));
    int status = fetch->status;
    std::string body(fetch->data != nullptr ? fetch->data : "", static_cast<size_t>(fetch->numBytes));
    std::string error;
    if (!network_ok && status == 0) error = "network error";
    // Close before calling back: the callback may start another fetch.
    emscripten_fetch_close(fetch);
    (*callback)(status, std::move(body), std::move(error));
    js_mark_activity();  // what arrived has to be drawn
}

void on_fetch_success(emscripten_fetch_t* fetch) { finish_fetch(fetch, true); }
void on_fetch_error(emscripten_fetch_t* fetch) { finish_fetch(fetch, false); }

}  // namespace

namespace prd::platform {

void run_main_loop(std::function<void()> frame) {
    main_loop_body() = std::move(frame);
    js_watch_activity();
    // fps 0: follow requestAnimationFrame, so a hidden tab costs nothing.
    emscripten_set_main_loop(main_loop_trampoline, 0, 1);
    __builtin_unreachable();
}

void fetch_text(std::string_view url, FetchCallback callback) {
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.userData = new FetchCallback(std::move(callback));
    attr.onsuccess = on_fetch_success;
    attr.onerror = on_fetch_error;
    const std::string url_z(url);
    emscripten_fetch(&attr, url_z.c_str());
}

double device_pixel_ratio() { return js_device_pixel_ratio(); }

Size canvas_css_size() {
    double width = 0;
    double height = 0;
    emscripten_get_element_css_size(canvas_selector, &width, &height);
    return {static_cast<int>(width + 0.5), static_cast<int>(height + 0.5)};
}

void set_canvas_size(Size size) { emscripten_set_canvas_element_size(canvas_selector, size.width, size.height); }

Size canvas_size() {
    Size size;
    emscripten_get_canvas_element_size(canvas_selector, &size.width, &size.height);
    return size;
}

std::string browser_language() {
    char buffer[64] = {};
    js_browser_language(buffer, sizeof buffer);
    return buffer;
}

std::string load_setting(std::string_view key) {
    char buffer[256] = {};
    js_load_setting(std::string(key).c_str(), buffer, sizeof buffer);
    return buffer;
}

void save_setting(std::string_view key, std::string_view value) {
    js_save_setting(std::string(key).c_str(), std::string(value).c_str());
}

void publish_state(const std::string& json) { js_publish_state(json.c_str()); }

void notify_first_frame() { js_notify_first_frame(); }

void show_fatal_error(std::string_view message) { js_show_fatal_error(std::string(message).c_str()); }

}  // namespace prd::platform
