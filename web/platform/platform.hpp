#pragma once
// The browser, as the app sees it: the main loop, HTTP GET, the canvas and its pixel ratio, the
// page's language, and the hooks to the page (state for tests, hiding the loading overlay).
// It does not create the GL context or handle input: GLFW and the ImGui backends do that.

#include <functional>
#include <string>
#include <string_view>

namespace prd::platform {

/// Runs `frame` once per display refresh while something happens (input, resizing, a fetch
/// finishing) and for about a second after; an idle page draws nothing. Never returns.
[[noreturn]] void run_main_loop(std::function<void()> frame);

/// Called once with the HTTP status (0 when the request never reached a server), the body, and
/// a message when the request failed at the network level (empty otherwise).
using FetchCallback = std::function<void(int status, std::string body, std::string error)>;

/// Starts a GET of `url` (relative URLs resolve against the page) and returns at once; the
/// callback runs later on the main thread, between frames.
void fetch_text(std::string_view url, FetchCallback callback);

/// window.devicePixelRatio: physical pixels per CSS pixel (1 when unknown).
double device_pixel_ratio();

struct Size {
    int width = 0;
    int height = 0;
};

/// The canvas size in CSS pixels, as laid out by the page.
Size canvas_css_size();
/// Sets the canvas backing store (the pixels WebGL draws into).
void set_canvas_size(Size size);
/// The canvas backing store size.
Size canvas_size();

/// navigator.language, e.g. "uk-UA" or "en-GB" ("" when unknown).
std::string browser_language();

/// A small setting kept in the browser between visits (localStorage), or "" when it was never
/// saved or storage is unavailable (private mode, blocked cookies).
std::string load_setting(std::string_view key);
/// Saves a setting; silently does nothing when storage is unavailable.
void save_setting(std::string_view key, std::string_view value);

/// Hands a JSON document to the page as window.prdState (read-only, for tests and diagnostics).
void publish_state(const std::string& json);

/// Tells the page the first frame is on screen, so it hides the loading overlay.
void notify_first_frame();

/// Tells the page the app cannot run (e.g. no WebGL2 context), so it shows `message` to the person.
void show_fatal_error(std::string_view message);

}  // namespace prd::platform
