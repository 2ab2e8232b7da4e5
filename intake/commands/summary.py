"""``intake summary``: per vacancy, the counts HR reports and the arrivals per day."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK
from intake.hr.summary.chart import chart_format, text_chart, write_chart
from intake.hr.summary.counts import build_summary
from intake.hr.summary.text import chart_heading, group_title, summary_dict, summary_lines
from intake.terminal_text import text_width


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the summary (and draw the chart file when asked)."""
    chart = Path(args.chart) if args.chart else None
    if chart is not None:
        chart_format(chart)  # a wrong extension is refused before any work
    with runtime_for(config) as runtime, runtime.sessions() as session:
        summaries = build_summary(session, config, args.vacancy)
    zone = config.organisation.timezone.key
    if args.format == "json":
        json.dump(
            [summary_dict(one) for one in summaries], sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    else:
        lines: list[str] = []
        for one in summaries:
            lines.extend(summary_lines(one, group_title(one)))
            if not args.brief:
                lines.extend([chart_heading(zone), *text_chart(one, text_width())])
            lines.append("")
        sys.stdout.write("".join(line + "\n" for line in lines))
    if chart is not None:
        write_chart(chart, summaries, zone)
        print(f"chart written to {chart}", file=sys.stderr)
    return EXIT_OK
