"""The finder as data: ``finder.json`` in every locale, for chatbots, support tools and assistants.

It holds the same proven logic as the static finder: the questions with
their answers, the outcomes, the scenarios, and the flow's nodes, each under
the stable id that is also its address (``finder/shipped/some-items``), in
the locale's words, with the address of the page that shows it. A text the
locale shows in another language, its translation being stale or missing, is
named in its object's ``lang`` with that language's tag (``{"title": "en-US"}``),
as the pages mark it with a ``lang`` attribute. Its shape is
``finder.schema.json`` (JSON Schema 2020-12), published beside it.
"""

from __future__ import annotations

import functools
import json
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import Content
from generator.logic import flow
from generator.logic.addresses import node_dir
from generator.rendering.render import Fragments, PageRenderer

#: The schema, as published beside every finder.json.
SCHEMA_FILE = Path(__file__).parent / "templates" / "finder.schema.json"
#: The file's name, in every locale's folder.
FILE_NAME = "finder.json"
#: The version of finder.json's shape: a consumer checks it before reading on.
FORMAT_VERSION = 1


def finder_files(
    content: Content, locale: SiteLocale, locale_url: str, fragments: Fragments | None = None
) -> dict[str, str]:
    """Return each policy's ``finder.json`` and its schema beside it, by path from the locale's root, for
    ``content`` localized for ``locale``.

    ``finder.json`` is the finder's folder with ``.json`` added (:attr:`Policy.finder_data_file`):
    ``finder.json``, ``make-a-warranty-claim/finder.json``. ``locale_url`` is the address of the locale's root
    (``https://help.example/fr-fr/``, or ``/fr-fr/``); every address in the file starts with it.
    ``fragments``: the texts the locale's pages already rendered.
    """
    return {name: make() for name, make in finder_file_makers(content, locale, locale_url, fragments).items()}


def finder_file_makers(
    content: Content, locale: SiteLocale, locale_url: str, fragments: Fragments | None = None
) -> dict[str, Callable[[], str]]:
    """Return what makes each file of :func:`finder_files`, by its path: a preview makes a file when asked for it."""
    fragments = {} if fragments is None else fragments
    makers: dict[str, Callable[[], str]] = {}
    for each in content.each():
        folder = posixpath.dirname(each.policy.finder_data_file)
        makers[each.policy.finder_data_file] = functools.partial(_finder_json, each, locale, locale_url, fragments)
        makers[posixpath.join(folder, SCHEMA_FILE.name)] = functools.partial(SCHEMA_FILE.read_text, encoding="utf-8")
    return makers


def _finder_json(content: Content, locale: SiteLocale, locale_url: str, fragments: Fragments) -> str:
    """The ``finder.json`` of the policy in focus."""
    policy = content.policy
    finder_dir = policy.finder_dir
    page = PageRenderer(content, locale, "", policy.article.id, fragments=fragments)

    def text(value: str) -> str:
        return page.text(value).striptags() if value else ""

    def url(directory: str, fragment: str = "") -> str:
        return f"{locale_url}{directory}/" + (f"#{fragment}" if fragment else "")

    def shown_in(**texts: str) -> dict[str, Any]:
        """``lang``: each of ``texts`` the locale shows in another language (untranslated), with its tag."""
        found = {name: content.untranslated[value] for name, value in texts.items() if value in content.untranslated}
        return {"lang": found} if found else {}

    data: dict[str, Any] = {
        "$schema": "finder.schema.json",
        "format": FORMAT_VERSION,
        "locale": locale.tag,
        "title": text(policy.finder.title),
        **shown_in(title=policy.finder.title),
        "url": url(node_dir((), finder_dir)),
        "start": node_dir((), finder_dir),
        "questions": [
            {
                "id": question.id,
                "text": text(question.text),
                "hint": text(question.hint),
                **shown_in(text=question.text, hint=question.hint),
                "answers": [
                    {"id": answer.id, "text": text(answer.text), **shown_in(text=answer.text)}
                    for answer in question.answers
                ],
            }
            for question in policy.questions
        ],
        "outcomes": [
            {
                "id": outcome.id,
                "title": text(outcome.title),
                "summary": text(outcome.summary),
                "url": url(policy.article.id, outcome.id),
                **shown_in(title=outcome.title, summary=outcome.summary),
            }
            for outcome in policy.outcomes
        ],
        "scenarios": [
            {
                "id": scenario.id,
                "situation": text(scenario.situation),
                "outcome": scenario.outcome,
                **shown_in(situation=scenario.situation),
            }
            for scenario in policy.scenarios
        ],
        "nodes": [_node(node, url, finder_dir) for node in content.proof.nodes],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _node(node: flow.Node, url: Any, finder_dir: str) -> dict[str, Any]:
    found: dict[str, Any] = {"id": node_dir(node.path, finder_dir), "url": url(node_dir(node.path, finder_dir))}
    found["answered"] = [{"question": question, "answer": answer} for question, answer in node.path]
    if isinstance(node, flow.QuestionNode):
        found["question"] = node.question.id
        found["next"] = {
            answer.id: node_dir((*node.path, (node.question.id, answer.id)), finder_dir)
            for answer in node.question.answers
        }
    else:
        found["outcome"] = node.outcome
        found["scenario"] = node.scenario
    return found
