"""The core imports no MkDocs, so a move to another site generator touches only the glue; the folders are the layers."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
#: The only folder whose modules may import MkDocs.
GLUE = GENERATOR / "mkdocs"


#: Every module but the glue, by its path below generator/.
CORE = sorted(path.relative_to(GENERATOR).as_posix() for path in GENERATOR.rglob("*.py") if GLUE not in path.parents)
#: The layers, each a folder, from the bottom up; a layer may import the ones listed for it, and itself.
LAYERS = {
    "content": {"content"},  # reads the files and builds the model: nothing above it
    "logic": {"content", "logic"},
    "i18n": {"content", "i18n"},
    "helpcenter": {"content", "logic", "i18n", "helpcenter"},  # composes read → check → prove → translate
    "rendering": {"content", "logic", "i18n", "helpcenter", "rendering"},
    "preview": {"content", "rendering", "preview"},  # the preview's server: it serves what the glue builds
    "mkdocs": {"content", "logic", "i18n", "helpcenter", "rendering", "preview", "mkdocs"},  # the glue
    "cli": {"content", "logic", "i18n", "helpcenter", "rendering", "mkdocs", "cli"},
}


def _module_name(path: Path) -> str:
    """``generator/logic/flow.py`` → ``generator.logic.flow``; a package's ``__init__.py`` is the package."""
    parts = list(path.relative_to(GENERATOR.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Return every module that ``source`` (the module named ``module``) imports, absolute and in full.

    Every form counts: ``import a.b``, ``from a.b import c`` (also as ``a.b.c``, in case ``c`` is a module),
    relative imports, and imports anywhere in the code, inside functions too; so does ``importlib.import_module``
    with a literal name.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            found.add(origin)
            found |= {f"{origin}.{alias.name}" for alias in node.names if alias.name != "*"}
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Attribute, ast.Name))
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def _generator_imports(path: Path) -> list[str]:
    """The modules of the generator that the module at ``path`` imports."""
    names = imported_modules(
        path.read_text(encoding="utf-8"), _module_name(path), is_package=path.name == "__init__.py"
    )
    return sorted(name for name in names if name == "generator" or name.startswith("generator."))


def _imports(path: Path) -> set[str]:
    """The top-level packages the module at ``path`` imports."""
    names = imported_modules(
        path.read_text(encoding="utf-8"), _module_name(path), is_package=path.name == "__init__.py"
    )
    return {name.split(".")[0] for name in names}


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
    assert folders == set(LAYERS)
    loose = sorted(path.name for path in GENERATOR.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"], "every module belongs to a layer"


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_a_layer_imports_only_the_layers_below_it(layer):
    found = {
        f"{path.relative_to(GENERATOR).as_posix()} imports {name}"
        for path in (GENERATOR / layer).rglob("*.py")
        for name in _generator_imports(path)
        if name == "generator" or name.split(".")[1] not in LAYERS[layer]
    }
    assert found == set()


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import generator.logic.flow", "generator.content.x", "generator.logic.flow"),
        ("import generator.logic.flow as flow", "generator.content.x", "generator.logic.flow"),
        ("from generator.logic import flow", "generator.content.x", "generator.logic.flow"),
        ("from generator import logic", "generator.content.x", "generator.logic"),
        ("from ..logic import flow", "generator.content.x", "generator.logic.flow"),
        ("from ..logic.flow import Path", "generator.content.x", "generator.logic.flow"),
        ("from . import load", "generator.content.x", "generator.content.load"),
        ("def f():\n    from generator.i18n import catalogs", "generator.content.x", "generator.i18n.catalogs"),
        (
            "class A:\n    def f(self):\n        import generator.rendering",
            "generator.content.x",
            "generator.rendering",
        ),
        ("import importlib\nimportlib.import_module('generator.cli')", "generator.content.x", "generator.cli"),
        ("try:\n    import mkdocs.config\nexcept ImportError:\n    pass", "generator.content.x", "mkdocs.config"),
    ],
    ids=[
        "import-dotted",
        "import-as",
        "from-import",
        "from-package-import-layer",
        "relative-parent",
        "relative-parent-module",
        "relative-sibling",
        "inside-a-function",
        "inside-a-method",
        "import-module-call",
        "inside-try",
    ],
)
def test_every_form_of_import_is_seen(source, module, expected):
    assert expected in imported_modules(source, module)


def test_a_relative_import_in_a_package_init_starts_from_the_package():
    assert "generator.content.load" in imported_modules("from .load import x", "generator.content", is_package=True)


def test_the_content_layer_is_caught_reaching_up(tmp_path):
    """The layer check itself fails on a content module that imports the proof inside a function."""
    module = GENERATOR / "content" / "folder.py"
    source = "def f():\n    from ..logic import verify\n"
    names = imported_modules(source, _module_name(module))
    assert {name.split(".")[1] for name in names if name.startswith("generator.")} - LAYERS["content"] == {"logic"}


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


#: Run ``python -m generator ARGS`` and print, last, its status and every module it imported.
_IMPORTS_OF = """
import json, runpy, sys
sys.argv = ["generator", *sys.argv[1:]]
try:
    runpy.run_module("generator", run_name="__main__")
except SystemExit as done:
    status = done.code
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def _imported_by(arguments: list[str], cwd: Path) -> tuple[int, set[str]]:
    """The status of ``python -m generator ARGUMENTS`` run in ``cwd``, and the top-level packages it imported."""
    environment = {**os.environ, "PYTHONPATH": str(GENERATOR.parent), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTS_OF, *arguments], cwd=cwd, env=environment, capture_output=True, text=True
    )
    assert "Traceback" not in result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    return found["status"], {name.split(".")[0] for name in found["modules"]}


@pytest.mark.parametrize(
    ("arguments", "status", "jsonschema"),
    [
        pytest.param(["check", "--content", "content"], 0, False, id="whole-check"),
        pytest.param(["check", "content/policy.yaml"], 0, False, id="one-file"),
        pytest.param(["check", "--content", "examples/help-center"], 0, False, id="whole-example"),
        pytest.param(["check", "examples/help-center/policies/warranty.yaml"], 0, False, id="one-file-of-the-example"),
        pytest.param(["check", "--content", "broken"], 1, True, id="a-problem-found"),
        pytest.param(["check", "broken/policy.yaml"], 1, True, id="a-problem-found-in-one-file"),
    ],
)
def test_check_imports_neither_mkdocs_nor_jinja(tmp_path, arguments, status, jsonschema):
    """`check` proves and reads; it renders nothing. A valid file is found valid without jsonschema, which only
    words the problems of a file that has some."""
    root = GENERATOR.parent
    for name in ("content", "examples"):
        shutil.copytree(root / name, tmp_path / name)
    shutil.copytree(root / "content", tmp_path / "broken")
    policy = (tmp_path / "broken" / "policy.yaml").read_text(encoding="utf-8")
    (tmp_path / "broken" / "policy.yaml").write_text(policy.replace("\nquestions:", "\nunknown: 1\nquestions:", 1))

    found_status, imported = _imported_by(arguments, tmp_path)

    assert found_status == status
    assert imported & {"mkdocs", "material", "jinja2", "markdown", "pymdownx"} == set()
    assert ("jsonschema" in imported) is jsonschema
