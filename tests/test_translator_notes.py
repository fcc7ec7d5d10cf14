"""Each text to translate carries a note that says where it shows, and the line it comes from.

The policy's texts are named by the part of the site that shows them; an interface text without a note in the
interface's schema is named by its key path. The YAML below is small and written for this test; every expected
note is written by hand from the table of places in generator/i18n/messages.py.
"""

from __future__ import annotations

import pytest

from generator.content.load import parse_document
from generator.i18n.messages import extract_messages

POLICY = """\
id: toy
questions:
  - id: size
    text: How big?
    hint: Measure it.
    answers:
      - id: small
        text: Small
outcomes:
  - id: refund
    title: We refund you
    summary: Money back.
    body:
      - Nothing to do.
article:
  id: toy
  title: The toy article
facts:
  marketplace: {type: name, value: Toy Market}
"""
INTERFACE = """\
site_name: Help Center
home:
  title: Help
"""


@pytest.fixture(scope="module")
def messages():
    policy, problems = parse_document(POLICY, "content/policy.yaml")
    interface, more = parse_document(INTERFACE, "content/interface.yaml")
    assert policy is not None, problems
    assert interface is not None, more
    return {message.context: message for message in extract_messages(policy, interface)}


@pytest.mark.parametrize(
    ("context", "comment", "line"),
    [
        ("toy/questions/size/text", "Finder: a question (text)", 4),
        ("toy/questions/size/answers/small/text", "Finder: an answer the customer can pick (text)", 8),
        ("toy/outcomes/refund/title", "Article heading and finder result title: an outcome (title)", 11),
        ("toy/outcomes/refund/summary", "Finder result: the page description shown by search engines (summary)", 12),
        ("toy/outcomes/refund/body/0", "Article section and finder result (body)", 14),
        ("toy/article/title", "Help article (title)", 17),
        ("interface/site_name", "Interface text: site_name", 1),
        ("interface/home/title", "Interface text: home.title", 3),
    ],
)
def test_each_text_says_where_it_shows_and_comes_from_its_line(messages, context, comment, line):
    message = messages[context]

    assert (message.comment, message.line) == (comment, line)
    assert message.file == ("content/interface.yaml" if context.startswith("interface/") else "content/policy.yaml")


def test_a_name_fact_is_not_a_text_to_translate(messages):
    assert not [context for context in messages if "/facts/" in context]
    assert len(messages) == 9  # the other eight texts, and the hint


def test_the_interface_schemas_note_is_the_translators_note():
    policy, _ = parse_document(POLICY, "content/policy.yaml")
    interface, _ = parse_document(INTERFACE, "content/interface.yaml")

    notes = {("home",): "The home page.", ("site_name",): "The site's name, in the header."}
    found = {
        m.context: m.comment for m in extract_messages(policy, interface, notes) if m.context.startswith("interface")
    }

    assert found == {"interface/site_name": "The site's name, in the header.", "interface/home/title": "The home page."}
