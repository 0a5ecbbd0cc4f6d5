// partnership token create|revoke|list: API tokens for editors, moderators and admins. A new
// token is printed once; the store keeps only its hash.

#include <cstdio>

#include "api/api.hpp"
#include "auth/auth.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/store_option.hpp"
#include "store/sqlite_store.hpp"
#include "validation/validate.hpp"

namespace prd::cli {

int token_command(const Args& args) {
    constexpr const char* usage =
        "usage: partnership token create --data DIR --role editor|moderator|admin [--municipality ID] [--label TEXT]\n"
        "       partnership token revoke --data DIR TOKEN_ID\n"
        "       partnership token list --data DIR\n";
    std::string action, role_text, municipality, label, token_id;
    StoreChoice store_choice;
    try {
        ActionParser parser("token", store_choice.data_dir);
        parser.add_store_option(store_choice.address);
        CLI::App& create = parser.add_action("create", "make a token; its secret is printed once");
        create.add_option("--role", role_text, "editor, moderator or admin")->required();
        create.add_option("--municipality", municipality, "the editor's municipality (editor tokens only)");
        create.add_option("--label", label, "whose token it is");
        parser.add_action("revoke", "end a token's access with its next request")
            .add_option("TOKEN_ID", token_id, "the token to revoke (see: partnership token list)")
            ->required();
        parser.add_action("list", "every token: id, role, municipality, created, active or revoked, label");
        action = parser.parse(args);
        if (store_choice.address.empty() && store_choice.data_dir.empty())
            throw UsageError("--data DIR is required: the server's data folder (or --store ADDRESS)");
        check_store_choice(store_choice, true);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "partnership token: %s\n%s", e.what(), usage);
        return 2;
    }

    const auto opened = open_store(store_choice);
    server::Store& store = *opened;
    if (action == "create") {
        const auto role = server::role_from_string(role_text);
        if (!role) {
            std::fprintf(stderr, "partnership token: --role: must be editor, moderator or admin\n");
            return 2;
        }
        if (*role == server::Role::editor && municipality.empty()) {
            std::fprintf(stderr, "partnership token: --municipality: an editor token speaks for one municipality\n");
            return 2;
        }
        if (*role != server::Role::editor && !municipality.empty()) {
            std::fprintf(stderr, "partnership token: --municipality: only editor tokens belong to a municipality\n");
            return 2;
        }
        const auto token = server::make_token(*role, municipality, label, server::utc_now());
        store.add_token(token.record);
        std::fprintf(stderr, "created %s token %s%s%s; keep the secret below, it is not shown again\n", role_text.c_str(),
                     token.record.id.c_str(), municipality.empty() ? "" : " for ", municipality.c_str());
        std::printf("%s\n", token.secret.c_str());
        return 0;
    }
    if (action == "revoke") {
        if (!store.revoke_token(token_id)) {
            std::fprintf(stderr, "partnership token revoke: no token with id %s\n", token_id.c_str());
            return 1;
        }
        std::fprintf(stderr, "revoked %s\n", token_id.c_str());
        return 0;
    }
    // list
    for (const auto& t : store.list_tokens())
        std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", t.id.c_str(), t.role.c_str(),
                    t.municipality.empty() ? "-" : t.municipality.c_str(), t.created_at.c_str(),
                    t.revoked ? "revoked" : "active", t.label.c_str());
    return 0;
}

}  // namespace prd::cli
