// The proposal workflow: the steps as data, and the few rules the table cannot say (signing needs
// both sides; a draft is the sender's alone).

#include "proposals/workflow.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "i18n/translit.hpp"
#include "model/json_codec.hpp"

namespace prd::proposals {
namespace {

using S = ProposalStatus;

struct ActionWords {
    Action action;
    std::string_view name;
    std::string_view done;  ///< "a proposal can be <done> only when ..."
    std::string_view verb;  ///< "only the receiving side can <verb>"
};

constexpr std::array<ActionWords, 7> k_actions{{
    {Action::send, "send", "a proposal can be sent", "send a proposal"},
    {Action::discuss, "discuss", "a proposal can be taken into discussion", "take a proposal into discussion"},
    {Action::accept, "accept", "a proposal can be accepted", "accept a proposal"},
    {Action::decline, "decline", "a proposal can be declined", "decline a proposal"},
    {Action::withdraw, "withdraw", "a proposal can be withdrawn", "withdraw a proposal"},
    {Action::confirm_signing, "confirm_signing", "a signing can be confirmed", "confirm a signing"},
    {Action::record_signing, "record_signing", "a signing can be recorded", "record a signing"},
}};

const ActionWords& words(Action action) { return k_actions[static_cast<std::size_t>(action)]; }

// "in_discussion" -> "in discussion": the status as a sentence says it.
std::string spoken(ProposalStatus status) {
    std::string text(prd::to_string(status));
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

std::string who_rule(const Step& step) {
    const auto& who = step.who;
    const bool sender = std::find(who.begin(), who.end(), Side::sender) != who.end();
    const bool receiver = std::find(who.begin(), who.end(), Side::receiver) != who.end();
    std::string subject = sender && receiver ? "the two sides"
                          : sender           ? "the sending side"
                          : receiver         ? "the receiving side"
                                             : "a moderator";
    return "status: only " + subject + " can " + std::string(words(step.action).verb);
}

std::string state_rule(const Step& step, ProposalStatus now) {
    std::string allowed;
    for (std::size_t i = 0; i < step.from.size(); ++i) {
        if (i > 0) allowed += i + 1 == step.from.size() ? " or " : ", ";
        allowed += spoken(step.from[i]);
    }
    return "status: " + std::string(words(step.action).done) + " only when " + allowed + " (it is " + spoken(now) +
           ")";
}

bool contains(const std::vector<ProposalStatus>& list, ProposalStatus status) {
    return std::find(list.begin(), list.end(), status) != list.end();
}

// The receiver's confirmation is whichever entry is not the sender's: only the two sides confirm,
// so the receiving municipality need not be looked up.
bool sender_confirmed(const Proposal& p) {
    const auto& list = p.signing_confirmed_by;
    return std::find(list.begin(), list.end(), p.from) != list.end();
}
bool receiver_confirmed(const Proposal& p) {
    const auto& list = p.signing_confirmed_by;
    return std::any_of(list.begin(), list.end(), [&](const std::string& id) { return id != p.from; });
}

const Municipality& municipality(const Registry& registry, const std::string& id, std::string_view field) {
    const Municipality* m = registry.find_municipality(id);
    if (!m) throw std::invalid_argument(std::string(field) + ": no municipality \"" + id + "\" in the registry");
    return *m;
}

std::string name_uk(const Municipality& m) {
    if (!m.names.uk.empty()) return m.names.uk;
    return !m.names.native.empty() ? m.names.native : m.names.en;
}

std::string name_en(const Municipality& m) {
    if (!m.names.en.empty()) return m.names.en;
    return transliterate_uk(!m.names.uk.empty() ? m.names.uk : m.names.native);
}

}  // namespace

std::string_view to_string(Action action) { return words(action).name; }

std::optional<Action> action_from_string(std::string_view text) {
    for (const ActionWords& w : k_actions) {
        if (w.name == text) return w.action;
    }
    return std::nullopt;
}

std::string_view to_string(Side side) {
    switch (side) {
        case Side::sender: return "sender";
        case Side::receiver: return "receiver";
        case Side::moderator: return "moderator";
        case Side::none: break;
    }
    return "none";
}

const std::vector<Step>& steps() {
    static const std::vector<Step> k_steps{
        {Action::send, {S::draft}, S::sent, {Side::sender}},
        {Action::discuss, {S::sent}, S::in_discussion, {Side::receiver}},
        {Action::accept, {S::sent, S::in_discussion}, S::accepted, {Side::receiver}},
        {Action::decline, {S::sent, S::in_discussion}, S::declined, {Side::receiver}},
        {Action::withdraw, {S::sent, S::in_discussion}, S::withdrawn, {Side::sender}},
        {Action::confirm_signing, {S::accepted}, S::signed_, {Side::sender, Side::receiver}},
        {Action::record_signing, {S::accepted}, S::signed_, {Side::moderator}},
    };
    return k_steps;
}

const Step& step(Action action) { return steps()[static_cast<std::size_t>(action)]; }

std::string receiving_municipality(const Proposal& proposal, const Registry& registry) {
    if (registry.find_municipality(proposal.to)) return proposal.to;
    const Partnership* declaration = registry.find_partnership(proposal.to);
    if (declaration && declaration->kind == PartnershipKind::joint_declaration && !declaration->parties.empty()) {
        return declaration->parties.front().municipality;
    }
    return {};
}

Side side_of(const Proposal& proposal, const Registry& registry, std::string_view editor_municipality,
             bool is_moderator) {
    if (is_moderator) return Side::moderator;
    if (editor_municipality.empty()) return Side::none;
    if (editor_municipality == proposal.from) return Side::sender;
    if (editor_municipality == receiving_municipality(proposal, registry)) return Side::receiver;
    return Side::none;
}

bool visible_to(const Proposal& proposal, Side side) {
    if (proposal.status == S::draft) return side == Side::sender;
    return side != Side::none;
}

bool takes_part(Side side, Action action) {
    const auto& who = step(action).who;
    return std::find(who.begin(), who.end(), side) != who.end();
}

std::optional<std::string> refusal(const Proposal& proposal, Side side, Action action) {
    const Step& s = step(action);
    if (!takes_part(side, action)) return who_rule(s);
    if (!contains(s.from, proposal.status)) return state_rule(s, proposal.status);
    if (action == Action::confirm_signing) {
        if (side == Side::sender ? sender_confirmed(proposal) : receiver_confirmed(proposal)) {
            return "signing_confirmed_by: the " + std::string(to_string(side)) + " already confirmed the signing";
        }
    }
    return std::nullopt;
}

std::vector<Action> available(const Proposal& proposal, Side side) {
    std::vector<Action> actions;
    for (const Step& s : steps()) {
        if (!refusal(proposal, side, s.action)) actions.push_back(s.action);
    }
    return actions;
}

Proposal apply(Proposal proposal, const Registry& registry, Side side, Action action, const Stamp& stamp) {
    if (auto why = refusal(proposal, side, action)) throw std::logic_error(*why);
    const ProposalStatus before = proposal.status;
    ProposalStatus after = step(action).to;
    if (action == Action::confirm_signing) {
        proposal.signing_confirmed_by.push_back(side == Side::sender ? proposal.from
                                                                     : receiving_municipality(proposal, registry));
        if (!(sender_confirmed(proposal) && receiver_confirmed(proposal))) after = S::accepted;
    }
    proposal.status = after;
    proposal.history.push_back({std::string(to_string(action)), before, after, stamp.at, stamp.by, stamp.role,
                                stamp.municipality, stamp.change_id, stamp.note});
    if (after == S::signed_) {
        proposal.signed_on = !stamp.signed_on.empty() ? stamp.signed_on : stamp.at.substr(0, 10);
        proposal.partnership = partnership_for(proposal, registry).id;
    }
    return proposal;
}

bool can_write_messages(const Proposal& proposal, Side side) {
    if (side != Side::sender && side != Side::receiver) return false;
    return proposal.status == S::sent || proposal.status == S::in_discussion || proposal.status == S::accepted;
}

bool can_edit_text(const Proposal& proposal, Side side) {
    return side == Side::sender && proposal.status == S::draft;
}

Partnership partnership_for(const Proposal& proposal, const Registry& registry) {
    const Municipality& from = municipality(registry, proposal.from, "from");
    if (!registry.find_municipality(proposal.to)) {
        const Partnership* declaration = registry.find_partnership(proposal.to);
        if (!declaration || declaration->kind != PartnershipKind::joint_declaration) {
            throw std::invalid_argument("to: no municipality or joint declaration \"" + proposal.to +
                                        "\" in the registry");
        }
        Partnership joined = *declaration;
        const bool already = std::any_of(joined.parties.begin(), joined.parties.end(),
                                         [&](const Party& party) { return party.municipality == from.id; });
        if (!already) joined.parties.push_back({from.id, proposal.signed_on});
        return joined;
    }
    const Municipality& to = municipality(registry, proposal.to, "to");
    Partnership p;
    p.id = "proposal-" + proposal.id;
    p.kind = proposal.kind;
    p.status = PartnershipStatus::signed_;
    p.parties = {{from.id, proposal.signed_on}, {to.id, proposal.signed_on}};
    p.title.uk = std::string(label(proposal.kind, "uk")) + ": " + name_uk(from) + " — " + name_uk(to);
    p.title.en = std::string(label(proposal.kind, "en")) + ": " + name_en(from) + " – " + name_en(to);
    p.signed_on = proposal.signed_on;
    p.areas = proposal.areas;
    p.extra = {{"proposal", proposal.id}};
    return p;
}

}  // namespace prd::proposals
