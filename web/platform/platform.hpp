#pragma once
// The browser, as the app sees it: the main loop, HTTP, the address bar and history, the page's
// title and language, settings kept between visits, and the hooks to the page (state for tests,
// hiding the loading overlay). Input (pointer, touch, keys, text, clipboard) is input.hpp's.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace prd::platform {

/// Runs `frame` once per display refresh while something happens (input, resizing, a fetch
/// finishing, the address changing) and for about a second after; an idle page draws nothing.
/// Never returns.
[[noreturn]] void run_main_loop(std::function<void()> frame);

/// Asks for frames again, as input would (e.g. after the app changed something on its own).
void wake();

/// Creates the WebGL 2 context on the page's canvas and makes it current. False when the browser
/// or device has no WebGL 2.
bool create_gl_context();

struct HttpRequest {
    std::string method = "GET";
    std::string url;  ///< relative URLs resolve against the page
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;  ///< sent when not empty
    /// Called between frames as the answer arrives, with the bytes received so far (after
    /// decompression), so a long download can show its progress. Optional.
    std::function<void(std::size_t bytes)> progress;
};

struct HttpResponse {
    int status = 0;     ///< 0 when the request never reached a server
    std::string body;   ///< decompressed, as text
    std::string error;  ///< why the request failed at the network level, else empty
};

using HttpCallback = std::function<void(HttpResponse)>;

/// Starts a request and returns at once; the callback runs later on the main thread, between frames.
void fetch(HttpRequest request, HttpCallback callback);

/// The address after '#', e.g. "/m/UA46060250000025047" ("" for none).
std::string current_route();
/// Changes the address to `#route`. `replace` rewrites the current history entry (typing in a
/// search box) instead of adding one (opening a record), so Back goes where a person expects.
void go_to(std::string_view route, bool replace);
/// The browser's Back; Find when there is nothing to go back to (a link opened in a new tab).
void go_back();
/// Leaves the app for another page of the same site (e.g. "/registry/", the text version).
void open_page(std::string_view url);
/// The page's title (what the tab and the history list show).
void set_title(std::string_view title);

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
/// Sets <html lang> so the browser (and a screen reader) knows the page's language.
void set_document_language(std::string_view code);

/// A small setting kept in the browser between visits (localStorage), or "" when it was never
/// saved or storage is unavailable (private mode, blocked cookies).
std::string load_setting(std::string_view key);
/// Saves a setting; silently does nothing when storage is unavailable.
void save_setting(std::string_view key, std::string_view value);
/// Forgets a setting.
void remove_setting(std::string_view key);

/// Milliseconds since the page started loading (performance.now()).
double now_ms();
/// Bytes of the WebAssembly heap.
std::size_t heap_bytes();

/// Hands a JSON document to the page as window.prdState (read-only, for tests and diagnostics).
void publish_state(const std::string& json);

/// Tells the page the first frame is on screen, so it hides the loading overlay.
void notify_first_frame();

/// Tells the page the app cannot run (e.g. no WebGL2 context), so it shows `message` to the person.
void show_fatal_error(std::string_view message);

}  // namespace prd::platform
