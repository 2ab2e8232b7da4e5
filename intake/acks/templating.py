"""The Jinja2 environment of the acknowledgement templates: operator overrides first."""

from __future__ import annotations

import functools
import traceback
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import jinja2

from intake.acks.errors import AckTemplateError

TEMPLATE_SUFFIX = ".j2"
# Errors a broken template can raise while it renders (StrictUndefined raises UndefinedError).
_RENDER_ERRORS = (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError)


@functools.cache
def environment(templates_dir: Path | None) -> jinja2.Environment:
    """The environment for one override directory (None: shipped templates only), built once."""
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("intake.acks", "templates")]
    if templates_dir is not None:
        if not templates_dir.is_dir():
            raise AckTemplateError(str(templates_dir), None, "override directory not found")
        loaders.insert(0, jinja2.FileSystemLoader(templates_dir))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2", "html"), default_for_string=False, default=False
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["utc_offset"] = utc_offset
    env.filters["plain"] = plain
    return env


def template_names(templates_dir: Path | None) -> frozenset[str]:
    """Names of every template the environment can load, shipped or overridden."""
    names = environment(templates_dir).list_templates(extensions=[TEMPLATE_SUFFIX[1:]])
    return frozenset(names)


def render(templates_dir: Path | None, name: str, context: Mapping[str, object]) -> str:
    """The named template rendered; a broken or missing one raises AckTemplateError."""
    env = environment(templates_dir)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise AckTemplateError(
            exc.filename or exc.name or name, exc.lineno, exc.message or ""
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise AckTemplateError(name, None, f"template not found: {exc}") from exc
    except _RENDER_ERRORS as exc:
        filename, line = _template_frame(exc, name)
        raise AckTemplateError(filename, line, str(exc)) from exc


def utc_offset(moment: datetime) -> str:
    """The moment's offset from UTC as "+01:00" (filter ``utc_offset``)."""
    offset = moment.utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def plain(value: object) -> str:
    """The value as plain text (filter ``plain``): Jinja marks what a macro returns as safe
    markup, so an HTML template writes ``{{ say.sentence() | plain }}`` to have it escaped."""
    return str.__str__(str(value))


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    """File and line of the innermost template frame of a render error (Jinja rewrites the
    traceback so template frames carry the template file and line)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return name, None
    return frames[-1].filename, frames[-1].lineno
