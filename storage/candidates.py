"""Finds what the same candidate sent before for the same vacancy (by address or by name)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, func, or_, select
from sqlalchemy.orm import Session

from storage.models import Application
from storage.records import EarlierApplications


def earlier_applications(
    session: Session,
    vacancy: str,
    sender_key: str | None,
    name_key: str | None,
    received_at: datetime,
) -> EarlierApplications | None:
    """The candidate's applications to ``vacancy`` received no later than ``received_at``."""
    same_candidate = [
        column == key
        for column, key in ((Application.sender_key, sender_key), (Application.name_key, name_key))
        if key
    ]
    if not same_candidate:
        return None
    earlier = (
        Application.vacancy == vacancy,
        Application.received_at <= received_at,
        or_(*same_candidate),
    )
    summary = session.execute(
        select(
            func.count(Application.id),
            func.max(Application.has_cv.cast(Integer)),
            func.max(Application.has_letter.cast(Integer)),
        ).where(*earlier)
    ).one()
    if not summary[0]:
        return None
    latest = session.execute(
        select(Application.id, Application.received_at, Application.sender_key)
        .where(*earlier)
        .order_by(Application.received_at.desc(), Application.id.desc())
        .limit(1)
    ).one()
    return EarlierApplications(
        latest_id=latest.id,
        latest_received_at=latest.received_at,
        count=summary[0],
        has_cv=bool(summary[1]),
        has_letter=bool(summary[2]),
        matched_on="address" if sender_key and latest.sender_key == sender_key else "name",
    )
