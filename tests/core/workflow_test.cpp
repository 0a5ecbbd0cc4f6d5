#include "proposals/workflow.hpp"

#include <algorithm>
#include <stdexcept>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/json_codec.hpp"
#include "validation/validate.hpp"

namespace prd::proposals {
namespace {

using S = ProposalStatus;

Registry sample_registry() {
    Snapshot snapshot;
    snapshot.municipalities = {test::kyiv(), test::lviv(), test::poznan(), test::dublin()};
    snapshot.partnerships = {test::kyiv_dublin(), test::greater_kyiv_declaration()};
    return Registry::from_snapshot(snapshot);
}

constexpr S k_statuses[] = {S::draft, S::sent, S::in_discussion, S::accepted, S::declined, S::withdrawn, S::signed_};
constexpr Side k_sides[] = {Side::sender, Side::receiver, Side::moderator, Side::none};
constexpr Action k_actions[] = {Action::send,     Action::discuss,         Action::accept,        Action::decline,
                                Action::withdraw, Action::confirm_signing, Action::record_signing};

// The workflow as the issue states it, written out apart from steps() so the two can disagree.
bool expected_allowed(Action action, S status, Side side) {
    const bool answered = status == S::sent || status == S::in_discussion;
    switch (action) {
        case Action::send: return status == S::draft && side == Side::sender;
        case Action::discuss: return status == S::sent && side == Side::receiver;
        case Action::accept:
        case Action::decline: return answered && side == Side::receiver;
        case Action::withdraw: return answered && side == Side::sender;
        case Action::confirm_signing: return status == S::accepted && (side == Side::sender || side == Side::receiver);
        case Action::record_signing: return status == S::accepted && side == Side::moderator;
    }
    return false;
}

Stamp stamp(std::string change_id, std::string at = "2024-05-01T10:00:00Z") {
    return {at, "tok_1", "editor", "UA46060250000025047", std::move(change_id), "", ""};
}

TEST(Workflow, EveryActionByEverySideFromEveryStatus) {
    for (S status : k_statuses) {
        for (Side side : k_sides) {
            for (Action action : k_actions) {
                Proposal p = test::lviv_to_poznan();
                p.status = status;
                const auto why = refusal(p, side, action);
                const std::string where = std::string(to_string(action)) + " by " + std::string(to_string(side)) +
                                          " from " + std::string(prd::to_string(status));
                EXPECT_EQ(!why.has_value(), expected_allowed(action, status, side)) << where;
                if (!why) continue;
                EXPECT_EQ(why->rfind("status: ", 0), 0u) << where << ": " << *why;
                if (takes_part(side, action)) {
                    std::string spoken(prd::to_string(status));
                    std::replace(spoken.begin(), spoken.end(), '_', ' ');
                    EXPECT_NE(why->find("(it is " + spoken + ")"), std::string::npos)
                        << where << ": " << *why;
                } else {
                    EXPECT_NE(why->find("only "), std::string::npos) << where << ": " << *why;
                }
            }
        }
    }
}

TEST(Workflow, RefusalsSayTheRuleInWords) {
    Proposal p = test::lviv_to_poznan();
    p.status = S::sent;
    EXPECT_EQ(refusal(p, Side::sender, Action::accept), "status: only the receiving side can accept a proposal");
    EXPECT_EQ(refusal(p, Side::receiver, Action::send), "status: only the sending side can send a proposal");
    EXPECT_EQ(refusal(p, Side::receiver, Action::record_signing), "status: only a moderator can record a signing");
    EXPECT_EQ(refusal(p, Side::moderator, Action::confirm_signing), "status: only the two sides can confirm a signing");
    p.status = S::draft;
    EXPECT_EQ(refusal(p, Side::receiver, Action::accept),
              "status: a proposal can be accepted only when sent or in discussion (it is draft)");
    p.status = S::declined;
    EXPECT_EQ(refusal(p, Side::sender, Action::confirm_signing),
              "status: a signing can be confirmed only when accepted (it is declined)");
}

TEST(Workflow, StepsAreTheDefinition) {
    ASSERT_EQ(steps().size(), std::size(k_actions));
    for (Action action : k_actions) {
        EXPECT_EQ(step(action).action, action);
        EXPECT_EQ(action_from_string(to_string(action)), action);
    }
    EXPECT_EQ(action_from_string("sign"), std::nullopt);
    EXPECT_EQ(step(Action::accept).to, S::accepted);
}

TEST(Workflow, SidesAndVisibility) {
    const Registry registry = sample_registry();
    Proposal p = test::lviv_to_poznan();
    EXPECT_EQ(receiving_municipality(p, registry), "PL-3088171");
    EXPECT_EQ(side_of(p, registry, "UA46060250000025047", false), Side::sender);
    EXPECT_EQ(side_of(p, registry, "PL-3088171", false), Side::receiver);
    EXPECT_EQ(side_of(p, registry, "UA80000000000093317", false), Side::none);
    EXPECT_EQ(side_of(p, registry, "", false), Side::none);
    EXPECT_EQ(side_of(p, registry, "", true), Side::moderator);

    // A draft is the sender's alone, moderators included.
    EXPECT_TRUE(visible_to(p, Side::sender));
    EXPECT_FALSE(visible_to(p, Side::receiver));
    EXPECT_FALSE(visible_to(p, Side::moderator));
    EXPECT_FALSE(visible_to(p, Side::none));
    p.status = S::sent;
    EXPECT_TRUE(visible_to(p, Side::receiver));
    EXPECT_TRUE(visible_to(p, Side::moderator));
    EXPECT_FALSE(visible_to(p, Side::none));

    // Joining a declaration: its first party answers.
    Proposal join = test::lviv_to_poznan();
    join.to = "greater-kyiv-declaration";
    EXPECT_EQ(receiving_municipality(join, registry), "UA80000000000093317");
    EXPECT_EQ(side_of(join, registry, "UA80000000000093317", false), Side::receiver);
    EXPECT_EQ(side_of(join, registry, "PL-3088171", false), Side::none);
    join.to = "kyiv-dublin-2022";  // not a declaration
    EXPECT_EQ(receiving_municipality(join, registry), "");
}

TEST(Workflow, AvailableActions) {
    Proposal p = test::lviv_to_poznan();
    EXPECT_EQ(available(p, Side::sender), std::vector<Action>{Action::send});
    EXPECT_TRUE(available(p, Side::receiver).empty());
    p.status = S::sent;
    EXPECT_EQ(available(p, Side::receiver), (std::vector<Action>{Action::discuss, Action::accept, Action::decline}));
    EXPECT_EQ(available(p, Side::sender), std::vector<Action>{Action::withdraw});
    p.status = S::accepted;
    p.signing_confirmed_by = {p.from};
    EXPECT_TRUE(available(p, Side::sender).empty());  // already confirmed
    EXPECT_EQ(available(p, Side::receiver), std::vector<Action>{Action::confirm_signing});
    EXPECT_EQ(available(p, Side::moderator), std::vector<Action>{Action::record_signing});
}

TEST(Workflow, ApplyStampsTheHistory) {
    const Registry registry = sample_registry();
    Proposal p = apply(test::lviv_to_poznan(), registry, Side::sender, Action::send,
                       {"2024-05-01T10:00:00Z", "tok_lviv", "editor", "UA46060250000025047", "c1", "please read", ""});
    EXPECT_EQ(p.status, S::sent);
    ASSERT_EQ(p.history.size(), 1u);
    EXPECT_EQ(p.history[0], (StatusChange{"send", S::draft, S::sent, "2024-05-01T10:00:00Z", "tok_lviv", "editor",
                                          "UA46060250000025047", "c1", "please read"}));
    p = apply(p, registry, Side::receiver, Action::discuss, stamp("c2"));
    p = apply(p, registry, Side::receiver, Action::accept, stamp("c3"));
    EXPECT_EQ(p.status, S::accepted);
    ASSERT_EQ(p.history.size(), 3u);
    EXPECT_EQ(p.history[2].from, S::in_discussion);
    EXPECT_EQ(p.history[2].action, "accept");
    EXPECT_TRUE(validate(p).empty());
    EXPECT_THROW(apply(p, registry, Side::receiver, Action::accept, stamp("c4")), std::logic_error);
    try {
        apply(p, registry, Side::sender, Action::withdraw, stamp("c4"));
        FAIL() << "withdraw after accept was applied";
    } catch (const std::logic_error& error) {
        EXPECT_STREQ(error.what(), "status: a proposal can be withdrawn only when sent or in discussion (it is accepted)");
    }
}

TEST(Workflow, SigningNeedsBothSides) {
    const Registry registry = sample_registry();
    Proposal p = test::lviv_to_poznan();
    p.status = S::accepted;
    p = apply(p, registry, Side::receiver, Action::confirm_signing, stamp("c1", "2024-06-01T09:00:00Z"));
    EXPECT_EQ(p.status, S::accepted);
    EXPECT_EQ(p.signing_confirmed_by, std::vector<std::string>{"PL-3088171"});
    EXPECT_EQ(p.history.back().status, S::accepted);
    EXPECT_EQ(p.history.back().action, "confirm_signing");
    EXPECT_TRUE(p.signed_on.empty());
    EXPECT_EQ(refusal(p, Side::receiver, Action::confirm_signing),
              "signing_confirmed_by: the receiver already confirmed the signing");

    Stamp last = stamp("c2", "2024-06-02T09:00:00Z");
    last.signed_on = "2024-05-30";
    p = apply(p, registry, Side::sender, Action::confirm_signing, last);
    EXPECT_EQ(p.status, S::signed_);
    EXPECT_EQ(p.history.back().from, S::accepted);
    EXPECT_EQ(p.history.back().status, S::signed_);
    EXPECT_EQ(p.signed_on, "2024-05-30");
    EXPECT_EQ(p.partnership, "proposal-" + p.id);
    EXPECT_TRUE(validate(p).empty());
    EXPECT_TRUE(available(p, Side::sender).empty());
}

TEST(Workflow, AModeratorRecordsASigningAtOnce) {
    const Registry registry = sample_registry();
    Proposal p = test::lviv_to_poznan();
    p.status = S::accepted;
    p = apply(p, registry, Side::moderator, Action::record_signing, stamp("c1", "2024-06-01T09:00:00Z"));
    EXPECT_EQ(p.status, S::signed_);
    EXPECT_EQ(p.signed_on, "2024-06-01");  // the day of the stamp when it names no date
    EXPECT_TRUE(p.signing_confirmed_by.empty());
}

TEST(Workflow, MessagesAndText) {
    Proposal p = test::lviv_to_poznan();
    EXPECT_TRUE(can_edit_text(p, Side::sender));
    EXPECT_FALSE(can_edit_text(p, Side::receiver));
    EXPECT_FALSE(can_edit_text(p, Side::moderator));
    EXPECT_FALSE(can_write_messages(p, Side::sender));
    for (S status : {S::sent, S::in_discussion, S::accepted}) {
        p.status = status;
        EXPECT_FALSE(can_edit_text(p, Side::sender));
        EXPECT_TRUE(can_write_messages(p, Side::sender));
        EXPECT_TRUE(can_write_messages(p, Side::receiver));
        EXPECT_FALSE(can_write_messages(p, Side::moderator));
        EXPECT_FALSE(can_write_messages(p, Side::none));
    }
    for (S status : {S::declined, S::withdrawn, S::signed_}) {
        p.status = status;
        EXPECT_FALSE(can_write_messages(p, Side::sender));
    }
}

TEST(Workflow, PartnershipForTwoMunicipalities) {
    const Registry registry = sample_registry();
    Proposal p = test::lviv_to_poznan();
    p.signed_on = "2024-05-30";
    const Partnership partnership = partnership_for(p, registry);
    EXPECT_EQ(partnership.id, "proposal-3f2b8c1e-6a7d-4e21-9b0c-1d2e3f4a5b6c");
    EXPECT_EQ(partnership.kind, PartnershipKind::memorandum);
    EXPECT_EQ(partnership.status, PartnershipStatus::signed_);
    EXPECT_EQ(partnership.parties,
              (std::vector<Party>{{"UA46060250000025047", "2024-05-30"}, {"PL-3088171", "2024-05-30"}}));
    EXPECT_EQ(partnership.signed_on, "2024-05-30");
    EXPECT_EQ(partnership.title.uk, "Меморандум про співпрацю: Львівська — Poznań");
    EXPECT_EQ(partnership.title.en, "Memorandum of understanding: Lviv – Poznan");
    EXPECT_EQ(partnership.areas, std::vector<Sector>{Sector::energy});
    EXPECT_EQ(partnership.extra, nlohmann::json({{"proposal", p.id}}));
    EXPECT_TRUE(validate(partnership).empty());
    EXPECT_EQ(partnership_for(p, registry), partnership);  // a replay makes the same record
}

TEST(Workflow, PartnershipForJoiningADeclaration) {
    const Registry registry = sample_registry();
    Proposal p = test::lviv_to_poznan();
    p.to = "greater-kyiv-declaration";
    p.kind = PartnershipKind::joint_declaration;
    p.signed_on = "2024-05-30";
    const Partnership joined = partnership_for(p, registry);
    EXPECT_EQ(joined.id, "greater-kyiv-declaration");
    ASSERT_EQ(joined.parties.size(), 4u);
    EXPECT_EQ(joined.parties.back(), (Party{"UA46060250000025047", "2024-05-30"}));
    EXPECT_EQ(joined.revision, registry.find_partnership("greater-kyiv-declaration")->revision);
    EXPECT_TRUE(validate(joined).empty());

    p.to = "nowhere";
    EXPECT_THROW(partnership_for(p, registry), std::invalid_argument);
}

}  // namespace
}  // namespace prd::proposals
