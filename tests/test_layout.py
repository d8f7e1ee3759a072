"""The package's layout holds: no import circles in src/ (a module never imports, even inside
a function, one that imports it back), and no module over 500 lines."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "crossbearing"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, known: set[str]) -> set[str]:
    """The crossbearing modules ``path`` imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in known}


def test_no_import_circles():
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: imports(path, set(paths)) - {name} for name, path in paths.items()}
    graph = {name: {t for t in targets if not name.startswith(t + ".")}  # a package's own
             for name, targets in graph.items()}                         # __init__ is above it
    circles, state = [], {}

    def visit(name, trail):
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                circles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_no_module_over_500_lines():
    long = {str(p.relative_to(SRC)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}


def test_every_module_is_named_in_the_architecture_document():
    """docs/architecture.md names every module: by its path, or by its file name (or, for the
    command line's modules, its name) in the row of its folder."""
    doc = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `")]
    unnamed = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if path.name == "__init__.py" and relative.parent.parts:
            continue
        folder = relative.parent.as_posix()
        in_row = any(row.startswith(f"| `{folder}/") and (
            f"`{path.name}`" in row or f", {path.name}" in row or f"`{path.stem}`" in row)
            for row in rows)
        if relative.as_posix() not in doc and not in_row and not (
                folder == "." and f"`{path.name}`" in doc):
            unnamed.append(relative.as_posix())
    assert unnamed == []
