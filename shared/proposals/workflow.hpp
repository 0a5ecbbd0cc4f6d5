#pragma once
// The proposal workflow, defined once: which steps exist, from which status each may be taken, and
// by which side. The server enforces it; the browser app asks it which actions to offer.
//
//   draft --send--> sent --discuss--> in_discussion
//   sent | in_discussion --accept--> accepted, --decline--> declined   (the receiving side)
//   sent | in_discussion --withdraw--> withdrawn                        (the sending side)
//   accepted --confirm_signing--> signed once both sides confirmed; --record_signing--> signed (a moderator)

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.hpp"
#include "registry/registry.hpp"

namespace prd::proposals {

enum class Action { send, discuss, accept, decline, withdraw, confirm_signing, record_signing };

/// Who a caller is to one proposal.
enum class Side { sender, receiver, moderator, none };

std::string_view to_string(Action action);
std::optional<Action> action_from_string(std::string_view text);
std::string_view to_string(Side side);

/// One step of the workflow. confirm_signing's `to` is where both sides' confirmations lead; a
/// single confirmation leaves the proposal accepted.
struct Step {
    Action action;
    std::vector<ProposalStatus> from;
    ProposalStatus to;
    std::vector<Side> who;
};

/// The definition, as data, in the order of the actions.
const std::vector<Step>& steps();
const Step& step(Action action);

/// The municipality that answers: `to` when it names a municipality; for a proposal to join a
/// joint declaration (`to` is its partnership id), the declaration's first party. Empty when the
/// registry knows neither.
std::string receiving_municipality(const Proposal& proposal, const Registry& registry);

/// Which side a caller is: moderators and admins (is_moderator) are `moderator`; an editor is
/// `sender` or `receiver` by their municipality; anyone else is `none`.
Side side_of(const Proposal& proposal, const Registry& registry, std::string_view editor_municipality,
             bool is_moderator);

/// A draft is the sender's alone (not even moderators see it); once sent, both sides and moderators.
bool visible_to(const Proposal& proposal, Side side);

/// Whether the side is among those who may ever take the action (the step's `who`), whatever the
/// proposal's state. A host answers "forbidden" when this is false and "conflict" otherwise.
bool takes_part(Side side, Action action);

/// Why the side may not take the action now, as "field: rule", e.g. "status: only the receiving
/// side can accept a proposal" or "status: a proposal can be accepted only when sent or in
/// discussion (it is draft)"; nothing when it may.
std::optional<std::string> refusal(const Proposal& proposal, Side side, Action action);

/// The actions the side may take now, in the order of steps(); confirm_signing is not offered to a
/// side that already confirmed.
std::vector<Action> available(const Proposal& proposal, Side side);

/// Who took a step and when; the host fills it, never the client. signed_on (YYYY-MM-DD) is the
/// date the document was signed, when the signing step names one.
struct Stamp {
    std::string at;  ///< UTC ISO-8601
    std::string by;
    std::string role;
    std::string municipality;
    std::string change_id;
    std::string note;
    std::string signed_on;
};

/// The proposal after an allowed action: its new status and a history entry stamped with `stamp`.
/// confirm_signing adds the side's municipality to signing_confirmed_by and signs once both sides
/// did; record_signing signs at once. On signing, signed_on is the stamp's date or else the day of
/// `stamp.at`, and `partnership` the id of partnership_for(). Throws std::logic_error with the
/// refusal's message when refusal() is not empty.
Proposal apply(Proposal proposal, const Registry& registry, Side side, Action action, const Stamp& stamp);

/// Both sides (not moderators) write messages once the proposal is sent: sent, in_discussion, accepted.
bool can_write_messages(const Proposal& proposal, Side side);

/// The sender, while the proposal is a draft.
bool can_edit_text(const Proposal& proposal, Side side);

/// The public record a signed proposal creates. For a proposal between two municipalities, a new
/// partnership of the proposal's kind and areas: parties `from` and `to` (joined_on = signed_on),
/// status signed, a title naming both in Ukrainian and English, extra {"proposal": id}, and the id
/// "proposal-<proposal id>", so a replay cannot create a second one. For a proposal to join a
/// declaration: the declaration as it is (its revision included) with `from` added as a party
/// joined on signed_on. Throws std::invalid_argument naming the field when `from` or `to` is not
/// in the registry.
Partnership partnership_for(const Proposal& proposal, const Registry& registry);

}  // namespace prd::proposals
