"""The package's import graph, read from the source (every import, also inside functions)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

# What each part of the package may import of the package itself (by dotted prefix) and of
# other distributions (by top-level name). The folder's `__init__` docstring says the same.
PLAIN = ("xlplugin.text", "xlplugin.errors")
CORE = ("xlplugin.core", *PLAIN)
RULES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "xlplugin.text": ((), ()),
    "xlplugin.errors": (("xlplugin.text",), ()),
    "xlplugin.core": (CORE, ()),
    "xlplugin.files": (("xlplugin.files", *PLAIN), ("msoffcrypto",)),  # recognises encrypted files
    "xlplugin.workbook": (("xlplugin.workbook", "xlplugin.files", *CORE),
                          ("openpyxl", "python_calamine", "defusedxml", "lxml", "msoffcrypto")),
    "xlplugin.deck": (("xlplugin.deck", "xlplugin.files", *CORE), ("pptx", "lxml")),
    "xlplugin.surveys": (("xlplugin.surveys", "xlplugin.workbook", "xlplugin.files", *CORE),
                         ("openpyxl", "python_calamine", "defusedxml")),
    "xlplugin.api": (("xlplugin.workbook", "xlplugin.deck", "xlplugin.files", *CORE), ()),
    "xlplugin.batch": (("xlplugin.api", "xlplugin.workbook", "xlplugin.files", *CORE), ()),
    "xlplugin.hosts": (("xlplugin.hosts", "xlplugin.api", "xlplugin.workbook", "xlplugin.files", *CORE), ()),
    "xlplugin.excel": (("xlplugin.excel", "xlplugin.hosts", "xlplugin.workbook", "xlplugin.files", *CORE),
                       ("xlwings", "pyopenvba", "lxml")),
    "xlplugin.lite": (("xlplugin.lite", "xlplugin.excel.surface", "xlplugin.hosts", "xlplugin.files", *CORE),
                      ("xlwings",)),
    "xlplugin.calc": (("xlplugin.calc", "xlplugin.hosts", "xlplugin.workbook", "xlplugin.files", *CORE),
                      ("uno", "unohelper", "com")),
    "xlplugin.cli": (("xlplugin",), ()),
    "xlplugin.__main__": (("xlplugin.cli",), ()),
    "xlplugin": ((), ()),
}
ANYWHERE = ("xlplugin",)  # `from xlplugin import __version__`: the package's own __init__, which imports nothing


def modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module under `root` (the folder holding `xlplugin/`)."""
    found = {}
    for path in sorted((root / "xlplugin").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(root: Path) -> dict[str, list[tuple[str, int]]]:
    """Dotted name -> the (module, line) pairs it imports, resolved to absolute names; a name
    imported from a package that is one of its modules counts as that module."""
    known = modules(root)
    graph: dict[str, list[tuple[str, int]]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = []
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                edges += [(alias.name, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    edges.append((sub if sub in known else base, node.lineno))
        graph[name] = edges
    return graph


def rule_for(module: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    best = max((k for k in RULES if module == k or module.startswith(k + ".")), key=len)
    return RULES[best]


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(root: Path) -> list[str]:
    """Every import that breaks the rules above, as 'file:line imports name'."""
    out = []
    for module, edges in imports(root).items():
        inside, outside = rule_for(module)
        for target, line in edges:
            top = target.split(".")[0]
            if top == "xlplugin":
                if target == module or target in ANYWHERE or _within(target, inside):
                    continue
            elif top in sys.stdlib_module_names or top == "__future__" or top in outside:
                continue
            out.append(f"{module.replace('.', '/')}.py:{line} imports {target}")
    return out


def cycles(root: Path) -> list[list[str]]:
    """The import cycles among the package's modules (Tarjan's strongly connected components)."""
    graph = {m: sorted({t for t, _ in e if t in imports_cache(root)}) for m, e in imports_cache(root).items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    sys.setrecursionlimit(10_000)

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


_CACHE: dict[Path, dict[str, list[tuple[str, int]]]] = {}


def imports_cache(root: Path) -> dict[str, list[tuple[str, int]]]:
    if root not in _CACHE:
        _CACHE[root] = imports(root)
    return _CACHE[root]
