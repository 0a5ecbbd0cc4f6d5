#include "api/api.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "api/about.hpp"
#include "api/conditional.hpp"
#include "model/json_codec.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxBatch = 500;
constexpr std::size_t kMaxPage = 5000;

ApiResponse json_response(int status, const Json& body) {
    ApiResponse response;
    response.status = status;
    response.body = body.dump();
    return response;
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

/// Matches "/api/v1/municipalities/{}" against a path; fills the {} segments.
bool match(const std::string& pattern, const std::vector<std::string>& parts, std::vector<std::string>& params) {
    const auto want = split_path(pattern);
    if (want.size() != parts.size()) return false;
    params.clear();
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i] == "{}") {
            if (parts[i].empty()) return false;
            params.push_back(parts[i]);
        } else if (want[i] != parts[i]) {
            return false;
        }
    }
    return true;
}

std::optional<std::int64_t> parse_revision(std::string text) {
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() > 18) return std::nullopt;
    for (const char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    return std::stoll(text);
}

std::string etag(std::int64_t revision) { return "\"" + std::to_string(revision) + "\""; }

/// Parses a request body as a JSON object, or says why not.
std::optional<Json> parse_body(const ApiRequest& request, ApiResponse& error) {
    if (request.body.empty()) {
        error = error_response(400, "bad_request", "body: a JSON object is required");
        return std::nullopt;
    }
    Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
        error = error_response(400, "bad_json", "body: not valid JSON");
        return std::nullopt;
    }
    if (!body.is_object()) {
        error = error_response(400, "bad_request", "body: must be a JSON object");
        return std::nullopt;
    }
    return body;
}

/// Reads one item of a pushed batch; the error names the field, e.g. "changes[2].op".
std::optional<Change> parse_change(const Json& item, const std::string& at, std::string& error) {
    if (!item.is_object()) {
        error = at + ": must be a JSON object";
        return std::nullopt;
    }
    Change change;
    const auto string_field = [&](const char* name, std::string& out, bool required) {
        const auto it = item.find(name);
        if (it == item.end() || it->is_null()) {
            if (required) error = at + "." + name + ": required";
            return !required;
        }
        if (!it->is_string()) {
            error = at + "." + name + ": must be a string";
            return false;
        }
        out = it->get<std::string>();
        return true;
    };
    std::string kind, op = "put";
    if (!string_field("client_change_id", change.client_change_id, true) || !string_field("kind", kind, true) ||
        !string_field("op", op, false) || !string_field("id", change.id, true))
        return std::nullopt;
    if (change.client_change_id.empty() || change.client_change_id.size() > 100) {
        error = at + ".client_change_id: must be 1 to 100 characters";
        return std::nullopt;
    }
    const auto record_kind = record_kind_from_string(kind);
    if (!record_kind) {
        error = at + ".kind: unknown record kind \"" + kind + "\" (expected municipality, partnership, proposal or announcement)";
        return std::nullopt;
    }
    change.kind = *record_kind;
    if (op != "put" && op != "remove") {
        error = at + ".op: must be \"put\" or \"remove\"";
        return std::nullopt;
    }
    change.op = op == "put" ? Change::Op::put : Change::Op::remove;
    if (const auto it = item.find("base_revision"); it != item.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
            error = at + ".base_revision: must be a whole number, 0 or more";
            return std::nullopt;
        }
        change.base_revision = it->get<std::int64_t>();
    }
    if (change.op == Change::Op::put) {
        const auto it = item.find("record");
        if (it == item.end() || !it->is_object()) {
            error = at + ".record: a put needs the whole record as a JSON object";
            return std::nullopt;
        }
        change.record = *it;
    }
    return change;
}

void count_outcome(Metrics& metrics, const Json& result) {
    const auto status = result.value("status", "");
    if (status == "applied") ++metrics.changes_applied;
    if (status == "conflict") ++metrics.changes_conflicted;
}

}  // namespace

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) < std::tolower(y);
    });
}

ApiResponse error_response(int status, std::string code, std::string message) {
    return json_response(status, Json{{"error", {{"code", std::move(code)}, {"message", std::move(message)}}}});
}

void Metrics::observe(int status, std::size_t bytes, double milliseconds) {
    ++requests;
    if (status < 300) ++responses_2xx;
    else if (status < 400) ++responses_3xx;
    else if (status < 500) ++responses_4xx;
    else ++responses_5xx;
    bytes_sent += bytes;
    microseconds += static_cast<std::uint64_t>(milliseconds * 1000);
}

Api::Api(RegistryService& registry, std::function<std::string()> clock, WriteLimits limits, BrotliOptions brotli)
    : m_registry(registry),
      m_clock(clock ? std::move(clock) : std::function<std::string()>(utc_now)),
      m_limits(limits),
      m_token_writes(limits.burst, limits.per_second),
      m_address_writes(limits.burst, limits.per_second),
      m_brotli(brotli) {}

int Api::take_write(std::string_view scope, const std::string& key, RateLimiter& local) const {
    // Servers sharing one store count together there; a store of one server counts in memory.
    if (const auto wait = m_registry.store().take_rate(std::string(scope) + key, m_limits.burst, m_limits.per_second))
        return *wait;
    return local.take(key);
}

void Api::add_route(std::string method, std::string pattern, RouteHandler handler) {
    m_extra_routes.push_back({std::move(method), std::move(pattern), std::move(handler)});
}

ApiResponse Api::handle(const ApiRequest& request) const {
    std::string authorization;
    if (const auto it = request.headers.find("Authorization"); it != request.headers.end()) authorization = it->second;
    const auto principal = authenticate(m_registry.store(), authorization, m_clock());
    if (!principal) {
        auto response = error_response(401, "unauthorized", "Authorization: not a valid, unrevoked bearer token");
        response.headers.emplace_back("WWW-Authenticate", "Bearer");
        return response;
    }
    const bool write = request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
                       request.method == "DELETE";
    // Accepting an invitation is how a person gets a token: the one write open to anonymous callers.
    static constexpr std::string_view invitations = "/api/v1/invitations/";
    static constexpr std::string_view accept = "/accept";
    const bool accepting_invitation =
        request.method == "POST" && request.path.size() > invitations.size() + accept.size() &&
        request.path.compare(0, invitations.size(), invitations) == 0 &&
        request.path.compare(request.path.size() - accept.size(), accept.size(), accept) == 0;
    // Nothing else of an anonymous write is looked at (preconditions, body, route): it is refused first.
    if (write && principal->role == Role::anonymous && !accepting_invitation) {
        auto response = error_response(401, "unauthorized", "Authorization: changing records needs a bearer token");
        response.headers.emplace_back("WWW-Authenticate", "Bearer");
        return response;
    }
    if (write) {
        int wait = principal->token_id.empty() ? 0 : take_write("token:", principal->token_id, m_token_writes);
        if (!wait && !request.remote_address.empty())
            wait = take_write("address:", request.remote_address, m_address_writes);
        if (wait) {
            auto response = error_response(429, "rate_limited", "too many writes; retry in " + std::to_string(wait) + " s");
            response.headers.emplace_back("Retry-After", std::to_string(wait));
            response.principal = principal->log_name();
            return response;
        }
    }
    auto response = write && m_wrap_writes
                        ? m_wrap_writes(request, *principal, [&] { return dispatch(request, *principal); })
                        : dispatch(request, *principal);
    response.principal = principal->log_name();
    return response;
}

std::vector<std::pair<std::string, std::string>> Api::routes() const {
    // The routes dispatch() answers itself, in its order; keep the two in step (the OpenAPI test
    // asks every route listed here and fails on one that answers 404 or 405).
    std::vector<std::pair<std::string, std::string>> list = {
        {"GET", "/api/v1/health"},          {"GET", "/api/v1/about"},
        {"GET", "/api/v1/metrics"},         {"GET", "/api/v1/session"},
        {"GET", "/api/v1/snapshot"},        {"GET", "/api/v1/changes"},
        {"POST", "/api/v1/changes"},        {"GET", "/api/v1/municipalities/{}"},
        {"PUT", "/api/v1/municipalities/{}"}, {"GET", "/api/v1/partnerships"},
        {"GET", "/api/v1/partnerships/{}"}, {"GET", "/api/v1/proposals"},
        {"POST", "/api/v1/proposals"},      {"GET", "/api/v1/proposals/{}"},
        {"PATCH", "/api/v1/proposals/{}"},
    };
    for (const auto& extra : m_extra_routes) list.emplace_back(extra.method, extra.pattern);
    return list;
}

ApiResponse Api::dispatch(const ApiRequest& request, const Principal& principal) const {
    const auto parts = split_path(request.path);
    std::vector<std::string> p;
    const std::string& method = request.method;
    const bool get = method == "GET" || method == "HEAD";
    bool known_path = false;
    // Each route: does the path match, and then is the method one it answers.
    const auto route = [&](const char* pattern) {
        if (!match(pattern, parts, p)) return false;
        known_path = true;
        return true;
    };

    if (route("/api/v1/health") && get) return health();
    if (route("/api/v1/about") && get) return about();
    if (route("/api/v1/metrics") && get) return metrics_text();
    if (route("/api/v1/session") && get) return session(principal);
    if (route("/api/v1/snapshot") && get) return snapshot(request);
    if (route("/api/v1/changes")) {
        if (get) return changes(request, principal);
        if (method == "POST") return push(request, principal);
    }
    if (route("/api/v1/municipalities/{}")) {
        if (get) return get_record(RecordKind::municipality, p[0], principal);
        if (method == "PUT") return put_municipality(request, p[0], principal);
    }
    if (route("/api/v1/partnerships") && get) return partnerships(request);
    if (route("/api/v1/partnerships/{}") && get) return get_record(RecordKind::partnership, p[0], principal);
    if (route("/api/v1/proposals")) {
        if (get) return list_proposals(principal);
        if (method == "POST") return create_proposal(request, principal);
    }
    if (route("/api/v1/proposals/{}")) {
        if (get) return get_record(RecordKind::proposal, p[0], principal);
        if (method == "PATCH") return patch_proposal(request, p[0], principal);
    }
    for (const auto& extra : m_extra_routes)
        if (route(extra.pattern.c_str()) && (method == extra.method || (get && extra.method == "GET")))
            return extra.handler(request, principal, p);

    if (known_path) return error_response(405, "method_not_allowed", method + " is not allowed on " + request.path);
    return error_response(404, "not_found", "no such API route: " + request.path);
}

ApiResponse Api::health() const {
    const auto counts = m_registry.counts();
    auto response = json_response(200, Json{{"status", "ok"},
                                            {"revision", m_registry.revision()},
                                            {"municipalities", counts.municipalities},
                                            {"partnerships", counts.partnerships},
                                            {"announcements", counts.announcements}});
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

ApiResponse Api::about() const {
    Json about = about_json();
    for (const auto& extend : m_about_extensions) extend(about);
    return json_response(200, about);
}

ApiResponse Api::metrics_text() const {
    const auto counts = m_registry.counts();
    std::string text;
    const auto metric = [&](const char* name, const char* type, const char* help, auto value, const char* labels = "") {
        text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + labels + " " +
                std::to_string(value) + "\n";
    };
    auto& m = m_metrics;
    metric("partnership_registry_revision", "gauge", "The registry's global revision.", m_registry.revision());
    metric("partnership_municipalities", "gauge", "Municipalities in the registry.", counts.municipalities);
    metric("partnership_partnerships", "gauge", "Partnerships in the registry.", counts.partnerships);
    metric("partnership_proposals", "gauge", "Proposals held (private).", counts.proposals);
    text += "# HELP partnership_http_responses_total HTTP responses by status class.\n"
            "# TYPE partnership_http_responses_total counter\n";
    text += "partnership_http_responses_total{class=\"2xx\"} " + std::to_string(m.responses_2xx.load()) + "\n";
    text += "partnership_http_responses_total{class=\"3xx\"} " + std::to_string(m.responses_3xx.load()) + "\n";
    text += "partnership_http_responses_total{class=\"4xx\"} " + std::to_string(m.responses_4xx.load()) + "\n";
    text += "partnership_http_responses_total{class=\"5xx\"} " + std::to_string(m.responses_5xx.load()) + "\n";
    metric("partnership_http_response_bytes_total", "counter", "Body bytes sent.", m.bytes_sent.load());
    metric("partnership_http_request_seconds_total", "counter", "Time spent answering requests.",
           static_cast<double>(m.microseconds.load()) / 1e6);
    metric("partnership_changes_applied_total", "counter", "Changes applied.", m.changes_applied.load());
    metric("partnership_changes_conflicted_total", "counter", "Changes answered with a conflict.", m.changes_conflicted.load());
    for (const auto& lines : m_metrics_extensions) text += lines();
    ApiResponse response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = std::move(text);
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

ApiResponse Api::session(const Principal& principal) const {
    // A bad or revoked token never gets here: handle() answers it 401 like every other route.
    Json body{{"role", std::string(to_string(principal.role))}};
    if (principal.role != Role::anonymous) {
        body["municipality"] = principal.municipality;
        body["token_id"] = principal.token_id;
        body["label"] = principal.label;
    }
    auto response = json_response(200, body);
    response.headers.emplace_back("Cache-Control", "private, no-store");
    return response;
}

ApiResponse Api::snapshot(const ApiRequest& request) const {
    const auto encoded = m_registry.snapshot();
    // Each encoding is its own representation with its own strong tag (RFC 9110 8.8.3); any of
    // them, weak or strong, tells that the client holds this revision.
    const std::string revision = std::to_string(encoded->revision);
    const std::vector<EntityTag> current = {{false, revision}, {false, revision + "-gzip"}, {false, revision + "-br"}};
    const auto accept = request.headers.find("Accept-Encoding");
    const bool gzip = accept != request.headers.end() && accepts_coding(accept->second, "gzip");
    // Brotli only once the background has made it for this revision; gzip until then.
    const auto brotli = accept != request.headers.end() && accepts_coding(accept->second, "br")
                            ? m_brotli.find_or_queue(encoded)
                            : nullptr;
    ApiResponse response;
    response.headers.emplace_back("ETag", current[brotli ? 2 : gzip ? 1 : 0].text());
    response.headers.emplace_back("Cache-Control", "no-cache");
    response.headers.emplace_back("Vary", "Accept-Encoding");
    if (const auto it = request.headers.find("If-None-Match");
        it != request.headers.end() && none_match_fails(it->second, current)) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    if (brotli) {
        response.shared_body = brotli;
        response.headers.emplace_back("Content-Encoding", "br");
    } else if (gzip) {
        // Compressed once per revision, so a busy server does not compress megabytes per request.
        response.shared_body = std::shared_ptr<const std::string>(encoded, &encoded->gzip);
        response.headers.emplace_back("Content-Encoding", "gzip");
    } else {
        response.body = encoded->json();
    }
    return response;
}

ApiResponse Api::changes(const ApiRequest& request, const Principal& principal) const {
    std::int64_t since = 0;
    std::size_t limit = 1000;
    if (const auto it = request.query.find("since"); it != request.query.end()) {
        const auto value = parse_revision(it->second);
        if (!value) return error_response(400, "bad_request", "since: must be a revision (a whole number, 0 or more)");
        since = *value;
    }
    if (const auto it = request.query.find("limit"); it != request.query.end()) {
        const auto value = parse_revision(it->second);
        if (!value || *value < 1 || static_cast<std::size_t>(*value) > kMaxPage)
            return error_response(400, "bad_request", "limit: must be a whole number from 1 to " + std::to_string(kMaxPage));
        limit = static_cast<std::size_t>(*value);
    }
    auto response = json_response(200, to_json(m_registry.changes_since(since, limit, principal)));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

ApiResponse Api::push(const ApiRequest& request, const Principal& principal) const {
    if (principal.role == Role::anonymous)
        return error_response(401, "unauthorized", "Authorization: sending changes needs a bearer token");
    ApiResponse error;
    const auto body = parse_body(request, error);
    if (!body) return error;
    const auto it = body->find("changes");
    if (it == body->end() || !it->is_array()) return error_response(400, "bad_request", "changes: must be an array");
    if (it->size() > kMaxBatch)
        return error_response(413, "too_large", "changes: at most " + std::to_string(kMaxBatch) + " changes per batch");
    std::vector<Change> changes;
    for (std::size_t i = 0; i < it->size(); ++i) {
        std::string message;
        auto change = parse_change((*it)[i], "changes[" + std::to_string(i) + "]", message);
        if (!change) return error_response(400, "bad_request", message);
        changes.push_back(std::move(*change));
    }
    const auto results = m_registry.push(principal, changes, m_clock());
    Json answer{{"revision", m_registry.revision()}, {"results", Json::array()}};
    for (const auto& result : results) {
        count_outcome(m_metrics, result.json);
        answer["results"].push_back(result.json);
    }
    return json_response(200, answer);
}

ApiResponse Api::get_record(RecordKind kind, const std::string& id, const Principal& principal) const {
    const auto record = m_registry.record(kind, id, principal);
    if (record.is_null())
        return error_response(404, "not_found", "no " + std::string(to_string(kind)) + " with id \"" + id + "\"");
    auto response = json_response(200, record);
    response.headers.emplace_back("ETag", etag(record.value("revision", std::int64_t{0})));
    if (kind == RecordKind::proposal) response.headers.emplace_back("Cache-Control", "private, no-store");
    return response;
}

ApiResponse Api::write_one(const Change& change, const Principal& principal, int created_status) const {
    if (principal.role == Role::anonymous)
        return error_response(401, "unauthorized", "Authorization: changing records needs a bearer token");
    const auto results = m_registry.push(principal, {change}, m_clock());
    const auto& result = results.front().json;
    count_outcome(m_metrics, result);
    const auto status = result.value("status", "");
    if (status == "applied") {
        auto response = json_response(created_status, m_registry.record(change.kind, change.id, principal));
        response.headers.emplace_back("ETag", etag(result.value("revision", std::int64_t{0})));
        return response;
    }
    if (status == "forbidden") return error_response(403, "forbidden", result.value("message", "not allowed"));
    if (status == "invalid") {
        const auto& errors = result["errors"];
        const std::string message = errors.empty() ? "the record breaks a rule" : errors[0].value("message", "");
        return json_response(422, Json{{"error", {{"code", "invalid"}, {"message", message}, {"errors", errors}}}});
    }
    // A conflict: the revision the caller based the change on is not the current one.
    auto response = json_response(change.base_revision == 0 && result["current"].is_object() ? 409 : 412,
                                  Json{{"error", {{"code", "conflict"},
                                                  {"message", "the record changed since revision " +
                                                                  std::to_string(change.base_revision) + "; here is the current one"}}},
                                       {"current", result["current"]}});
    if (result["current"].is_object())
        response.headers.emplace_back("ETag", etag(result["current"].value("revision", std::int64_t{0})));
    return response;
}

ApiResponse Api::put_municipality(const ApiRequest& request, const std::string& id, const Principal& principal) const {
    const auto if_match = request.headers.find("If-Match");
    if (if_match == request.headers.end())
        return error_response(428, "precondition_required", "If-Match: send the revision you edited, e.g. If-Match: \"42\"");
    if (!parse_tag_list(if_match->second))
        return error_response(400, "bad_request", "If-Match: must be a revision such as \"42\", a list of them or *");
    ApiResponse error;
    std::optional<Json> body;
    if (const auto base = strong_revision(if_match->second)) {
        if (!(body = parse_body(request, error))) return error;
        return write_one(Change{RecordKind::municipality, Change::Op::put, id, *base, *body, {}}, principal, 200);
    }
    // "*", a list or a weak tag: compared strongly with the record as it is now. When another
    // write comes between that comparison and this one, the condition is compared again with the
    // record it left: `*` asks only that the record exists, so it must not fail for a race.
    for (int attempt = 0;; ++attempt) {
        const auto current = m_registry.record(RecordKind::municipality, id, principal);
        std::optional<EntityTag> tag;
        if (!current.is_null()) tag = EntityTag{false, std::to_string(current.value("revision", std::int64_t{0}))};
        if (!if_match_passes(if_match->second, tag)) {
            auto response = json_response(412, Json{{"error",
                                                     {{"code", "conflict"},
                                                      {"message",
                                                       "If-Match: does not name the record's current "
                                                       "revision (a weak tag never does)"}}},
                                                    {"current", current}});
            if (tag) response.headers.emplace_back("ETag", tag->text());
            return response;
        }
        if (!body && !(body = parse_body(request, error))) return error;
        // `*` is decided with the write itself; a list names revisions, compared again on a race.
        const bool any = parse_tag_list(if_match->second)->any;
        const Change change{RecordKind::municipality, Change::Op::put, id,
                            any ? kAnyRevision : current.value("revision", std::int64_t{0}), *body, {}};
        auto response = write_one(change, principal, 200);
        if (response.status != 412 || attempt == 7) return response;
    }
}

ApiResponse Api::partnerships(const ApiRequest& request) const {
    const auto it = request.query.find("municipality");
    if (it == request.query.end() || it->second.empty())
        return error_response(400, "bad_request", "municipality: required, e.g. ?municipality=UA80000000000093317");
    return json_response(200, Json{{"municipality", it->second}, {"partnerships", m_registry.partnerships_of(it->second)}});
}

ApiResponse Api::create_proposal(const ApiRequest& request, const Principal& principal) const {
    ApiResponse error;
    auto body = parse_body(request, error);
    if (!body) return error;
    const auto id = body->value("id", Json()).is_string() ? (*body)["id"].get<std::string>() : std::string();
    if (id.empty()) return error_response(422, "invalid", "id: a proposal needs the UUID its client made");
    Change change{RecordKind::proposal, Change::Op::put, id, 0, *body, {}};
    return write_one(change, principal, 201);
}

ApiResponse Api::patch_proposal(const ApiRequest& request, const std::string& id, const Principal& principal) const {
    const auto current = m_registry.record(RecordKind::proposal, id, principal);
    if (current.is_null()) return error_response(404, "not_found", "no proposal with id \"" + id + "\"");
    ApiResponse error;
    const auto patch = parse_body(request, error);
    if (!patch) return error;
    std::int64_t base = current.value("revision", std::int64_t{0});
    if (const auto it = request.headers.find("If-Match"); it != request.headers.end()) {
        const auto value = parse_revision(it->second);
        if (!value) return error_response(400, "bad_request", "If-Match: must be a revision such as \"42\"");
        base = *value;
    }
    // The draft's text, by its sender; a status change is a step of the workflow and is refused
    // here with the route to use, like any field only the server writes.
    Json updated = current;
    updated.merge_patch(*patch);
    Change change{RecordKind::proposal, Change::Op::put, id, base, updated, {}};
    return write_one(change, principal, 200);
}

ApiResponse Api::list_proposals(const Principal& principal) const {
    if (principal.role == Role::anonymous)
        return error_response(401, "unauthorized", "Authorization: proposals are visible to their two sides only");
    const auto list = m_registry.proposals_for(principal);
    Json inbox = Json::array(), outbox = Json::array();
    for (const auto& proposal : list) {
        if (!principal.municipality.empty() && proposal.value("from", "") == principal.municipality) outbox.push_back(proposal);
        else inbox.push_back(proposal);
    }
    auto response = json_response(200, Json{{"inbox", inbox}, {"outbox", outbox}});
    response.headers.emplace_back("Cache-Control", "private, no-store");
    return response;
}

}  // namespace prd::server
