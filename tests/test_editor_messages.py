"""What the commands say to an editor reads as English: counts with their plural, help without markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.content.model import Policy
from generator.logic.verify import prove

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"


def one_of_each() -> Policy:
    """The toy policy cut down to one question, one scenario and one outcome."""
    data = yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8"))
    data["questions"] = data["questions"][:1]
    data["scenarios"] = [{"id": "any", "when": {"size": ["small"]}, "outcome": "refund", "situation": "Small."}]
    data["scenarios"].append({"id": "large", "when": {"size": ["large"]}, "outcome": "refund", "situation": "Big."})
    data["outcomes"] = data["outcomes"][:1]
    return Policy.from_data(data)


def test_the_summary_counts_in_the_singular_when_it_is_one():
    policy = one_of_each()

    assert prove(policy).summary(policy) == (
        "2 scenarios, 1 outcome, 2 answer combinations: complete and unambiguous; the finder agrees on every "
        "combination (3 pages, at most 1 question)"
    )


HELP = [[], ["check"], ["build"], ["serve"], ["addresses"], ["diff"], ["report"], ["i18n"], ["i18n", "add"]]
HELP += [["i18n", "status"], ["i18n", "update"], ["i18n", "extract"]]


@pytest.mark.parametrize("command", HELP, ids=lambda command: " ".join(command) or "generator")
def test_help_is_plain_words(capsys, command):
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])

    out, _ = capsys.readouterr()
    assert exited.value.code == 0
    assert out.startswith("usage: python -m generator")
    assert not re.search(r"``|:(func|class|mod|data|meth):|\*\*", out), out
