#pragma once
// A stand-in for web/platform/ in native tests: settings in a map (localStorage), and fetches
// queued for the test to answer (the server), so the app's state classes run without a browser.

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace prd::test {

struct FakeBrowser {
    std::map<std::string, std::string, std::less<>> settings;
    struct Pending {
        platform::HttpRequest request;
        platform::HttpCallback callback;
    };
    std::deque<Pending> requests;

    /// IndexedDB: what it holds survives reset_browser(keep_storage); writes complete at once
    /// unless `storage_fails` names why they fail.
    std::map<std::string, std::string> store;
    std::string storage_fails;
    bool online = true;
    int uuids = 0;
    std::string now = "2026-11-30T09:00:00Z";
    std::vector<std::function<void()>> timers;  ///< call_later callbacks, run by the test

    /// Answers the oldest request; returns it so the test can check what was sent.
    platform::HttpRequest answer(int status, std::string body) {
        Pending pending = std::move(requests.front());
        requests.pop_front();
        pending.callback(platform::HttpResponse{status, std::move(body), status == 0 ? "offline" : ""});
        return pending.request;
    }
};

/// The one fake browser the platform functions use; reset() gives each test a fresh one.
FakeBrowser& browser();
/// A fresh browser; `keep_storage` keeps IndexedDB and settings, as a reload or restart does.
void reset_browser(bool keep_storage = false);

}  // namespace prd::test
