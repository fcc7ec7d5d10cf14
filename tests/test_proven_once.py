"""The content is read, checked and proven once per build, and once per preview rebuild.

The main process of ``python -m generator build`` proves the content; the
locale workers take the proven content it hands them, and never prove again.
A preview proves again only when a file of the content changed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.model import Fact
from generator.helpcenter import proven
from generator.helpcenter.folder import load_content
from generator.helpcenter.proven import Proven, fingerprint, proven_content
from generator.mkdocs.site import BuildError, build_site
from support import proofs_made

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def proofs(monkeypatch) -> list[str]:
    """Count the proofs made in this process from now on (none is kept from before)."""
    return proofs_made(monkeypatch, lambda policy: policy.facts["carrier"].value)


def test_the_build_command_proves_once_in_its_process(project, proofs, capsys):
    assert main(["build", "--site-dir", str(project / "site"), "--locale", "en-US", "--locale", "fr-FR"]) == 0

    out, _ = capsys.readouterr()
    assert out.startswith("content/policy.yaml: 8 scenarios")
    assert len(proofs) == 1
    assert (project / "site" / "fr-fr" / "index.html").is_file()


def test_the_locale_workers_build_the_content_they_are_given(project):
    """Hand the workers a content that proving the files could not give: the site shows it."""
    sound = load_content(project / "content")
    document = sound.policy_document
    carrier = {"carrier": {"type": "name", "value": "Proven Once"}}
    checked = dataclasses.replace(
        sound.checked,
        policy=dataclasses.replace(
            sound.policy, facts={**sound.policy.facts, "carrier": Fact("carrier", "name", "Proven Once")}
        ),
        document=dataclasses.replace(document, data={**document.data, "facts": {**document.data["facts"], **carrier}}),
    )
    given = dataclasses.replace(sound, policies=(checked, *sound.policies[1:]))
    locales = list(sound.locales.published[:2])

    proven = Proven(project / "content", fingerprint(project / "content"), given)
    build_site(project / "mkdocs.yml", project / "site", locales, proven=proven)

    for locale in locales:
        html = (project / "site" / locale.slug / sound.policy.article.id / "index.html").read_text(encoding="utf-8")
        assert "Proven Once" in html, locale.tag
        assert "UPS" not in html, locale.tag


def test_workers_refuse_content_that_changed_since_it_was_proven(project):
    """A fingerprint that no longer matches the files: the build stops rather than build another version."""
    sound = load_content(project / "content")

    with pytest.raises(BuildError) as failure:
        build_site(
            project / "mkdocs.yml",
            project / "site",
            list(sound.locales.published[:1]),
            proven=Proven(project / "content", "0" * 64, sound),
        )

    assert "the content changed while the site was being built: build again" in str(failure.value)
    assert not (project / "site").exists()


def test_a_preview_proves_again_only_after_an_edit(project, proofs, monkeypatch):
    monkeypatch.setattr(proven, "_latest", {})
    folder = project / "content"

    first = proven_content(folder)
    again = proven_content(folder)
    assert again is first
    assert len(proofs) == 1

    policy = folder / "policy.yaml"
    policy.write_text(
        policy.read_text(encoding="utf-8").replace("value: UPS", "value: Front Carrier"), encoding="utf-8"
    )
    edited = proven_content(folder)
    assert len(proofs) == 2
    assert edited.policy.facts["carrier"].value == "Front Carrier"


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda folder: (folder / "policy.yaml").write_text("x: 1\n", encoding="utf-8"), id="policy"),
        pytest.param(lambda folder: (folder / "locales" / "fr-FR.po").unlink(), id="catalog-removed"),
        pytest.param(
            lambda folder: (folder / "locales" / "nl-NL.po").write_text("", encoding="utf-8"), id="catalog-added"
        ),
        pytest.param(lambda folder: (folder / "policy.schema.json").write_text("{}", encoding="utf-8"), id="schema"),
    ],
)
def test_the_fingerprint_changes_with_every_file_of_the_content(project, edit):
    folder = project / "content"
    before = fingerprint(folder)

    edit(folder)

    assert fingerprint(folder) != before
