"""A finder address is the answers that reach it, and old answers lead as far as the finder still goes with them.

On the toy policy the finder asks the size, then the damage; every expected path below is read off the toy
policy's scenarios by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.content.model import Policy
from generator.logic.addresses import best_match, node_dir
from generator.logic.verify import prove

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"
SMALL = ("size", "small")
LARGE = ("size", "large")


@pytest.fixture(scope="module")
def nodes():
    proof = prove(Policy.from_data(yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8"))))
    assert proof.holds
    return {node.path: node for node in proof.nodes}


@pytest.mark.parametrize(
    ("path", "folder"),
    [
        pytest.param((), "finder", id="start"),
        pytest.param((SMALL,), "finder/small", id="one-answer"),
        pytest.param((LARGE, ("damage", "minor")), "finder/large/minor", id="two-answers"),
    ],
)
def test_a_node_lives_in_the_folder_of_its_answers(path, folder):
    assert node_dir(path) == folder


@pytest.mark.parametrize(
    ("answers", "lands"),
    [
        pytest.param((SMALL, ("damage", "minor")), (SMALL, ("damage", "minor")), id="still-there"),
        pytest.param((("damage", "major"), LARGE), (LARGE, ("damage", "major")), id="in-the-finders-order"),
        pytest.param((SMALL,), (SMALL,), id="stops-where-they-stop"),
        pytest.param((), (), id="no-answers-the-start"),
        pytest.param((("size", "medium"), ("damage", "none")), (), id="a-removed-answer-asks-again"),
        pytest.param((LARGE, ("damage", "scratched")), (LARGE,), id="a-removed-later-answer-asks-it-again"),
        pytest.param((("damage", "none"),), (), id="the-first-question-unanswered"),
        pytest.param(
            (("kind", "phone"), SMALL, ("damage", "none")), (SMALL, ("damage", "none")), id="a-removed-question"
        ),
    ],
)
def test_old_answers_lead_as_far_as_the_finder_goes_with_them(nodes, answers, lands):
    assert best_match(nodes, answers) == lands
