"""The package layout is the architecture, and imports only point back down it (STYLE.md, habit 1).

Two rules, both read from the `import` statements with `ast` (lazy imports inside
functions count too):

- Between sub-packages: each may import only the packages listed for it in
  `MAY_IMPORT`. The pure stages (`config/`, `content/`, `output/`) know nothing
  of the engine (`build/`), the dev server (`dev/`) or the commands; only the
  command line imports `dev/` and `commands/`.
- Inside a package: each module may import only modules on an earlier layer of
  its package in `LAYERS`, or on its own layer, so the order reads as the flow.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefing_site"

# The top-level modules are split in two: `core` (shared by every stage) and
# `entry` (the command line). Every other package is a folder of the same name.
CORE = {"__init__", "model", "safetext", "site", "errors", "clock", "progress", "walk"}
ENTRY = {"cli", "__main__"}

PIPELINE = ["core", "config", "content", "output"]
MAY_IMPORT: dict[str, set[str]] = {
    "core": {"core"},
    "config": {"core", "config"},
    "content": {"core", "config", "content"},
    "output": {"core", "config", "content", "output"},
    "build": {*PIPELINE, "build"},
    "dev": {*PIPELINE, "build", "dev"},
    "commands": {*PIPELINE, "build", "commands"},
    "entry": {*PIPELINE, "build", "dev", "commands", "entry"},
}

# Within each package, earlier layers first.
LAYERS: dict[str, list[set[str]]] = {
    "core": [
        {"__init__", "model", "safetext", "site"},
        {"errors"},
        {"clock", "progress", "walk"},
    ],
    "config": [{"yamlload", "zones"}, {"schema"}],
    "content": [
        {"load", "metadata"},
        {"junk"},
        {"classify", "section"},
        {"markup", "countdown"},
        {"assemble"},
        {"lint"},
    ],
    "output": [
        {"listings", "urls", "eventstatus", "dates", "codegen"},
        {"feeds"},
        {"ics", "structured", "sitemap"},
        {"extras"},
        {"render", "theme"},
    ],
    "build": [
        {"cache", "spill", "parallel", "options"},
        {"horizon", "lazy", "writer", "lock", "search_order", "search_input", "deps", "fragments"},
        {"site_index", "held", "spare_check"},
        {"search_shards", "search_sorts"},
        {"search_pages"},
        {"search_memo"},
        {"batch"},
        {"search"},
        {"unchanged"},
        {"pipeline"},
    ],
    "dev": [{"live_search"}, {"preview"}, {"watch"}, {"serve"}],
    "commands": [
        {"fetch", "propose", "language"},
        {"stamp"},
        {"extract"},
        {"explain", "deploy", "scaffold", "importer"},
    ],
    "entry": [{"cli"}, {"__main__"}],
}


def place(module: str) -> tuple[str, int]:
    """(package, layer) of a dotted module name relative to briefing_site."""
    if "." in module:
        package, name = module.split(".", 1)
    else:
        package = "core" if module in CORE else "entry" if module in ENTRY else ""
        name = module
    for index, layer in enumerate(LAYERS.get(package, [])):
        if name in layer:
            return package, index
    raise AssertionError(f"module {module} has no place in test_layers.LAYERS")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            continue  # a sub-package's docstring; it imports nothing
        found[".".join(parts)] = path
    return found


def internal_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "briefing_site":
                found |= {"__init__" if a.name == "__version__" else a.name for a in node.names}
            elif node.module.startswith("briefing_site."):
                found.add(node.module.removeprefix("briefing_site."))
        elif isinstance(node, ast.Import):
            found |= {
                a.name.removeprefix("briefing_site.")
                for a in node.names
                if a.name.startswith("briefing_site.")
            }
    return found


def test_every_module_has_a_place() -> None:
    for module in modules():
        place(module)


def test_sub_packages_have_no_stray_modules() -> None:
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert folders == set(MAY_IMPORT) - {"core", "entry"}


def test_packages_import_only_what_they_may() -> None:
    wrong = []
    for module, path in modules().items():
        package = place(module)[0]
        for imported in internal_imports(path):
            if place(imported)[0] not in MAY_IMPORT[package]:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_imports_point_back_down_each_package() -> None:
    wrong = []
    for module, path in modules().items():
        package, layer = place(module)
        for imported in internal_imports(path):
            other, other_layer = place(imported)
            if other == package and other_layer > layer:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_the_rules_can_fail() -> None:
    """A stage that reached up into the engine would be caught."""
    assert place("build.pipeline")[0] not in MAY_IMPORT[place("content.load")[0]]
    assert place("dev.preview")[0] not in MAY_IMPORT[place("build.pipeline")[0]]
    assert place("commands.deploy")[0] not in MAY_IMPORT[place("dev.serve")[0]]


def test_model_knows_nothing_of_jinja_or_files() -> None:
    source = (PACKAGE / "model.py").read_text()
    assert "jinja2" not in source and "open(" not in source and "pathlib" not in source
