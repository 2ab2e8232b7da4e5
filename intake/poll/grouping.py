"""Groups a stored application into its candidate, in the caller's transaction, and judges the
candidate again over all their applications."""

from __future__ import annotations

from sqlalchemy.orm import Session

from intake.rules.grouping import IdentityFacts, Join, KeyMatch, choose
from intake.rules.identity import sender_key
from intake.rules.judgement import Member, judge_candidate
from parsers.identity.contacts import email_keys, phone_keys
from parsers.identity.thread import replied_ids
from storage import candidate_store
from storage.candidate_models import Candidate
from storage.models import Application
from storage.records import FlagRecord

#: Links HR set by hand: reading the application again keeps them.
HR_LINKS = frozenset({"hr_merge", "hr_split"})
#: Documents whose text may hold the candidate's phone number and address.
CONTACT_KINDS = frozenset({"cv", "motivation_letter"})


def identity_facts(application: Application) -> IdentityFacts:
    """What says who sent the application: address, name, CV contacts, thread."""
    texts = [doc.text or "" for doc in application.documents if doc.kind in CONTACT_KINDS]
    texts.append(application.body_text or "")
    # Each text on its own: contact details stand at the top of each, and each is searched
    # only so far (parsers.identity.contacts.TEXT_LIMIT).
    phones = tuple(dict.fromkeys(phone for text in texts for phone in phone_keys(text)))
    emails = tuple(dict.fromkeys(email for text in texts for email in email_keys(text)))
    own = sender_key(application.sender)
    ack = application.acknowledgement
    return IdentityFacts(
        sender_key=own,
        # The subject's name, else the sender's display name (compared, never trusted alone).
        name=application.candidate_name or application.sender_name,
        phones=phones,
        emails=tuple(email for email in emails if email != own),
        message_id=application.message.message_id,
        replies_to=replied_ids(application.message.raw or b""),
        acknowledgement_id=ack.outbound_message_id if ack is not None else None,
    )


def group_by_id(session: Session, application_id: int) -> int | None:
    """``group_application`` for the application of this id; None when it is gone."""
    application = session.get(Application, application_id)
    return None if application is None else group_application(session, application)


def group_application(session: Session, application: Application, new: bool = False) -> int:
    """Put the application in its candidate (a new one when none matches); the candidate id.

    An application HR placed by hand (split or merge) stays where HR put it; one already
    grouped stays in its candidate unless its vacancy changed. ``new``: the application was
    stored in this transaction, so it has no identity keys and no candidate yet.
    """
    facts = identity_facts(application)
    candidate_store.save_keys(session, application.id, facts.stored_keys(), new)
    current = None if new else candidate_store.candidate_of(session, application.id)
    if current is not None and current.matched_on in HR_LINKS:
        rejudge(session, current.candidate_id)
        return current.candidate_id
    sought = facts.sought_keys()
    rows = candidate_store.shared_keys(session, application.id, application.vacancy, sought)
    join = choose(
        facts, [KeyMatch(row.candidate_id, row.kind, row.value, row.name) for row in rows]
    )
    before = current.candidate_id if current is not None else None
    if before is not None and _stays(session, application, before, join):
        rejudge(session, before)
        return before
    if join is None:
        candidate = candidate_store.new_candidate(session, application)
        candidate_id = candidate.id
        candidate_store.link(session, application, candidate_id, "first", "its first message", new)
        _judge(session, candidate, [application], new=True)  # its only member
    else:
        candidate_id = candidate_store.link(
            session, application, join.candidate_id, join.matched_on, join.reason, new
        )
        rejudge(session, candidate_id)
    if before is not None and before != candidate_id:
        settle(session, before)
    return candidate_id


def _stays(
    session: Session, application: Application, candidate_id: int, join: Join | None
) -> bool:
    """Read again, a grouped application keeps its candidate (and HR's decisions and
    corrections on it) as long as the vacancy is the same: regrouping never undoes a split by
    pulling an application back through an address it shares."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        return False
    return candidate.vacancy == application.vacancy or (
        join is not None and join.candidate_id == candidate_id
    )


def settle(session: Session, candidate_id: int) -> None:
    """After an application left the candidate: judge it again, or delete it when empty."""
    if not candidate_store.drop_if_empty(session, candidate_id):
        rejudge(session, candidate_id)


def rejudge(session: Session, candidate_id: int) -> None:
    """Judge the candidate again over all their applications and store the result."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is not None:
        _judge(session, candidate, candidate_store.members(session, candidate_id))


def _judge(
    session: Session, candidate: Candidate, applications: list[Application], new: bool = False
) -> None:
    """Store the judgement of ``applications`` on the candidate (``new``: it has no flags)."""
    judgement = judge_candidate([_member(app) for app in applications])
    candidate.candidate_name = judgement.candidate_name
    candidate.complete = judgement.complete
    candidate.late = judgement.late
    candidate.has_cv = judgement.has_cv
    candidate.has_letter = judgement.has_letter
    candidate.relatives = judgement.relatives
    candidate_store.save_flags(session, candidate, judgement.flags, new)
    session.flush()


def _member(application: Application) -> Member:
    return Member(
        application_id=application.id,
        received_at=application.received_at,
        sender=application.sender,
        candidate_name=application.candidate_name,
        late=application.late,
        has_cv=application.has_cv,
        has_letter=application.has_letter,
        relatives=application.relatives,
        flags=tuple(FlagRecord(flag.code, flag.evidence) for flag in application.flags),
    )
