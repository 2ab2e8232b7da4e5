"""Flags HR must check, as small named rules in one ordered table (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from intake.config import Config
from parsers.model import ParsedMessage
from storage.records import DocumentRecord, FlagRecord


@dataclass(frozen=True)
class Facts:
    """Everything the rules may look at for one application."""

    message: ParsedMessage
    message_size: int
    documents: tuple[DocumentRecord, ...]
    truncated: bool


Rule = Callable[[Facts, Config], FlagRecord | None]


def oversized(facts: Facts, config: Config) -> FlagRecord | None:
    """The message, or one of its attachments, crossed a configured size or count limit."""
    limits = config.limits
    if facts.truncated:
        return FlagRecord(
            "oversized",
            f"message is {facts.message_size} bytes, over max_message_bytes "
            f"({limits.max_message_bytes}); stored, attachments not extracted",
        )
    rejected = [doc for doc in facts.documents if doc.status == "rejected"]
    if rejected:
        reasons = "; ".join(f"{doc.filename}: {doc.error}" for doc in rejected)
        return FlagRecord("oversized", reasons)
    return None


RULES: tuple[tuple[str, Rule], ...] = (("oversized", oversized),)


def judge(
    facts: Facts, config: Config, rules: Iterable[tuple[str, Rule]] = RULES
) -> tuple[FlagRecord, ...]:
    """Run every rule in order and collect the flags they raise."""
    flags = (rule(facts, config) for _name, rule in rules)
    return tuple(flag for flag in flags if flag is not None)
