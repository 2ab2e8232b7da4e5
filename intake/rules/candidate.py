"""Rules about the candidate: relatives among the staff, and applying again to one vacancy."""

from __future__ import annotations

from intake.config.deadlines import local_time
from intake.config.settings import Config
from intake.rules.facts import Facts
from parsers.declarations import RelativesOutcome
from storage.records import FlagRecord

# Evidence names at most this many staff entries; a common surname would list dozens.
SHOWN_MATCHES = 5


def relative_declared(facts: Facts, config: Config) -> FlagRecord | None:
    """The candidate says a relative works for the organisation."""
    if facts.relatives.outcome is not RelativesOutcome.DECLARED:
        return None
    return FlagRecord("relative_declared", facts.relatives.evidence)


def possible_relative(facts: Facts, config: Config) -> FlagRecord | None:
    """The surname is in the staff register and no relative was declared: a hint, not a verdict."""
    if facts.relatives.outcome is RelativesOutcome.DECLARED or not facts.staff_matches:
        return None
    shown = "; ".join(match.evidence() for match in facts.staff_matches[:SHOWN_MATCHES])
    more = len(facts.staff_matches) - SHOWN_MATCHES
    if more > 0:
        shown += f"; and {more} more"
    said = (
        "the candidate states no relative works here"
        if facts.relatives.outcome is RelativesOutcome.DENIED
        else "the candidate declared no relative"
    )
    return FlagRecord("possible_relative", f"{shown}; {said}; a shared surname is only a hint")


def resubmission(facts: Facts, config: Config) -> FlagRecord | None:
    """The same candidate applied to this vacancy before: this newer message supersedes that."""
    earlier = facts.earlier
    if earlier is None:
        return None
    zone = config.organisation.timezone
    how = "the same address" if earlier.matched_on == "address" else "the same name"
    return FlagRecord(
        "resubmission",
        f"{how} applied to {facts.vacancy.reference if facts.vacancy else 'this vacancy'} "
        f"{earlier.count} time(s) before; this supersedes application {earlier.latest_id} "
        f"received {local_time(earlier.latest_received_at, zone)}",
    )
