#include "app/session.hpp"

#include <exception>

#include <nlohmann/json.hpp>

#include "app/route.hpp"
#include "app/server_error.hpp"
#include "platform/platform.hpp"
#include "platform/storage.hpp"

namespace prd::web {
namespace {

constexpr std::string_view token_setting = "token";
/// Who the token belonged to when the server last said so: lets a person work offline as themselves.
constexpr std::string_view identity_setting = "identity";

}  // namespace

std::string_view to_string(Session::Status status) {
    switch (status) {
        case Session::Status::signed_out: return "signed_out";
        case Session::Status::checking: return "checking";
        case Session::Status::signed_in: return "signed_in";
        case Session::Status::refused: return "refused";
        case Session::Status::unreachable: return "unreachable";
    }
    return "signed_out";
}

void Session::restore() {
    m_token = platform::load_setting(token_setting);
    if (!m_token.empty()) check();
}

void Session::sign_in(std::string token) {
    // People paste tokens with a stray space or line break around them.
    const auto first = token.find_first_not_of(" \t\r\n");
    const auto last = token.find_last_not_of(" \t\r\n");
    m_token = first == std::string::npos ? std::string() : token.substr(first, last - first + 1);
    if (m_token.empty()) {
        m_status = Status::refused;
        m_message = "token: paste the access token you were given";
        return;
    }
    check();
}

void Session::sign_out() {
    ++m_attempt;
    platform::remove_setting(token_setting);
    platform::remove_setting(identity_setting);
    m_token.clear();
    m_status = Status::signed_out;
    m_message.clear();
    m_role.clear();
    m_municipality.clear();
    m_label.clear();
    set_dismissed({});
}

void Session::accept_invitation(const std::string& code, const std::string& label) {
    const int attempt = ++m_attempt;
    m_status = Status::checking;
    m_message.clear();
    platform::HttpRequest request;
    request.method = "POST";
    request.url = "api/v1/invitations/" + percent_encode(code) + "/accept";
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = nlohmann::json{{"label", label}}.dump();
    platform::fetch(std::move(request), [this, attempt](platform::HttpResponse response) {
        if (attempt != m_attempt) return;
        if (response.status == 201 || response.status == 200) {
            try {
                sign_in(nlohmann::json::parse(response.body).at("token").get<std::string>());
                return;
            } catch (const std::exception& e) {
                m_message = std::string("invitation: the server's answer has no token: ") + e.what();
            }
        } else {
            m_message = server_error(response);
        }
        m_status = response.status == 0 || response.status >= 500 ? Status::unreachable : Status::refused;
    });
}

bool Session::may_edit(std::string_view municipality_id) const {
    return is_moderator() || (signed_in() && m_role == "editor" && m_municipality == municipality_id);
}

std::vector<std::pair<std::string, std::string>> Session::auth_headers() const {
    if (m_token.empty()) return {};
    return {{"Authorization", "Bearer " + m_token}};
}

void Session::set_dismissed(DismissedSuggestions dismissed) {
    m_dismissed = std::move(dismissed);
    ++m_dismissed_version;
}

void Session::check() {
    const int attempt = ++m_attempt;
    // Already working offline as this person: stay so while the server is asked again.
    if (!(m_status == Status::signed_in && !m_confirmed)) m_status = Status::checking;
    m_message.clear();
    platform::HttpRequest request;
    request.url = "api/v1/session";
    request.headers = auth_headers();
    platform::fetch(std::move(request), [this, attempt](platform::HttpResponse response) {
        if (attempt != m_attempt) return;  // signed out or signed in again meanwhile
        if (response.status == 200) {
            try {
                const auto json = nlohmann::json::parse(response.body);
                m_role = json.value("role", "");
                m_municipality = json.value("municipality", "");
                m_label = json.value("label", "");
            } catch (const std::exception& e) {
                m_status = Status::unreachable;
                m_message = std::string("session: the server's answer is not JSON: ") + e.what();
                return;
            }
            if (m_role.empty() || m_role == "anonymous") {
                m_status = Status::refused;
                m_message = "token: the server did not accept it";
                return;
            }
            m_status = Status::signed_in;
            m_confirmed = true;
            platform::save_setting(token_setting, m_token);
            platform::save_setting(
                identity_setting,
                nlohmann::json{{"role", m_role}, {"municipality", m_municipality}, {"label", m_label}}.dump());
            load_dismissed();
        } else if (response.status == 401 || response.status == 403) {
            m_status = Status::refused;
            m_message = server_error(response);
            platform::remove_setting(token_setting);  // a revoked token is of no use later either
            platform::remove_setting(identity_setting);
        } else {
            m_status = Status::unreachable;
            m_message = server_error(response);
            // Offline with a token the server accepted before: work as that person (drafts, the
            // outbox), and ask the server again once it can be reached.
            const std::string saved = platform::load_setting(identity_setting);
            if (!saved.empty() && m_token == platform::load_setting(token_setting)) {
                try {
                    const auto identity = nlohmann::json::parse(saved);
                    m_role = identity.value("role", "");
                    m_municipality = identity.value("municipality", "");
                    m_label = identity.value("label", "");
                    if (!m_role.empty()) {
                        m_status = Status::signed_in;
                        m_confirmed = false;
                    }
                } catch (const std::exception&) {
                }
            }
            platform::call_later(30000, [this, attempt] {
                if (attempt == m_attempt && !m_confirmed && !m_token.empty()) check();
            });
        }
    });
}

void Session::load_dismissed() {
    if (m_role != "editor" || m_municipality.empty()) return;
    const int attempt = m_attempt;
    platform::HttpRequest request;
    request.url = "api/v1/municipalities/" + m_municipality + "/dismissed";
    request.headers = auth_headers();
    platform::fetch(std::move(request), [this, attempt](platform::HttpResponse response) {
        if (attempt != m_attempt || response.status != 200) return;
        try {
            set_dismissed(dismissed_suggestions_from_json(nlohmann::json::parse(response.body)));
        } catch (const std::exception&) {
            // Suggestions then show undimmed; nothing the person typed is at stake.
        }
    });
}

}  // namespace prd::web
