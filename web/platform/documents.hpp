#pragma once
// Documents that leave the app: printing an HTML document through the browser (where "Save as
// PDF" makes the file), saving a file to the person's device, and reading one they pick.

#include <functional>
#include <string>
#include <string_view>

namespace prd::platform {

/// Prints a complete HTML document (it should carry its own <style> with @page rules) from a
/// hidden frame, so the app's page is not disturbed. Works offline.
void print_html(std::string_view html);

/// Offers `content` as a download named `file_name`.
void save_file(std::string_view file_name, std::string_view mime_type, std::string_view content);

/// Lets the person pick a file (`accept`: e.g. ".json,application/json"); `done` gets its name and
/// its content as text. Nothing happens when they cancel.
void pick_file(std::string_view accept, std::function<void(std::string name, std::string content)> done);

}  // namespace prd::platform
