"""The core imports no MkDocs, so a move to another site generator touches only the glue; the folders are the layers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
#: The only folder whose modules may import MkDocs.
GLUE = GENERATOR / "mkdocs"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


#: Every module but the glue, by its path below generator/.
CORE = sorted(path.relative_to(GENERATOR).as_posix() for path in GENERATOR.rglob("*.py") if GLUE not in path.parents)
#: The layers, each a folder; a layer may import the ones listed for it, and itself.
LAYERS = {
    "content": {"content", "logic", "i18n"},  # reading the content means proving and checking its catalogs
    "logic": {"content", "logic", "i18n"},
    "i18n": {"content", "i18n"},
    "rendering": {"content", "logic", "i18n", "rendering"},
    "preview": {"content", "rendering", "preview"},  # the preview's server: it serves what the glue builds
    "cli": {"content", "logic", "i18n", "rendering", "cli", "mkdocs"},
}


def _generator_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator")
    ]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_mkdocs(module):
    imported = _imports(GENERATOR / module)
    if module == "cli/__init__.py":
        # The CLI reaches MkDocs only through generator.mkdocs, imported inside the commands that build.
        tree = ast.parse((GENERATOR / module).read_text(encoding="utf-8"))
        top_level = {n.module for n in tree.body if isinstance(n, ast.ImportFrom) and n.module}
        assert not [name for name in top_level if name.startswith("generator.mkdocs")]
    else:
        glue = [name for name in _generator_imports(GENERATOR / module) if name.startswith("generator.mkdocs")]
        assert glue == [], f"{module} imports the MkDocs glue"
    assert "mkdocs" not in imported
    assert "material" not in imported


def test_the_folders_are_the_layers():
    folders = {path.name for path in GENERATOR.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert folders == {*LAYERS, "mkdocs"}
    loose = sorted(path.name for path in GENERATOR.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"], "every module belongs to a layer"


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_a_layer_imports_only_the_layers_below_it(layer):
    found = {
        f"{path.relative_to(GENERATOR).as_posix()} imports {name}"
        for path in (GENERATOR / layer).rglob("*.py")
        for name in _generator_imports(path)
        if name.split(".")[1] not in LAYERS[layer]
    }
    assert found == set()


def test_glue_is_thin():
    for path in GLUE.glob("*.py"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(lines) < 100, f"{path.name} has {len(lines)} lines: move logic out of the MkDocs glue"


def test_yaml_is_read_in_one_place():
    """The loader reads every content file; the one editor (i18n add's, of locales.yaml) composes the file only to
    find where to insert, and reads its result back through the loader."""
    readers = [path.relative_to(GENERATOR).as_posix() for path in GENERATOR.rglob("*.py") if "yaml" in _imports(path)]
    assert sorted(readers) == ["content/load.py", "content/locales_file.py"]


def test_nothing_in_the_generator_enumerates_combinations():
    """The brute-force table is the tests' oracle: a build or a check never calls it."""
    users = []
    for path in GENERATOR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (
                node.module == "generator.logic.table"
                or (node.module == "generator.logic" and "table" in {a.name for a in node.names})
            ):
                users.append(path.name)
    assert users == []
    assert "itertools.product" not in "".join(
        path.read_text(encoding="utf-8") for path in GENERATOR.rglob("*.py") if path.name != "table.py"
    )
