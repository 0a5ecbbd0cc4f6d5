// platform.hpp for the browser, through Emscripten: requestAnimationFrame for the loop (which
// sleeps while nothing happens), the WebGL 2 context on the #canvas element, fetch, history and
// the title (their JS is in platform.js), and small EM_JS hooks into shell/shell.js.
// It does not handle input (input_emscripten.cpp does) or draw.

#include "platform/platform.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <utility>

#include <nlohmann/json.hpp>

extern "C" {
// platform.js
void prd_js_fetch(int id, const char* method, const char* url, const char* headers_json, const char* body,
                  int progress);
char* prd_js_route(void);
void prd_js_go(const char* route, int replace);
void prd_js_set_title(const char* title);
void prd_js_go_back(void);
void prd_js_open_page(const char* url);
void prd_js_set_document_language(const char* code);
void prd_js_remove_setting(const char* key);
char* prd_js_load_setting(const char* key);
std::size_t prd_js_heap_bytes(void);
}

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
     "resize", "focus", "visibilitychange", "hashchange", "popstate", "paste", "input"].forEach(function(name) {
        window.addEventListener(name, mark, {capture : true, passive : true});
    });
});
EM_JS(int, js_take_activity, (), {
    var active = Module.prdActivity;
    Module.prdActivity = 0;
    return active ? 1 : 0;
});
EM_JS(void, js_mark_activity, (), { Module.prdActivity = 1; });

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

std::map<int, prd::platform::HttpCallback>& pending_fetches() {
    static std::map<int, prd::platform::HttpCallback> pending;
    return pending;
}

}  // namespace

std::map<int, std::function<void(std::size_t)>>& fetch_progress() {
    static std::map<int, std::function<void(std::size_t)>> progress;
    return progress;
}

// platform.js calls this as a fetch that asked for progress receives its body.
extern "C" EMSCRIPTEN_KEEPALIVE void prd_fetch_progress(int id, double bytes) {
    const auto it = fetch_progress().find(id);
    if (it != fetch_progress().end()) it->second(static_cast<std::size_t>(bytes));
}

// platform.js calls this when a fetch started by prd::platform::fetch has finished.
extern "C" EMSCRIPTEN_KEEPALIVE void prd_fetch_done(int id, int status, const char* body, const char* error) {
    auto& pending = pending_fetches();
    const auto it = pending.find(id);
    if (it == pending.end()) return;
    prd::platform::HttpCallback callback = std::move(it->second);
    pending.erase(it);  // before calling back: the callback may start another fetch
    fetch_progress().erase(id);
    callback(prd::platform::HttpResponse{status, body, error});
}

namespace prd::platform {

void run_main_loop(std::function<void()> frame) {
    main_loop_body() = std::move(frame);
    js_watch_activity();
    // fps 0: follow requestAnimationFrame, so a hidden tab costs nothing.
    emscripten_set_main_loop(main_loop_trampoline, 0, 1);
    __builtin_unreachable();
}

void wake() { js_mark_activity(); }

bool create_gl_context() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.minorVersion = 0;
    // The UI needs neither depth, stencil nor an alpha channel; an opaque canvas composites faster.
    attributes.alpha = false;
    attributes.depth = false;
    attributes.stencil = false;
    attributes.antialias = false;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(canvas_selector, &attributes);
    if (context <= 0) return false;
    return emscripten_webgl_make_context_current(context) == EMSCRIPTEN_RESULT_SUCCESS;
}

void fetch(HttpRequest request, HttpCallback callback) {
    static int next_id = 1;
    const int id = next_id++;
    pending_fetches().emplace(id, std::move(callback));
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    const bool progress = static_cast<bool>(request.progress);
    if (progress) fetch_progress().emplace(id, std::move(request.progress));
    prd_js_fetch(id, request.method.c_str(), request.url.c_str(), headers.dump().c_str(), request.body.c_str(),
                 progress ? 1 : 0);
}

std::string current_route() {
    char* route = prd_js_route();
    std::string out(route != nullptr ? route : "");
    std::free(route);
    return out;
}

void go_to(std::string_view route, bool replace) { prd_js_go(std::string(route).c_str(), replace ? 1 : 0); }

void go_back() { prd_js_go_back(); }

void open_page(std::string_view url) { prd_js_open_page(std::string(url).c_str()); }

void set_title(std::string_view title) { prd_js_set_title(std::string(title).c_str()); }

void set_document_language(std::string_view code) { prd_js_set_document_language(std::string(code).c_str()); }

void remove_setting(std::string_view key) { prd_js_remove_setting(std::string(key).c_str()); }

double now_ms() { return emscripten_get_now(); }

std::size_t heap_bytes() { return prd_js_heap_bytes(); }

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
    char* value = prd_js_load_setting(std::string(key).c_str());
    std::string out(value != nullptr ? value : "");
    std::free(value);
    return out;
}

void save_setting(std::string_view key, std::string_view value) {
    js_save_setting(std::string(key).c_str(), std::string(value).c_str());
}

void publish_state(const std::string& json) { js_publish_state(json.c_str()); }

void notify_first_frame() { js_notify_first_frame(); }

void show_fatal_error(std::string_view message) { js_show_fatal_error(std::string(message).c_str()); }

}  // namespace prd::platform
