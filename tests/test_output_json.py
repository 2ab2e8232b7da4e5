"""The JSON listing is the same array json.dumps gives, written row by row."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from intake.output import write_rows

ROWS: list[list[dict[str, Any]]] = [
    [],
    [{"id": 1, "flags": []}],
    [
        {"id": 1, "subject": "Candidature – Élodie\n\u2028x", "documents": [{"pages": None}]},
        {"id": 2, "late": True, "flags": ["late", "resubmission"]},
    ],
]


@pytest.mark.parametrize("rows", ROWS)
def test_the_json_listing_equals_one_indented_array(rows: list[dict[str, Any]]) -> None:
    stream = io.StringIO()
    write_rows(rows, (), "json", stream)
    assert stream.getvalue() == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(stream.getvalue()) == rows


def test_the_json_listing_writes_each_row_before_reading_the_next() -> None:
    stream = io.StringIO()
    seen_when_asked: list[str] = []

    def rows() -> Iterator[dict[str, Any]]:
        for number in range(3):
            seen_when_asked.append(stream.getvalue())
            yield {"id": number}

    write_rows(rows(), (), "json", stream)
    assert '"id": 0' in seen_when_asked[1]  # the first row was out before the second was read
    assert '"id": 1' in seen_when_asked[2]
