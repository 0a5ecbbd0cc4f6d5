// The PostgreSQL store's read of every public record for a snapshot: one REPEATABLE READ snapshot
// of the database, fetched through a cursor a few thousand rows at a time, so the registry's JSON
// (77 MB at 100,000 municipalities) is never held whole and writers carry on meanwhile.

#include "model/json_codec.hpp"
#include "store/postgres_connection.hpp"
#include "store/postgres_store.hpp"

namespace prd::server {

std::int64_t PostgresStore::read_public(const std::function<void(RecordKind, std::string_view)>& sink) {
    auto c = m_pool->acquire();
    c->exec("read the public records", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const auto revision = revision_on(*c);
    // The kinds' names sort as the snapshot orders them (announcement, municipality, partnership),
    // and ids byte by byte (COLLATE "C"), as the registry orders them.
    c->exec("read the public records",
            "DECLARE public_records NO SCROLL CURSOR FOR SELECT kind, body FROM records "
            "WHERE NOT removed AND kind IN ('announcement', 'municipality', 'partnership') "
            "ORDER BY kind COLLATE \"C\", id COLLATE \"C\"");
    for (;;) {
        const auto rows = c->exec("read the public records", "FETCH 2000 FROM public_records");
        if (rows.rows() == 0) break;
        for (int i = 0; i < rows.rows(); ++i) {
            const auto kind = record_kind_from_string(rows.text(i, 0));
            if (!kind) throw StoreError(describe() + ": unknown record kind \"" + rows.text(i, 0) + "\"");
            sink(*kind, std::string_view(PQgetvalue(rows.get(), i, 1),
                                         static_cast<std::size_t>(PQgetlength(rows.get(), i, 1))));
        }
    }
    c->commit("read the public records");
    return revision;
}

}  // namespace prd::server
