#pragma once
// SQL that takes a current store back to schema version 2 (before the dismissal table), for tests
// that check an old store is upgraded. Each later migration adds its undoing here.

namespace prd::test {

inline constexpr const char* kBackToSchema2 =
    "DROP TABLE outbox; DROP TABLE upstream_records;"
    "DROP TABLE dismissed_suggestions;"
    "DROP TABLE invitations; ALTER TABLE tokens DROP COLUMN last_used_at;"
    "PRAGMA user_version=2";

}  // namespace prd::test
