// partnership invite create|list|revoke: one-time invitations, made from the server's machine.
// `create` prints the link to send (https://HOST/#/join/CODE); the code is not shown again.

#include <cstdio>

#include "api/registry_service.hpp"
#include "auth/invitations.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/store_option.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"

namespace prd::cli {
namespace {

constexpr const char* kUsage =
    "usage: partnership invite create --data DIR --municipality ID [--role editor|moderator|admin] [--days N]\n"
    "                                 [--label TEXT] [--public-url URL | --listen HOST:PORT]\n"
    "       partnership invite list --data DIR\n"
    "       partnership invite revoke --data DIR INVITATION_ID\n";

struct InviteArgs {
    StoreChoice store;
    std::string role = "editor";
    std::string municipality;
    std::string label;
    int days = 7;
    std::string public_url;
    std::string listen = "127.0.0.1:8080";
    std::string action;
    std::string id;
};

InviteArgs parse(const Args& args) {
    InviteArgs parsed;
    ActionParser parser("invite", parsed.store.data_dir, "PARTNERSHIP_DATA_DIR");
    parser.add_store_option(parsed.store.address);
    CLI::App& create = parser.add_action("create", "make an invitation; its link is printed once");
    create.add_option("--role", parsed.role, "editor (the default), moderator or admin");
    create.add_option("--municipality", parsed.municipality, "the editor's municipality (editors only)");
    create.add_option("--label", parsed.label, "whom it is for");
    create.add_option("--days", parsed.days, "how long the link is valid (default 7)")->transform(whole_number(1, 90));
    create.add_option("--public-url", parsed.public_url, "the address people use")->envname("PARTNERSHIP_PUBLIC_URL");
    create.add_option("--listen", parsed.listen, "the server's HOST:PORT, when no --public-url")
        ->envname("PARTNERSHIP_LISTEN");
    parser.add_action("list",
                      "every invitation: id, role, municipality, expiry, open, used, expired or revoked, token, label");
    parser.add_action("revoke", "withdraw an unused invitation")
        .add_option("INVITATION_ID", parsed.id, "the invitation to withdraw (see: partnership invite list)")
        ->required();
    parsed.action = parser.parse(args);
    if (parsed.store.address.empty() && parsed.store.data_dir.empty())
        throw UsageError(
            "--data DIR is required (or PARTNERSHIP_DATA_DIR): the server's data folder (or --store ADDRESS)");
    check_store_choice(parsed.store, true);
    return parsed;
}

int create(const InviteArgs& parsed) {
    const auto role = server::role_from_string(parsed.role);
    if (!role) throw UsageError("--role: must be editor, moderator or admin");
    if (*role == server::Role::editor && parsed.municipality.empty())
        throw UsageError("--municipality: an editor speaks for one municipality");
    if (*role != server::Role::editor && !parsed.municipality.empty())
        throw UsageError("--municipality: only editors belong to a municipality");
    const std::string base = !parsed.public_url.empty() ? parsed.public_url : "http://" + parsed.listen;
    if (base.rfind("https://", 0) != 0 && base.rfind("http://", 0) != 0)
        throw UsageError("--public-url: expected the address people use, e.g. https://partners.example.org");

    // A folder never served holds the built-in registry, as serve would seed it.
    server::RegistryService registry(open_store(parsed.store), server::default_snapshot());
    if (*role == server::Role::editor &&
        !registry.read([&](const Registry& r) { return r.find_municipality(parsed.municipality) != nullptr; }))
        throw UsageError("--municipality: \"" + parsed.municipality + "\" is not in the registry (see: partnership search NAME)");
    const auto invitation =
        server::make_invitation(*role, parsed.municipality, parsed.label, parsed.days, server::utc_now(), "cli");
    registry.store().add_invitation(invitation.record);
    std::fprintf(stderr, "created invitation %s (%s%s%s), valid until %s; send the link below, it is not shown again\n",
                 invitation.record.id.c_str(), parsed.role.c_str(), parsed.municipality.empty() ? "" : " for ",
                 parsed.municipality.c_str(), invitation.record.expires_at.c_str());
    std::printf("%s\n", server::invitation_link(base, invitation.code).c_str());
    return 0;
}

}  // namespace

int invite_command(const Args& args) {
    InviteArgs parsed;
    try {
        parsed = parse(args);
        if (parsed.action == "create") return create(parsed);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "partnership invite: %s\n%s", e.what(), kUsage);
        return 2;
    }
    const auto opened = open_store(parsed.store);
    server::Store& store = *opened;
    if (parsed.action == "list") {
        const std::string now = server::utc_now();
        for (const auto& i : store.list_invitations()) {
            const char* state = i.revoked ? "revoked" : !i.used_at.empty() ? "used" : i.expires_at <= now ? "expired" : "open";
            std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i.id.c_str(), i.role.c_str(),
                        i.municipality.empty() ? "-" : i.municipality.c_str(), i.expires_at.c_str(), state,
                        i.token_id.empty() ? "-" : i.token_id.c_str(), i.label.c_str());
        }
        return 0;
    }
    // revoke
    if (!store.revoke_invitation(parsed.id)) {
        std::fprintf(stderr, "partnership invite revoke: no unused invitation with id %s\n", parsed.id.c_str());
        return 1;
    }
    std::fprintf(stderr, "revoked %s\n", parsed.id.c_str());
    return 0;
}

}  // namespace prd::cli
