"""Line endings normalised for the content fingerprint: the fast form keeps every stored hash."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from parsers.fingerprint import content_fingerprint, unix_line_breaks

# The substitution the fingerprint was first written with: hashes stored since then rely on it.
FIRST_FORM = re.compile(rb"\r\n|\r|\n")
LINE_SOUP = st.lists(st.sampled_from([b"\r", b"\n", b"\r\n", b"a", b" "]), max_size=60).map(
    b"".join
)


@given(LINE_SOUP)
def test_any_mix_of_cr_lf_and_crlf_normalises_as_the_first_substitution_did(data: bytes) -> None:
    assert unix_line_breaks(data) == FIRST_FORM.sub(b"\n", data)


def test_message_sent_with_crlf_and_stored_with_lf_has_one_fingerprint() -> None:
    crlf = b"From: a@example.org\r\nSubject: CV\r\n\r\nDear HR,\r\nplease find\r\rattached\r\n"
    lf = b"From: a@example.org\nSubject: CV\n\nDear HR,\nplease find\n\nattached\n"
    assert content_fingerprint(crlf) == content_fingerprint(lf)
