"""The checkout's bytecode compiled once, so that the benchmarks' children start as an
installed package does.

``pip install`` compiles every module it installs (the Docker image's, a systemd host's), so a
deployed ``intake`` never compiles at start. A development checkout on a machine that sets
``PYTHONDONTWRITEBYTECODE`` (this project's does) compiles the project's modules again in every
process, which counts against whichever side of a benchmark imports more of them. Python still
reads bytecode that exists under that setting; it only never writes it.
"""

from __future__ import annotations

import compileall
import os
from importlib.util import cache_from_source
from pathlib import Path

#: The packages whose modules the benchmarks' children import from the checkout.
PACKAGES = ("intake", "parsers", "storage", "migrations", "benchmarks")
ROOT = Path(__file__).resolve().parent.parent


def compile_checkout(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> str:
    """Compile ``packages`` into their ``__pycache__`` folders (git ignores them); returns a
    line saying how that went, for the benchmark's header.

    A package that cannot be compiled (a read-only checkout) does not stop the benchmark: the
    line says that its modules are compiled at every start instead.
    """
    failed = [
        package for package in packages if not compileall.compile_dir(root / package, quiet=1)
    ]
    if failed:
        return (
            f"bytecode: could not compile {', '.join(failed)} beforehand; "
            "those modules are compiled at every start"
        )
    return "bytecode: the checkout's compiled beforehand, as an installed package has it"


def children_read_bytecode(root: Path = ROOT) -> bool:
    """Whether a child started now reads compiled modules of the checkout: it writes its own,
    or an earlier run of ``compile_checkout`` left them (they stay in ``__pycache__``)."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return True
    return Path(cache_from_source(str(root / "intake" / "cli.py"))).exists()
