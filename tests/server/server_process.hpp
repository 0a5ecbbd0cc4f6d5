#pragma once
// `partnership serve` as a child process of the test, on a free port (PRD_SERVER_BIN).

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace prd::test {

struct ServerProcess {
    pid_t pid = -1;
    int port = 0;
};

/// Starts `partnership serve` on a free port with `options` (the store's among them) and waits for
/// its "listening on" line.
inline ServerProcess start_serving(const std::vector<std::string>& options) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, STDERR_FILENO);
        ::close(out[0]);
        std::vector<std::string> args = {PRD_SERVER_BIN, "serve", "--listen", "127.0.0.1:0", "--web", ""};
        args.insert(args.end(), options.begin(), options.end());
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        ::execv(PRD_SERVER_BIN, argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    const auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos)
        throw std::runtime_error("server did not start: " + line);
    return {pid, std::stoi(line.substr(colon + 1))};
}

/// The same on the data folder `data`.
inline ServerProcess start_server(const std::filesystem::path& data, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> options = {"--data", data.string()};
    options.insert(options.end(), extra.begin(), extra.end());
    return start_serving(options);
}

}  // namespace prd::test
