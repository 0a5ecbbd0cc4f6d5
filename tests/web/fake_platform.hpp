#pragma once
// A stand-in for web/platform/ in native tests: settings in a map (localStorage), and fetches
// queued for the test to answer (the server), so the app's state classes run without a browser.

#include <deque>
#include <map>
#include <string>

#include "platform/platform.hpp"

namespace prd::test {

struct FakeBrowser {
    std::map<std::string, std::string, std::less<>> settings;
    struct Pending {
        platform::HttpRequest request;
        platform::HttpCallback callback;
    };
    std::deque<Pending> requests;

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
void reset_browser();

}  // namespace prd::test
