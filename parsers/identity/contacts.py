"""Phone numbers and email addresses written in a CV or letter, as keys to compare people by.

Phone numbers are found with ``phonenumbers`` (Google's libphonenumber rules: it knows which
digit runs are plausible numbers, so dates, postcodes and years are not taken for phones).
The key is the national significant number, without country code or trunk zero, so
``+32 470 12 34 56`` written in one CV and ``0470 12 34 56`` in another meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

#: Regions tried for numbers written without a country code (national format).
NATIONAL_REGIONS = ("BE", "FR", "GB", "DE", "NL", "US")
#: Shorter numbers are too often something else (an extension, a reference).
MIN_DIGITS = 8
#: Contact details stand at the top of a CV: only this many characters are searched.
TEXT_LIMIT = 6_000
#: At most this many keys of each kind per text: a CV listing referees' numbers stays small.
MAX_KEYS = 12
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")


def phone_keys(text: str) -> tuple[str, ...]:
    """The phone numbers in ``text`` as national significant numbers, in order, no repeats."""
    return _phone_keys_of_lines(_lines_with_enough_digits(text[:TEXT_LIMIT]))


def _lines_with_enough_digits(text: str) -> str:
    """Only the lines that hold ``MIN_DIGITS`` digits: a number never spans two lines (the
    matcher stops at a line break), so the rest cannot hold one, and the matcher's checks of
    every date and year there are the costly part."""
    return "\n".join(line for line in text.splitlines() if len(_DIGIT.findall(line)) >= MIN_DIGITS)


# The same CV and letter are searched when the application is judged and when it is grouped.
@lru_cache(maxsize=64)
def _phone_keys_of_lines(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    found: dict[str, None] = {}
    for region in (None, *NATIONAL_REGIONS):
        for match in phonenumbers.PhoneNumberMatcher(text, region or "ZZ"):
            digits = str(match.number.national_number)
            if len(digits) >= MIN_DIGITS:
                found.setdefault(digits)
        if len(found) >= MAX_KEYS:
            break
    return tuple(found)[:MAX_KEYS]


def email_keys(text: str) -> tuple[str, ...]:
    """The email addresses written in ``text``, lower-cased, in order, no repeats."""
    found = dict.fromkeys(
        match.group(0).strip(".").lower() for match in _EMAIL.finditer(text[:TEXT_LIMIT])
    )
    return tuple(found)[:MAX_KEYS]
