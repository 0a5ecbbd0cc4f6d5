#pragma once
// Dear ImGui's platform backend for the browser: pointer (mouse, pen, touch), wheel, keyboard,
// text through a hidden <textarea> (IME composition, phone keyboards, every layout), and the
// system clipboard. It replaces imgui_impl_glfw, whose Emscripten port loses non-Latin text,
// quick taps and the clipboard. It does not draw: the renderer does.
//
// Touch: a tap is a click; a drag scrolls the window under the finger with momentum; a finger
// held still for a moment presses, so sliders and text selection still work.

#include <string>
#include <vector>

namespace prd::platform {

/// Sets up ImGui's IO (clipboard, IME position, key map) and starts listening to the page.
/// Call once, after ImGui::CreateContext().
void install_input();

/// Before ImGui::NewFrame(): time step, queued touch scrolling, and the mouse cursor's shape.
/// `pixel_ratio` turns the page's CSS pixels into the backing-store pixels ImGui works in.
void input_new_frame(double pixel_ratio);

/// After the frame is drawn: shows or hides the text input (the phone's keyboard) for the text
/// field being edited, placed at its caret so an IME's candidate window opens there.
void input_end_frame(double pixel_ratio);

/// A rectangle in backing-store pixels where a text field was drawn this frame. A tap inside one
/// focuses the hidden text input during the tap itself, which iOS needs to open its keyboard.
struct TextFieldRect {
    float x = 0, y = 0, width = 0, height = 0;
};
void add_text_field_rect(TextFieldRect rect);

/// A surface that moves with the fingers instead of scrolling (the map): where it was drawn this
/// frame, in backing-store pixels. A touch drag that starts there pans it, two fingers pinch it,
/// and a tap is still a click. Not set in a frame: no surface.
void set_gesture_surface(TextFieldRect rect);

/// Touch panning and pinching on the gesture surface since the last call, in backing-store pixels:
/// move by (pan_x, pan_y), then zoom by `zoom` about (x, y). x < 0: no pinch centre.
struct Gesture {
    float pan_x = 0;
    float pan_y = 0;
    float zoom = 1;
    float x = -1;
    float y = -1;
};
Gesture take_gesture();

/// The text put on the clipboard last (by copy in the app, or pasted in from the system).
const std::string& clipboard_text();

}  // namespace prd::platform
