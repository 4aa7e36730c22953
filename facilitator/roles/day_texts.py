"""The day's warnings and the re-plan in words: what the host console's header and its
`r` dialog say, and what `facilitator status` prints, from one place.

Minutes follow the one rounding rule (facilitator/i18n/rounding.py), so these agree with
the list and the header to the minute.
"""

from __future__ import annotations

from facilitator.agenda.model import Agenda
from facilitator.i18n import minute_text, span_text, t
from facilitator.i18n.rounding import whole_minutes
from facilitator.timing.forecast import FixedRisk
from facilitator.timing.replan import Proposal
from facilitator.timing.timeline import DayState


def fixed_warning(agenda: Agenda, state: DayState, risk: FixedRisk) -> str:
    """How a delay reaches a fixed slot: how much the slots before it must give, or that
    it cannot be held and when it is expected instead; "" when it asks for no cut."""
    slot = state.slots[risk.index]
    title, time = agenda.slots[risk.index].title, minute_text(slot.planned_start)
    if not risk.held:
        return t(
            "risk.fixed_moved", title=title, time=time, expected=minute_text(slot.expected_start)
        )
    # A delay that shows as "on time" asks for no cut.
    minutes = whole_minutes(risk.seconds)
    return t("risk.fixed", title=title, time=time, minutes=minutes) if minutes > 0 else ""


def fixed_warnings(agenda: Agenda, state: DayState) -> list[str]:
    """Every fixed slot's warning now, in the day's order; none once the day is finished."""
    if state.finished:
        return []
    found = (fixed_warning(agenda, state, risk) for risk in state.fixed_risks)
    return [text for text in found if text]


def replan_offer(agenda: Agenda, state: DayState, warning: str) -> str:
    """The header's offer of `r` where a re-plan helps: after the fixed slot's `warning`
    (if the header shows one), or naming the lateness itself; ahead, the spare time."""
    need = state.replan
    if need is None or not state.replan_helps:
        return ""
    minutes = whole_minutes(need.seconds)
    if not need.behind:
        return t("header.replan_ahead", minutes=-minutes)
    if warning:
        late = ""
    elif need.target is None:
        late = t("header.end_late", minutes=minutes)
    else:
        late = t(
            "risk.fixed",
            title=agenda.slots[need.target].title,
            time=minute_text(state.slots[need.target].planned_start),
            minutes=minutes,
        )
    return "  ·  ".join(part for part in (late, t("header.replan")) if part)


def replan_title(agenda: Agenda, proposal: Proposal | None) -> str:
    """What the re-plan aims at: keeping a fixed slot or the day's end, or giving time."""
    if proposal is None:
        return t("replan.nothing")
    need, planned = proposal.need, minute_text(proposal.target_planned)
    if not need.behind:
        return t("replan.title_ahead", minutes=-whole_minutes(need.seconds))
    if need.target is None:
        return t("replan.title_end", time=planned)
    return t("replan.title_fixed", title=agenda.slots[need.target].title, time=planned)


REPLAN_LINES = ("target", "end", "total", "unsaved", "problems")
"""The lines under a proposal, by name, in the order shown."""


def replan_lines(agenda: Agenda, proposal: Proposal | None) -> dict[str, str]:
    """The lines under a proposal by name (REPLAN_LINES): when the target is expected, when
    the day ends, the cut in all, what cannot be saved, the lengths that cannot be; ""
    where there is nothing to say."""
    if proposal is None:
        return dict.fromkeys(REPLAN_LINES, "")
    need, planned = proposal.need, minute_text(proposal.target_planned)
    expected = minute_text(proposal.target_expected)
    if need.target is None:
        target = t("replan.target_end", expected=expected, planned=planned)
        end = ""
    else:
        target = t(
            "replan.target_fixed",
            title=agenda.slots[need.target].title,
            expected=expected,
            planned=planned,
        )
        end = t("replan.day_end", time=minute_text(proposal.expected_end))
    cut = proposal.cut
    total = ""
    if cut > 0:
        total = t("replan.cut", span=span_text(cut))
    elif cut < 0:
        total = t("replan.given", span=span_text(-cut))
    unsaved = whole_minutes(proposal.unsaved)
    return {
        "target": target,
        "end": end,
        "total": total,
        "unsaved": t("replan.unsaved", minutes=unsaved) if unsaved > 0 else "",
        "problems": "\n".join(proposal.problems.values()),
    }
