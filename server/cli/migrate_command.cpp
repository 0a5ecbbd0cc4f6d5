// partnership migrate --from ADDRESS --to ADDRESS: copies a whole store (records and tombstones,
// revision, tokens, invitations, remembered client changes, dismissal lists, a follower's outbox)
// into an empty one, SQLite to PostgreSQL or back, and checks that the copy holds the same.

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/store_option.hpp"

namespace prd::cli {
namespace {

/// Counts per table, to print and to compare.
std::string summary(const server::StoreContents& c) {
    std::size_t tombstones = 0;
    for (const auto& r : c.records) tombstones += r.removed ? 1 : 0;
    char text[512];
    std::snprintf(
        text, sizeof text,
        "revision %lld: %zu records (%zu of them removed), %zu tokens, %zu invitations, %zu remembered client "
        "changes, %zu dismissal lists, %zu outbox items",
        static_cast<long long>(c.revision), c.records.size(), tombstones, c.tokens.size(), c.invitations.size(),
        c.client_changes.size(), c.dismissals.size(), c.outbox.size());
    return text;
}

bool same_records(const server::StoreContents& a, const server::StoreContents& b) {
    if (a.records.size() != b.records.size()) return false;
    for (std::size_t i = 0; i < a.records.size(); ++i) {
        const auto& x = a.records[i];
        const auto& y = b.records[i];
        if (x.kind != y.kind || x.id != y.id || x.revision != y.revision || x.removed != y.removed || x.json != y.json)
            return false;
    }
    return true;
}

}  // namespace

int migrate_command(const Args& args) {
    std::string from, to;
    CommandParser parser("migrate");
    parser.add_option("--from", from, "the store to copy: sqlite:DIR or postgres://USER@HOST/DATABASE")->required();
    parser.add_option("--to", to, "an empty store to copy into: sqlite:DIR or postgres://USER@HOST/DATABASE")
        ->required();
    parse_options(parser, args);
    if (from == to) throw UsageError("--to: must be another store than --from");

    auto source = open_store(from, "--from");
    auto target = open_store(to, "--to");
    std::fprintf(stderr, "migrate: reading %s\n", source->describe().c_str());
    const auto contents = source->contents();
    std::fprintf(stderr, "migrate: writing %s into %s\n", summary(contents).c_str(), target->describe().c_str());
    target->fill(contents);

    const auto copied = target->contents();
    const bool same =
        copied.revision == contents.revision && same_records(copied, contents) &&
        copied.tokens.size() == contents.tokens.size() && copied.invitations.size() == contents.invitations.size() &&
        copied.client_changes.size() == contents.client_changes.size() &&
        copied.dismissals.size() == contents.dismissals.size() && copied.outbox.size() == contents.outbox.size() &&
        copied.upstream_revision == contents.upstream_revision;
    if (!same) {
        std::fprintf(stderr, "migrate: the copy differs from the source!\n  source: %s\n  copy:   %s\n",
                     summary(contents).c_str(), summary(copied).c_str());
        return 1;
    }
    std::printf("copied %s\n", summary(copied).c_str());
    return 0;
}

}  // namespace prd::cli
