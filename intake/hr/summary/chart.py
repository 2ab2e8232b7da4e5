"""Arrivals per day drawn as a text bar chart for the terminal, and as a PNG or HTML file.

The files are drawn with matplotlib (Agg backend, imported only when a file is asked for); the
HTML page is self-contained: inline SVG and inline CSS, nothing fetched from anywhere.
"""

from __future__ import annotations

import io
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from intake.errors import IntakeError, UsageError
from intake.hr.summary.counts import VacancySummary
from intake.hr.summary.text import AFTER_LABEL, group_title

CHART_FORMATS = (".png", ".html")
_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL_BLOCK = "█"
DEADLINE_MARK = "◄ deadline"
MOST_TICKS = 14
WIDEST_BAR = 60


def chart_format(path: Path) -> str:
    """The chart format a file name asks for; a UsageError for any other extension."""
    suffix = path.suffix.lower()
    if suffix not in CHART_FORMATS:
        raise UsageError(f"--chart: {path.name!r} must end in .png or .html")
    return suffix


def text_chart(summary: VacancySummary, width: int) -> list[str]:
    """One line per day (date, bar, count, the deadline day marked), then the late ones."""
    rows = [
        (f"{day:%Y-%m-%d %a}", count, DEADLINE_MARK if day == summary.deadline_day else "")
        for day, count in summary.days
    ]
    if summary.after_deadline or summary.deadline_day is not None:
        rows.append((AFTER_LABEL, summary.after_deadline, ""))
    if not summary.days and not summary.after_deadline:
        return ["  no arrivals"]
    label_width = max(len(label) for label, _count, _mark in rows)
    count_width = max(len(str(count)) for _label, count, _mark in rows)
    bar_width = min(WIDEST_BAR, max(10, width - label_width - count_width - len(DEADLINE_MARK) - 8))
    most = max(count for _label, count, _mark in rows) or 1
    return [
        f"  {label:<{label_width}}  {_bar(count, most, bar_width)}  {count:>{count_width}}"
        + (f"  {mark}" if mark else "")
        for label, count, mark in rows
    ]


def _bar(count: int, most: int, width: int) -> str:
    """A bar of ``count`` out of ``most`` in ``width`` characters, to an eighth of one."""
    eighths = round(count * width * 8 / most)
    if count and not eighths:
        eighths = 1
    full, part = divmod(eighths, 8)
    return (_FULL_BLOCK * full + (_EIGHTHS[part] if part else "")).ljust(width)


def write_chart(path: Path, summaries: Sequence[VacancySummary], zone_name: str) -> None:
    """Draw the arrivals of every group into ``path`` (.png or .html), written atomically."""
    if chart_format(path) == ".png":
        data = _figure_bytes(summaries, zone_name, "png")
    else:
        from intake.hr.summary.page import html_page

        svg = _figure_bytes(summaries, zone_name, "svg").decode("utf-8")
        data = html_page(summaries, svg[svg.index("<svg") :], zone_name).encode("utf-8")
    _write_atomically(path, data)


def chart_png(summaries: Sequence[VacancySummary], zone_name: str) -> bytes:
    """The chart as PNG bytes (the web console serves it as an image)."""
    return _figure_bytes(summaries, zone_name, "png")


def _figure_bytes(summaries: Sequence[VacancySummary], zone_name: str, fmt: str) -> bytes:
    """The chart as PNG or SVG bytes: one panel per group, bars per day, the deadline marked."""
    _writable_matplotlib_config()
    _quiet_matplotlib()
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 2.6 * max(1, len(summaries))), layout="constrained")
    panels = figure.subplots(max(1, len(summaries)), 1, squeeze=False)[:, 0]
    for panel, summary in zip(panels, summaries, strict=False):
        _draw_panel(panel, summary, zone_name)
    buffer = io.BytesIO()
    # No date (the same summary gives the same file) and no creator links in the SVG.
    metadata = dict.fromkeys(("Date", "Creator", "Format", "Type")) if fmt == "svg" else {}
    figure.savefig(buffer, format=fmt, dpi=100, metadata=metadata)
    return buffer.getvalue()


def _draw_panel(panel: Any, summary: VacancySummary, zone_name: str) -> None:
    labels = [f"{day:%d %b}" for day, _count in summary.days]
    counts = [count for _day, count in summary.days]
    colours = ["#3b6ea8"] * len(counts)
    if summary.after_deadline or summary.deadline_day is not None:
        labels.append("after\ndeadline")
        counts.append(summary.after_deadline)
        colours.append("#c0392b")
    panel.set_title(group_title(summary), loc="left", fontsize=10, parse_math=False)
    if not summary.days and not summary.after_deadline:
        panel.text(0.5, 0.5, "no arrivals", ha="center", va="center", transform=panel.transAxes)
        panel.set_axis_off()
        return
    positions = list(range(len(counts)))
    panel.bar(positions, counts, color=colours)
    ticks = _tick_positions(len(summary.days), len(counts))
    panel.set_xticks(ticks, [labels[i] for i in ticks], fontsize=7, parse_math=False)
    panel.set_ylabel(f"arrivals per day\n({zone_name})", fontsize=8)
    panel.yaxis.get_major_locator().set_params(integer=True)
    days = [day for day, _count in summary.days]
    if summary.deadline_day in days:
        where = days.index(summary.deadline_day) + 0.5
        panel.axvline(where, color="#c0392b", linestyle="--", linewidth=1)
        panel.annotate("deadline", (where, 1), xycoords=("data", "axes fraction"), fontsize=8,
                       color="#c0392b", ha="center", va="bottom", xytext=(0, 2),
                       textcoords="offset points")  # fmt: skip


def _tick_positions(day_count: int, bar_count: int) -> list[int]:
    """At most about MOST_TICKS day labels, evenly spaced, and the after-deadline bar's."""
    step = -(-day_count // MOST_TICKS) or 1
    return [*range(0, day_count, step), *range(day_count, bar_count)]


def _writable_matplotlib_config() -> None:
    """matplotlib keeps a font cache under the home folder; a service account may have none."""
    if "MPLCONFIGDIR" in os.environ:
        return
    try:
        writable = os.access(Path.home(), os.W_OK)
    except RuntimeError:  # no home folder can be determined
        writable = False
    if not writable:
        os.environ["MPLCONFIGDIR"] = tempfile.mkdtemp(prefix="intake-matplotlib-")


def _quiet_matplotlib() -> None:
    """matplotlib logs its font cache being built at INFO: not news for HR."""
    chatter = logging.getLogger("matplotlib")
    if chatter.level == logging.NOTSET:
        chatter.setLevel(logging.WARNING)


def _write_atomically(path: Path, data: bytes) -> None:
    """A temporary file next to ``path``, renamed over it once complete."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    except OSError as exc:
        raise IntakeError(f"cannot write the chart {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(0o666 & ~_umask())  # mkstemp makes it private; a chart is not
        Path(temporary).replace(path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise IntakeError(f"cannot write the chart {path}: {exc.strerror}") from exc


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
