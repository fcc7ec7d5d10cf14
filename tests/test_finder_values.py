"""Texts may name what the build works out about the finder, so that they never go wrong after an edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.rendering.pages import build_pages
from support import html_text

ROOT = Path(__file__).resolve().parent.parent
TOY_POLICY = ROOT / "tests" / "fixtures" / "toy" / "policy.yaml"

#: A question the toy's scenarios then depend on: every customer is asked one question more.
LOST_QUESTION = """  - id: lost
    text: Was the parcel lost?
    answers:
      - id: yes-lost
        text: It was lost
      - id: not-lost
        text: It arrived
"""


def toy_content(folder: Path, *, with_lost_question: bool) -> Path:
    for name in ("policy.schema.json", "help-center.schema.json", "interface.schema.json", "interface.yaml"):
        shutil.copyfile(ROOT / "content" / name, folder / name)
    shutil.copyfile(TOY_POLICY.with_name("help-center.yaml"), folder / "help-center.yaml")
    policy = TOY_POLICY.read_text(encoding="utf-8").replace(
        "Answer up to two questions.", "Answer up to {max_questions}."
    )
    if with_lost_question:
        policy = policy.replace("\nscenarios:\n", f"{LOST_QUESTION}\nscenarios:\n", 1)
        policy = policy.replace("    when:\n", "    when:\n      lost: [not-lost]\n")
        policy = policy.replace(
            "\noutcomes:\n",
            "  - id: lost-parcel\n    when:\n      lost: [yes-lost]\n    outcome: refund\n"
            "    situation: The parcel was lost.\n\noutcomes:\n",
            1,
        )
    (folder / "policy.yaml").write_text(policy, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("with_lost_question", "intro"),
    [
        pytest.param(False, "Answer up to 2 questions.", id="two-questions"),
        pytest.param(True, "Answer up to 3 questions.", id="a-question-added"),
    ],
)
def test_the_finder_intro_counts_the_questions_the_finder_asks(tmp_path, with_lost_question, intro):
    content = load_content(toy_content(tmp_path, with_lost_question=with_lost_question))

    (start,) = [page for page in build_pages(content, SiteLocale("en-US")) if page.directory == "finder"]

    assert content.proof.most_questions == (3 if with_lost_question else 2)
    assert intro in html_text(start.html)


@pytest.mark.parametrize(
    ("tag", "market", "intro"),
    [
        ("en-US", "us", "Answer up to 3 questions."),
        ("fr-FR", "fr", "Répondez à 3 questions au maximum."),
        ("de-DE", "de", "Beantworte bis zu 3 Fragen."),
    ],
)
def test_the_real_finder_intro_says_three_questions_in_every_language(content, tag, market, intro):
    (start,) = [page for page in build_pages(content, SiteLocale(tag, market)) if page.directory == "finder"]

    assert content.proof.most_questions == 3
    assert intro in html_text(start.html)
