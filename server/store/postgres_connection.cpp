#include "store/postgres_connection.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace prd::server {
namespace {

/// libpq's messages end with a line break and may run over several lines: one line for ours.
std::string one_line(std::string_view text) {
    std::string line;
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!line.empty() && line.back() != ' ') line += ' ';
        } else {
            line += c;
        }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

/// SQLSTATEs that mean "the server is not there for us now", not "this request was wrong":
/// connection exceptions (08...), shutdown and start-up (57P01..57P03), and a row lock another
/// server held past lock_timeout (55P03).
bool means_unavailable(std::string_view sqlstate) {
    return sqlstate.substr(0, 2) == "08" || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||
           sqlstate == "55P03";
}

void ignore_notice(void*, const char*) {}

/// Rows sent before the pipeline waits for their results: few enough that the answers (a few
/// dozen bytes each) never fill the socket buffers while we are still sending.
constexpr std::size_t kPipelineChunk = 256;

}  // namespace

PgParam::PgParam(double value) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_text.assign(buffer, ec == std::errc() ? end : buffer);
}

std::int64_t PgResult::integer(int row, int column) const {
    return std::strtoll(PQgetvalue(m_result, row, column), nullptr, 10);
}

double PgResult::real(int row, int column) const { return std::strtod(PQgetvalue(m_result, row, column), nullptr); }

std::int64_t PgResult::affected() const { return std::strtoll(PQcmdTuples(m_result), nullptr, 10); }

PgConnection::~PgConnection() {
    if (m_conn) PQfinish(m_conn);
}

bool PgConnection::ensure() {
    const auto losses = m_target.losses.load();
    if (m_conn && PQstatus(m_conn) == CONNECTION_OK && m_losses_seen == losses) return false;
    m_losses_seen = losses;
    if (!m_conn) {
        // Our defaults come before the address so that it may override them; the encoding after
        // it, because the code speaks UTF-8 whatever the operator's environment says.
        const char* keywords[] = {"connect_timeout", "fallback_application_name", "dbname", "client_encoding", nullptr};
        const char* values[] = {"10", "partnership", m_target.conninfo.c_str(), "UTF8", nullptr};
        m_conn = PQconnectdbParams(keywords, values, 1);
        if (!m_conn) throw StoreUnavailable(m_target.description + ": cannot connect: out of memory");
        PQsetNoticeProcessor(m_conn, ignore_notice, nullptr);  // "already exists, skipping" is not news
    } else {
        PQreset(m_conn);
    }
    if (PQstatus(m_conn) != CONNECTION_OK)
        throw StoreUnavailable(m_target.description + ": cannot connect: " + one_line(PQerrorMessage(m_conn)));
    return true;
}

void PgConnection::fail(std::string_view what, const PGresult* result) {
    std::string message;
    std::string sqlstate;
    if (result) {
        if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) message = primary;
        if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
            message += std::string(" (") + detail + ")";
        if (const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE)) sqlstate = state;
    }
    if (message.empty()) message = m_conn ? PQerrorMessage(m_conn) : "not connected";
    const bool lost = !m_conn || PQstatus(m_conn) != CONNECTION_OK || sqlstate.substr(0, 2) == "08" ||
                      (sqlstate.size() == 5 && sqlstate.substr(0, 4) == "57P0");
    const std::string text = m_target.description + ": cannot " + std::string(what) + ": " + one_line(message);
    if (lost) {
        ++m_target.losses;
        throw StoreUnavailable(text);
    }
    if (means_unavailable(sqlstate)) throw StoreUnavailable(text);
    throw StoreError(text);
}

PgResult PgConnection::exec(std::string_view what, const char* sql, const std::vector<PgParam>& params) {
    if (!m_conn) fail(what, nullptr);
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& param : params) values.push_back(param.c_str());
    PgResult result(
        PQexecParams(m_conn, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
    const PGresult* raw = result.get();
    if (!raw) fail(what, nullptr);
    const auto status = PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(what, raw);
    return result;
}

void PgConnection::exec_script(std::string_view what, const char* sql) {
    if (!m_conn) fail(what, nullptr);
    PgResult result(PQexec(m_conn, sql));
    const PGresult* raw = result.get();
    if (!raw) fail(what, nullptr);
    const auto status = PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(what, raw);
}

void PgConnection::exec_each(std::string_view what, const char* sql, const std::vector<std::vector<PgParam>>& rows) {
    if (rows.empty()) return;
    if (rows.size() == 1) {
        exec(what, sql, rows.front());
        return;
    }
    if (!m_conn || PQenterPipelineMode(m_conn) != 1) fail(what, nullptr);
    // A connection that breaks halfway is left in pipeline mode: drop it, the next ensure() connects anew.
    auto lose = [&](const std::string& message) {
        PQfinish(m_conn);
        m_conn = nullptr;
        ++m_target.losses;
        throw StoreUnavailable(m_target.description + ": cannot " + std::string(what) + ": " + one_line(message));
    };
    std::string error_message;
    std::string error_state;
    std::vector<const char*> values;
    for (std::size_t first = 0; first < rows.size() && error_message.empty(); first += kPipelineChunk) {
        const std::size_t last = std::min(rows.size(), first + kPipelineChunk);
        for (std::size_t i = first; i < last; ++i) {
            values.clear();
            for (const auto& param : rows[i]) values.push_back(param.c_str());
            if (PQsendQueryParams(m_conn, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                  nullptr, 0) != 1)
                lose(PQerrorMessage(m_conn));
        }
        if (PQpipelineSync(m_conn) != 1) lose(PQerrorMessage(m_conn));
        for (std::size_t i = first; i < last; ++i) {
            PGresult* result = PQgetResult(m_conn);
            if (!result) lose(PQerrorMessage(m_conn));
            if (PQresultStatus(result) == PGRES_FATAL_ERROR && error_message.empty()) {
                if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) error_message = primary;
                if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
                    error_message += std::string(" (") + detail + ")";
                if (const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE)) error_state = state;
                if (error_message.empty()) error_message = PQresultErrorMessage(result);
            }
            PQclear(result);
            // Each statement's results end with a null (none follows an aborted one's).
            while ((result = PQgetResult(m_conn)) != nullptr) {
                const bool sync = PQresultStatus(result) == PGRES_PIPELINE_SYNC;
                PQclear(result);
                if (sync) lose("the pipeline ended early");
            }
        }
        PGresult* sync = PQgetResult(m_conn);
        const bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
        PQclear(sync);
        if (!synced)
            lose(PQstatus(m_conn) == CONNECTION_OK ? "unexpected answer in a pipeline" : PQerrorMessage(m_conn));
    }
    if (PQexitPipelineMode(m_conn) != 1) lose(PQerrorMessage(m_conn));
    if (PQstatus(m_conn) != CONNECTION_OK) lose(PQerrorMessage(m_conn));
    if (!error_message.empty()) {
        const std::string text =
            m_target.description + ": cannot " + std::string(what) + ": " + one_line(error_message);
        if (means_unavailable(error_state)) throw StoreUnavailable(text);
        throw StoreError(text);
    }
}

void PgConnection::commit(std::string_view what) {
    const auto result = exec(what, "COMMIT");
    // COMMIT of a transaction that failed earlier answers ROLLBACK, and no error.
    if (result.command() != "COMMIT")
        throw StoreError(m_target.description + ": cannot " + std::string(what) + ": the transaction was rolled back");
}

void PgConnection::rollback() noexcept {
    if (in_transaction()) PQclear(PQexec(m_conn, "ROLLBACK"));
}

bool PgConnection::in_transaction() const {
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) return false;
    const auto status = PQtransactionStatus(m_conn);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

PgPool::~PgPool() = default;

PgPool::Lease::~Lease() {
    if (!m_connection) return;
    m_connection->rollback();  // a unit of work that threw may have left its transaction open
    m_pool.give_back(m_connection);
}

PgPool::Lease PgPool::acquire() {
    PgConnection* connection = nullptr;
    {
        std::unique_lock lock(m_mutex);
        m_returned.wait(lock, [&] { return !m_free.empty() || m_all.size() < m_size; });
        if (!m_free.empty()) {
            connection = m_free.back();
            m_free.pop_back();
        } else {
            m_all.push_back(std::make_unique<PgConnection>(m_target));
            connection = m_all.back().get();
        }
    }
    Lease lease(*this, connection);
    connection->ensure();  // outside the pool's lock: connecting may take a while
    return lease;
}

void PgPool::give_back(PgConnection* connection) {
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(connection);
    }
    m_returned.notify_one();
}

std::string without_password(const std::string& conninfo) {
    for (const std::string_view scheme : {"postgresql://", "postgres://"}) {
        if (conninfo.compare(0, scheme.size(), scheme) != 0) continue;
        const auto authority_end = std::min(conninfo.find_first_of("/?", scheme.size()), conninfo.size());
        std::string authority = conninfo.substr(scheme.size(), authority_end - scheme.size());
        const auto at = authority.rfind('@');
        if (at != std::string::npos) {
            const auto colon = authority.find(':');
            if (colon < at) authority.erase(colon, at - colon);
        }
        std::string rest = conninfo.substr(authority_end);
        const auto question = rest.find('?');
        if (question != std::string::npos) {
            std::string kept;
            std::size_t start = question + 1;
            while (start <= rest.size()) {
                const auto end = std::min(rest.find('&', start), rest.size());
                const std::string pair = rest.substr(start, end - start);
                if (!pair.empty() && pair.substr(0, pair.find('=')) != "password")
                    kept += (kept.empty() ? "" : "&") + pair;
                start = end + 1;
            }
            rest = rest.substr(0, question) + (kept.empty() ? "" : "?" + kept);
        }
        return std::string(scheme) + authority + rest;
    }
    // key=value pairs, values maybe 'quoted' with backslash escapes
    std::string kept;
    std::size_t i = 0;
    while (i < conninfo.size()) {
        while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i]))) ++i;
        if (i >= conninfo.size()) break;
        const auto start = i;
        while (i < conninfo.size() && conninfo[i] != '=' && !std::isspace(static_cast<unsigned char>(conninfo[i]))) ++i;
        const std::string key = conninfo.substr(start, i - start);
        while (i < conninfo.size() && (conninfo[i] == '=' || std::isspace(static_cast<unsigned char>(conninfo[i]))))
            ++i;
        if (i < conninfo.size() && conninfo[i] == '\'') {
            for (++i; i < conninfo.size() && conninfo[i] != '\''; ++i)
                if (conninfo[i] == '\\') ++i;
            ++i;
        } else {
            for (; i < conninfo.size() && !std::isspace(static_cast<unsigned char>(conninfo[i])); ++i)
                if (conninfo[i] == '\\') ++i;
        }
        if (key != "password")
            kept += (kept.empty() ? "" : " ") + conninfo.substr(start, std::min(i, conninfo.size()) - start);
    }
    return kept;
}

}  // namespace prd::server
