"""A failed build never touches the published site, and says what failed, where.

The site is built into a temporary folder beside the target and put in place
with a rename (generator/site.py). Here a good site is published, then the
content of a copy of the project is broken in several ways, and built again
into the same folder: through ``build_site`` and through the command line. The
build fails with located errors, and the published site is byte-for-byte what
it was, with no temporary folder left beside it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.folder import load_content
from generator.mkdocs.site import BuildError, build_site

ROOT = Path(__file__).resolve().parent.parent


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"{path} no longer has {old!r}: update this test"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _append(path: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        file = project / path
        file.parent.mkdir(parents=True, exist_ok=True)
        with file.open("a", encoding="utf-8") as handle:
            handle.write(text)

    return edit


#: Ways to break the project, and the error each must produce (a regular expression, one line of the output).
BREAKS = {
    # A scenario that now also covers what another covers: found before anything is built.
    "overlap in scenarios": (
        _replace(
            "content/policy.yaml",
            "device-status: [not-flagged]\n      reason: [counteroffer]",
            "device-status: [not-flagged, status-unknown]\n      reason: [counteroffer]",
        ),
        r"^content/policy\.yaml:\d+:\d+: error: scenario 'declined-counteroffer' has device-status: "
        r"\[not-flagged, status-unknown\], so it overlaps 'unknown-status-counteroffer' ",
    ),
    # A translation that renames a placeholder: found before anything is built.
    "broken catalog placeholder": (
        _replace("content/locales/fr-FR.po", "sous {free_return_delay}.", "sous {free_return_delai}."),
        r"^content/locales/fr-FR\.po:\d+:1: error: [a-z/-]+: .*placeholder \{free_return_dela[iy]\}",
    ),
    # A template MkDocs cannot read: found while the locales build, once the temporary folder exists.
    "broken template": (
        _append("overrides/main.html", "{% block unclosed %}\n"),
        r"^error: [a-z]{2}-[A-Z]{2}: overrides/main\.html:\d+: ",
    ),
    # A hand-written page with a dead link, which MkDocs's strict mode refuses: found while the locales build.
    "dead link in a hand-written page": (
        _append("docs/broken.md", "# Broken\n\n[A page that does not exist](missing.md)\n"),
        r"^[a-z]{2}-[A-Z]{2}: .*'broken\.md'.*'missing\.md'",
    ),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """A site built from the real project, once for the module; each test publishes a copy of it."""
    site = tmp_path_factory.mktemp("good") / "site"
    build_site(ROOT / "mkdocs.yml", site, list(load_content(ROOT / "content").locales.published), strict=True)
    return site


def _digest(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (and every folder, as ``/``), with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): "/" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def published(good_site, tmp_path) -> Path:
    """A published site, in a folder of its own (``out/site``)."""
    site = tmp_path / "out" / "site"
    shutil.copytree(good_site, site)
    return site


@pytest.mark.parametrize("name", list(BREAKS))
def test_a_failed_build_leaves_the_published_site_untouched(project, published, capsys, name):
    break_project, expected = BREAKS[name]
    before = _digest(published)
    assert len(before) > 100
    break_project(project)

    with pytest.raises(BuildError) as failure:
        build_site(project / "mkdocs.yml", published, list(load_content(ROOT / "content").locales.published))
    message = str(failure.value)
    assert re.search(expected.removeprefix("^error: "), message, re.M), message
    assert _digest(published) == before
    assert sorted(path.name for path in published.parent.iterdir()) == ["site"]

    status = main(["build", "--site-dir", str(published)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in out + err
    assert re.search(expected, err, re.M), err
    assert _digest(published) == before
    assert sorted(path.name for path in published.parent.iterdir()) == ["site"]


def test_a_good_build_replaces_the_published_site(project, published, capsys):
    """The same folder, rebuilt from sound content, holds the new site and nothing else."""
    _replace("content/interface.yaml", "site_name: Help Center", "site_name: Trade-in Help Center")(project)
    (published / "stale.html").write_text("left from an older build", encoding="utf-8")

    assert main(["build", "--site-dir", str(published), "--locale", "en-US"]) == 0
    capsys.readouterr()
    assert not (published / "stale.html").exists()
    assert sorted(path.name for path in published.iterdir()) == ["en-us", "index.html"]
    assert "<title>Trade-in Help Center</title>" in (published / "index.html").read_text(encoding="utf-8")
    assert sorted(path.name for path in published.parent.iterdir()) == ["site"]


@pytest.mark.parametrize(
    ("umask", "before", "after"),
    [
        pytest.param(0o022, None, 0o644, id="new-file-umask-022"),
        pytest.param(0o077, None, 0o600, id="new-file-umask-077"),
        pytest.param(0o022, 0o664, 0o664, id="existing-file-keeps-its-mode"),
    ],
)
def test_a_file_written_atomically_gets_the_mode_a_file_written_in_place_would(tmp_path, umask, before, after):
    import os

    from generator.content.publish import write_atomically

    target = tmp_path / "catalog.po"
    if before is not None:
        target.write_text("old", encoding="utf-8")
        target.chmod(before)
    previous = os.umask(umask)
    try:
        write_atomically(target, "new")
    finally:
        os.umask(previous)

    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == after
    assert [path.name for path in tmp_path.iterdir()] == ["catalog.po"]  # no temporary file left
