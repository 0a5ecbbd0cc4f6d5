#include "app/server_error.hpp"

#include <exception>

#include <nlohmann/json.hpp>

namespace prd::web {

std::string server_error(const platform::HttpResponse& response) {
    if (response.status == 0) return response.error.empty() ? "network error" : response.error;
    try {
        const auto body = nlohmann::json::parse(response.body);
        const auto& error = body.at("error");
        // {"error": {"code", "message"}}, or a flat {"error": code, "message"}
        if (error.is_object()) return error.at("message").get<std::string>();
        return body.at("message").get<std::string>();
    } catch (const std::exception&) {
        return "HTTP " + std::to_string(response.status);
    }
}

}  // namespace prd::web
