"""The layout holds: no import circle anywhere, a small intake/ root, every wing documented."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("intake", "parsers", "storage")
WINGS = ("config", "mailbox", "poll", "rules", "acks", "hr", "web", "reprocess", "commands")


def import_graph() -> dict[str, set[str]]:
    """Every module of intake/, parsers/ and storage/ and the project modules it imports
    (imports inside functions and under TYPE_CHECKING included)."""
    graph = grimp.build_graph(*PACKAGES, include_external_packages=False)
    return {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}


def circles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, without recursion)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in order:
            continue
        work = [(root, iter(sorted(graph[root])))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, ())))))
                elif target in on_stack:
                    low[module] = min(low[module], order[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == order[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert circles(import_graph()) == []


def test_a_circle_of_three_modules_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


def test_the_intake_root_keeps_at_most_eight_modules() -> None:
    root_modules = sorted(path.name for path in (REPO / "intake").glob("*.py"))
    assert len(root_modules) <= 8, root_modules


def test_every_wing_is_a_package_that_says_what_it_owns() -> None:
    for wing in WINGS:
        init = REPO / "intake" / wing / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring is not None and docstring.startswith(f"The {wing} wing"), wing
        assert "import" in docstring, f"{wing}: the docstring says what the wing may import"
