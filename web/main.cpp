// The browser app: loads the registry from the server it came from, and lets people find
// communities, open their profiles and partnerships, sign in and edit.

#include <exception>
#include <memory>

#include "app/app_state.hpp"
#include "app/app_window.hpp"
#include "app/frame_report.hpp"
#include "app/glyph_audit.hpp"
#include "app/published_state.hpp"
#include "app/renderer.hpp"
#include "app/ui_context.hpp"
#include "panels/panel_list.hpp"
#include "platform/platform.hpp"

int main() {
    using namespace prd::web;
    namespace platform = prd::platform;

    // Static: in the browser the main loop keeps running after main() has given up its stack.
    // A language the person chose before wins over the browser's.
    const std::string saved_language = platform::load_setting("language");
    static AppState app(language_for(saved_language.empty() ? platform::browser_language() : saved_language));
    static std::unique_ptr<Renderer> renderer;
    try {
        renderer = std::make_unique<Renderer>();
    } catch (const std::exception& e) {  // no WebGL2 context, or no font
        platform::show_fatal_error(e.what());
        return 1;
    }
    static const auto panels = make_panels();
    static GlyphAudit audit;

    app.follow_address();  // a shared link or a reload opens where it points
    app.session().restore();
    app.proposals().load();
    app.begin_loading();

    platform::run_main_loop([] {
        app.follow_address();  // Back, Forward, or an address typed in
        app.tick();
        renderer->begin_frame();
        audit.begin_frame();
        FrameReport report;
        UiContext ui(app, audit, report, static_cast<float>(renderer->pixel_ratio()),
                     static_cast<float>(renderer->css_size().width));
        ui.set_title_font(renderer->title_font());
        draw_app_window(ui, panels);
        renderer->end_frame();

        platform::publish_state(published_state(app, report, audit, *renderer));
        if (renderer->frames() == 1) platform::notify_first_frame();
    });
}
