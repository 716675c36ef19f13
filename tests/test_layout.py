"""The layout: presslint's modules import each other without cycles.

The import graph is read from the source with ``ast``: module-level and function-level imports both count (a
function-level import only delays a cycle until the function runs), and importing ``a.b.c`` also runs the package
``__init__``s of ``a.b`` and ``a``. Imports under ``if TYPE_CHECKING:`` never run and do not count; neither do
``importlib.import_module`` calls with computed names (the registry's checks, the eval tasks).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def modules(src: Path, package: str) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package ``__init__``)."""
    out = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return out


def _type_checking_only(tree: ast.AST) -> set[ast.AST]:
    skipped: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skipped.update(ast.walk(child))
    return skipped


def _imports(name: str, is_package: bool, tree: ast.AST, mods: dict) -> list[tuple[str, bool]]:
    """(imported module, whether the module itself is needed) for every import statement that runs."""
    skipped = _type_checking_only(tree)
    out = []
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Import):
            out.extend((alias.name, True) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                if f"{module}.{alias.name}" in mods:
                    out.append((f"{module}.{alias.name}", False))  # a submodule
                else:
                    out.append((module, True))  # a name the module defines: the module must have run
    return out


def import_graph(src: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of ``package`` that importing it runs (directly)."""
    mods = modules(src, package)
    graph: dict[str, set[str]] = {name: set() for name in mods}
    for name, (path, is_package) in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        for target, whole in _imports(name, is_package, tree, mods):
            # Importing a.b.c runs a/__init__ and a/b/__init__ first; the importer's own ancestors are already
            # running, so they count only when a name they define is imported.
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                module = ".".join(parts[:i])
                needed = module not in ancestors or (whole and i == len(parts))
                if module in mods and module != name and needed:
                    graph[name].add(module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle per strongly connected component with more than one module (Tarjan, then BFS)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    out = []
    for component in components:
        start = min(component)
        paths = {start: [start]}
        queue = [start]
        found = None
        while queue and found is None:
            v = queue.pop(0)
            for w in sorted(graph[v] & component):
                if w == start:
                    found = [*paths[v], start]
                    break
                if w not in paths:
                    paths[w] = [*paths[v], w]
                    queue.append(w)
        out.append(found or sorted(component))
    return sorted(out)


def test_layout_import_graph_has_no_cycles():
    graph = import_graph(SRC, "presslint")
    assert len(graph) > 90 and "presslint.corpus.compare" in graph["presslint.corpus.alignments"]
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


# Small packages written for the test: the graph and the cycle finder must see what the real tree would hide.
PACKAGES = [
    (
        "function-level imports both ways",
        {
            "pkg/__init__.py": "",
            "pkg/compare.py": "def render():\n    from .align import rows\n    return rows()\n",
            "pkg/align.py": "from . import compare\n\ndef rows():\n    return compare\n",
        },
        [["pkg.align", "pkg.compare", "pkg.align"]],
    ),
    (
        "through a package __init__ that re-exports",
        {
            "pkg/__init__.py": "",
            "pkg/store/__init__.py": "from .facts import load\n",
            "pkg/store/facts.py": "def load():\n    from pkg.claims import FactCheck\n    return FactCheck\n",
            "pkg/claims.py": "class FactCheck: ...\n\ndef index(store):\n    from .store import load\n",
        },
        [["pkg.claims", "pkg.store", "pkg.store.facts", "pkg.claims"]],
    ),
    (
        "a submodule importing a name its own package defines after importing it",
        {
            "pkg/__init__.py": "from .cli import main\nVERSION = '1'\n",
            "pkg/cli.py": "from . import VERSION\n\ndef main():\n    return VERSION\n",
        },
        [["pkg", "pkg.cli", "pkg"]],
    ),
    (
        "a package __init__ importing its submodules, which import their siblings: no cycle",
        {
            "pkg/__init__.py": "from .api import check\n",
            "pkg/api.py": "from .model import Report\nfrom . import model\n\ndef check():\n    return Report\n",
            "pkg/model/__init__.py": "from .article import Report\n",
            "pkg/model/article.py": "from .. import registry\n\nclass Report: ...\n",
            "pkg/registry.py": "import importlib\n",
        },
        [],
    ),
    (
        "type-checking imports never run: no cycle",
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n",
            "pkg/b.py": "from .a import A\nclass B: ...\n",
        },
        [],
    ),
]


@pytest.mark.parametrize("files, expected", [p[1:] for p in PACKAGES], ids=[p[0] for p in PACKAGES])
def test_layout_cycle_finder_on_small_packages(tmp_path, files, expected):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert cycles(import_graph(tmp_path, "pkg")) == expected
