"""The same sources build the same site, byte for byte, whatever the day, folder or hash seed.

Two builds of every published locale, as `make build` does them, into two
folders: the second on another day (``SOURCE_DATE_EPOCH``, which MkDocs reads
for the build date) and with another ``PYTHONHASHSEED`` (so that an order
taken from a set would show). A deployment then uploads only what changed,
and a reviewer sees in the diff of the site exactly what a change of the
content did.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from generator.mkdocs.site import build_site

ROOT = Path(__file__).resolve().parent.parent
BASE_URL = "https://help.example.com/"
#: 2001-09-09, a day on which the first build certainly did not run.
ANOTHER_DAY = "1000000000"


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """Return every file that is in one site only, or differs between the two."""
    one, two = _files(first), _files(second)
    return (
        [f"only in the first build: {name}" for name in sorted(one.keys() - two.keys())]
        + [f"only in the second build: {name}" for name in sorted(two.keys() - one.keys())]
        + [f"differs: {name}" for name in sorted(one.keys() & two.keys()) if one[name] != two[name]]
    )


def test_two_builds_are_byte_identical(content, tmp_path, monkeypatch):
    locales = list(content.locales.published)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("PYTHONHASHSEED", "1")
    build_site(ROOT / "mkdocs.yml", tmp_path / "first" / "site", locales, strict=True, base_url=BASE_URL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", ANOTHER_DAY)
    monkeypatch.setenv("PYTHONHASHSEED", "2")
    build_site(ROOT / "mkdocs.yml", tmp_path / "second" / "output", locales, strict=True, base_url=BASE_URL)

    first, second = tmp_path / "first" / "site", tmp_path / "second" / "output"
    assert len(_files(first)) > 100
    found = differences(first, second)
    assert not found, f"{len(found)} files differ between two builds of the same sources:\n" + "\n".join(found)
    for locale in locales:  # the archived sitemap is still the sitemap
        folder = first / locale.slug
        assert gzip.decompress((folder / "sitemap.xml.gz").read_bytes()) == (folder / "sitemap.xml").read_bytes()


def test_the_comparison_sees_a_difference(tmp_path):
    for name, text in [("a", "same"), ("b", "same")]:
        (tmp_path / name / "x").mkdir(parents=True)
        (tmp_path / name / "x" / "page.html").write_text(text, encoding="utf-8")
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "x" / "page.html").write_text("other", encoding="utf-8")
    (tmp_path / "a" / "old.html").write_text("", encoding="utf-8")
    (tmp_path / "b" / "sitemap.xml.gz").write_bytes(b"\x1f\x8b")
    assert differences(tmp_path / "a", tmp_path / "b") == [
        "only in the first build: old.html",
        "only in the second build: sitemap.xml.gz",
        "differs: x/page.html",
    ]
