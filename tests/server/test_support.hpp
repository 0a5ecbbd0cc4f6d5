#pragma once
// Helpers for server tests: a temporary data folder, running a command, and a minimal HTTP/1.1
// client over a raw socket (so tests can also send what no well-behaved client would).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <stdexcept>
#include <string>

namespace prd::test {

class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() / ("prd-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// Runs a shell command and returns its standard output, without the final line break. `status`,
/// when given, receives its exit status (-1 when it did not exit normally).
inline std::string run_output(const std::string& command, int* status = nullptr) {
    std::string out;
    int result = -1;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        result = ::pclose(pipe);
    }
    if (status) *status = result != -1 && WIFEXITED(result) ? WEXITSTATUS(result) : -1;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  ///< names lower-cased
    std::string body;
};

/// True when `reply` holds a whole response framed by Content-Length.
inline bool response_complete(const std::string& reply) {
    const auto head_end = reply.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    std::string head = reply.substr(0, head_end);
    for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = head.find("\r\ncontent-length:");
    if (at == std::string::npos) return false;
    const auto length = std::stoul(head.substr(at + 17));
    return reply.size() >= head_end + 4 + length;
}

/// Sends `request` as is to 127.0.0.1:port and reads until the server closes the connection.
inline std::string send_raw(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::size_t sent = 0;
    while (sent < request.size()) {
        const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    std::string reply;
    char buffer[65536];
    for (;;) {
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        reply.append(buffer, static_cast<std::size_t>(n));
        if (response_complete(reply)) break;  // a server that keeps the connection open is not waited for
    }
    ::close(fd);
    return reply;
}

/// Parses a Content-Length framed response (the server closes after it because of Connection: close).
inline RawResponse parse_response(const std::string& reply) {
    RawResponse response;
    const auto head_end = reply.find("\r\n\r\n");
    if (head_end == std::string::npos || reply.compare(0, 9, "HTTP/1.1 ") != 0) return response;
    response.status = std::stoi(reply.substr(9, 3));
    std::size_t line = reply.find("\r\n") + 2;
    while (line < head_end) {
        const auto end = reply.find("\r\n", line);
        const auto colon = reply.find(':', line);
        if (colon != std::string::npos && colon < end) {
            std::string name = reply.substr(line, colon - line);
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            auto value = reply.substr(colon + 1, end - colon - 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            response.headers[name] = value;
        }
        line = end + 2;
    }
    response.body = reply.substr(head_end + 4);
    return response;
}

inline RawResponse http_get(int port, const std::string& target, const std::string& extra_headers = "") {
    return parse_response(send_raw(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                                             extra_headers + "\r\n"));
}

}  // namespace prd::test
