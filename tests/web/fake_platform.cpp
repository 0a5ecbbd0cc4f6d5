#include "fake_platform.hpp"

namespace prd::test {

namespace {
FakeBrowser* g_browser = new FakeBrowser;
}

FakeBrowser& browser() { return *g_browser; }

void reset_browser() {
    delete g_browser;
    g_browser = new FakeBrowser;
}

}  // namespace prd::test

namespace prd::platform {

void fetch(HttpRequest request, HttpCallback callback) {
    test::browser().requests.push_back({std::move(request), std::move(callback)});
}

std::string load_setting(std::string_view key) {
    const auto& settings = test::browser().settings;
    const auto it = settings.find(key);
    return it == settings.end() ? std::string() : it->second;
}

void save_setting(std::string_view key, std::string_view value) { test::browser().settings[std::string(key)] = value; }

void remove_setting(std::string_view key) { test::browser().settings.erase(std::string(key)); }

}  // namespace prd::platform
