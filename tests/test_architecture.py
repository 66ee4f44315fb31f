"""The import structure: no app imports another app's views, no module
imports itself through others (a circle), and the layers below
(site-wide pieces at the bottom) are imported downwards, with at most two
exceptions. Imports inside functions count too: they are how circles hide."""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: a layer may import the layers below it.
LAYERS = ["shinjuku_mynumber", "facilities", "contacts", "pages", "pages.survey"]
# Site-wide modules that must name the apps: the URL map and the sitemap.
ALLOWED_UPWARD = 2


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(module: str) -> str | None:
    for layer in sorted(LAYERS, key=len, reverse=True):
        if module == layer or module.startswith(layer + "."):
            return layer
    return None


def imports() -> dict[str, set[str]]:
    """First-party module -> first-party modules it imports (migrations left out)."""
    graph = {}
    for top in ["shinjuku_mynumber", "facilities", "contacts", "pages"]:
        for path in (ROOT / top).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = module_name(path)
            package = name if path.name == "__init__.py" else name.rpartition(".")[0]
            found = set()
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:
                        anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                        base = ".".join([*anchor, *([base] if base else [])])
                    found.add(base)
                    found.update(f"{base}.{alias.name}" for alias in node.names)
            graph[name] = {m for m in found if app_of(m)}
    modules = set(graph)
    return {name: {m for m in targets if m in modules} - {name} for name, targets in graph.items()}


def test_no_app_imports_another_apps_views():
    offenders = [
        (module, target)
        for module, targets in imports().items()
        for target in targets
        if target.rpartition(".")[2] == "views" and app_of(target) != app_of(module)
    ]
    assert not offenders


def test_no_import_circle():
    graph = imports()
    circles, state = [], {}

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                circles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles


def test_layers_are_imported_downwards():
    upward = sorted(
        (module, target)
        for module, targets in imports().items()
        for target in targets
        if LAYERS.index(app_of(target)) > LAYERS.index(app_of(module))
    )
    assert len(upward) <= ALLOWED_UPWARD, upward


def test_the_checks_see_a_circle_and_a_view_import(monkeypatch):
    # The checks themselves can fail: a module importing another app's views,
    # and a pair importing each other, are caught.
    graph = {"facilities.a": {"pages.views"}, "pages.views": {"facilities.a"}}
    monkeypatch.setattr(sys.modules[__name__], "imports", lambda: graph)
    for check in (test_no_app_imports_another_apps_views, test_no_import_circle):
        try:
            check()
        except AssertionError:
            continue
        raise AssertionError(f"{check.__name__} did not fail")
