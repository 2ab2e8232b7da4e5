"""The HTML page of ``intake summary --chart FILE.html``: the chart as inline SVG, the numbers as
tables, the styles inline; every value escaped by Jinja2, nothing loaded from elsewhere."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment
from markupsafe import Markup

from intake.hr.summary.counts import VacancySummary
from intake.hr.summary.text import AFTER_LABEL, COUNT_LABELS, count_values, group_title

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Applications per vacancy</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.6em; text-align: left; }
td.n { text-align: right; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>Applications per vacancy</h1>
<p>Arrivals per day in {{ zone }}; applications judged late are counted after the deadline.</p>
{{ svg }}
{% for group in groups %}
<h2>{{ group.title }}</h2>
{% if group.deadline %}<p>Deadline: {{ group.deadline }}</p>{% endif %}
<table>
{% for label, value in group.counts %}<tr><th>{{ label }}</th><td class="n">{{ value }}</td></tr>
{% endfor %}</table>
<table>
<tr><th>day</th><th>arrivals</th></tr>
{% for day, count in group.days %}<tr><td>{{ day }}</td><td class="n">{{ count }}</td></tr>
{% endfor %}</table>
{% endfor %}
</body>
</html>
"""


def html_page(summaries: Sequence[VacancySummary], svg: str, zone: str) -> str:
    """The page: ``svg`` (drawn by matplotlib) inline, then each group's numbers."""
    environment = Environment(autoescape=True)
    groups = [
        {
            "title": group_title(summary),
            "deadline": summary.deadline.describe() if summary.deadline else None,
            "counts": list(zip(COUNT_LABELS, count_values(summary.counts), strict=True)),
            "days": [(f"{day:%Y-%m-%d %a}", count) for day, count in summary.days]
            + [(AFTER_LABEL, summary.after_deadline)],
        }
        for summary in summaries
    ]
    # The SVG is matplotlib's own output (it escapes the text it draws): trusted markup.
    return environment.from_string(_PAGE).render(groups=groups, svg=Markup(svg), zone=zone)
