"""The MkDocs glue uses only what MkDocs makes public: a minor release of MkDocs may change anything private.

An attribute whose name starts with one underscore is private to whoever
defines it. The glue may use its own (``self._x`` in a class of its own), but
no private attribute of anything else: not of an object, not of a module, not
through ``super()``, not through ``getattr``, and not of ``self`` in a class
derived from MkDocs (those belong to MkDocs).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GLUE = Path(__file__).resolve().parent.parent / "generator" / "mkdocs"


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _mkdocs_names(tree: ast.Module) -> set[str]:
    """The names a module binds to something of MkDocs."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "mkdocs":
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {
                alias.asname or alias.name.split(".")[0] for alias in node.names if alias.name.startswith("mkdocs")
            }
    return names


def _root(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def private_uses(source: str) -> list[str]:
    """Every use of a private attribute that is not the module's own, as "line: expression"."""
    tree = ast.parse(source)
    mkdocs = _mkdocs_names(tree)
    own_classes: list[ast.ClassDef] = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and not any(_root(base) in mkdocs for base in node.bases)
    ]
    own = {id(node) for cls in own_classes for node in ast.walk(cls)}
    found = []
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute) and _private(node.attr):
            is_self = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if not (is_self and id(node) in own):
                name = node.attr
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
        ):
            name = node.args[1].value
        if name is not None:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("module", sorted(path.name for path in GLUE.glob("*.py")))
def test_the_glue_uses_no_private_attribute(module):
    assert private_uses((GLUE / module).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        pytest.param("server._epoch_cond.wait()", ["1: server._epoch_cond"], id="of-an-object"),
        pytest.param("config._current_page = None", ["1: config._current_page"], id="assigned"),
        pytest.param(
            "import mkdocs.livereload\nmkdocs.livereload._SCRIPT", ["2: mkdocs.livereload._SCRIPT"], id="of-a-module"
        ),
        pytest.param(
            "from mkdocs.livereload import LiveReloadServer\n"
            "class S(LiveReloadServer):\n"
            "    def watch(self):\n"
            "        self._watched_paths[1] = 1\n"
            "        return super()._serve_request()\n",
            ["4: self._watched_paths", "5: super()._serve_request"],
            id="of-self-in-a-class-derived-from-mkdocs",
        ),
        pytest.param(
            "import mkdocs.livereload as live\nclass S(live.LiveReloadServer):\n    x = self._want_rebuild\n",
            ["3: self._want_rebuild"],
            id="of-self-in-a-class-derived-through-a-module",
        ),
        pytest.param(
            "getattr(server, '_visible_epoch')", ["1: getattr(server, '_visible_epoch')"], id="through-getattr"
        ),
        pytest.param("class Own:\n    def f(self):\n        return self._lock\n", [], id="of-self-in-an-own-class"),
        pytest.param("x.__class__.__name__", [], id="dunder-names-are-public"),
        pytest.param("x.public_name", [], id="public"),
    ],
)
def test_the_check_finds_private_attributes(source, found):
    assert private_uses(source) == found
