"""Imports only point back down the pipeline (STYLE.md, habit 1)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefing_site"

# Each module may import only modules on an earlier (lower) layer or its own.
LAYERS: list[set[str]] = [
    {"model", "safetext"},
    {"errors", "clock", "progress", "cache", "parallel", "options", "walk", "fetch"},
    {"yamlload"},
    {"config"},
    {"load", "metadata"},
    {"clean"},
    {"classify", "section", "extract", "propose"},
    {"markup", "countdown"},
    {"assemble"},
    {"listings", "lint"},
    {"urls"},
    {"feeds"},
    {"ics", "structured", "sitemap"},
    {"publish", "horizon"},
    {"render", "theme"},
    {"batch"},
    {"write", "lock", "search_order"},
    {"search"},
    {"stamp"},
    {"build"},
    {"live_search"},
    {"explain", "deploy", "scaffold", "preview", "importer"},
    {"watch"},
    {"serve"},
    {"cli", "__main__", "__init__"},
]


def layer_of(name: str) -> int:
    for index, layer in enumerate(LAYERS):
        if name in layer:
            return index
    raise AssertionError(f"module {name} has no layer in test_layers.LAYERS")


def internal_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("briefing_site")
        ):
            rest = node.module.removeprefix("briefing_site").lstrip(".")
            found |= {rest} if rest else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {
                a.name.split(".")[1] for a in node.names if a.name.startswith("briefing_site.")
            }
    return found


def test_every_module_has_a_layer() -> None:
    for path in PACKAGE.glob("*.py"):
        layer_of(path.stem)


def test_imports_point_back_down_the_pipeline() -> None:
    wrong = []
    for path in sorted(PACKAGE.glob("*.py")):
        for imported in internal_imports(path) - {"__version__"}:
            if layer_of(imported) > layer_of(path.stem):
                wrong.append(f"{path.name} imports {imported}")
    assert wrong == []


def test_model_knows_nothing_of_jinja_or_files() -> None:
    source = (PACKAGE / "model.py").read_text()
    assert "jinja2" not in source and "open(" not in source and "pathlib" not in source
