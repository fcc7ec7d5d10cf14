"""Identity and reference checks: every id unique, every reference known.

These run on the parsed document, after the schema passed, so that each
problem points at the exact line of the offending id, reference or text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from generator.content import inline
from generator.content.diagnostics import Diagnostic, did_you_mean
from generator.content.load import Document, KeyPath
from generator.content.locales import SiteLocale, tag_problem
from generator.content.reserved import FINDER_DIR, REVIEW_DIR, THEME_DIRS
from generator.content.variants import check_parents

#: Values the build works out, which any policy text may use as ``{name}``.
BUILT_IN_PLACEHOLDERS = frozenset({"max_questions"})
#: Link targets that name an outcome's section of the help article.
OUTCOME_LINK_PREFIX = "outcome:"
#: The pages of a policy a text may link to as ``policy-id/article``, ``policy-id/finder``.
POLICY_PAGES = ("article", "finder")
#: Folders the pages and the theme take, and what: an article whose id is one would share its address.
_TAKEN_FOLDERS = {
    FINDER_DIR: "the finder page",
    REVIEW_DIR: "the review page",
    **dict.fromkeys(THEME_DIRS, "the theme's files"),
}
RESERVED_ARTICLE_IDS = frozenset(_TAKEN_FOLDERS)
#: Keys whose string values are wording.
_TEXT_KEYS = frozenset(
    {
        "text",
        "hint",
        "situation",
        "title",
        "summary",
        "description",
        "intro",
        "escalation",
        "caption",
        "heading",
        "note",
    }
)
#: Keys whose values are lists of wording, or of blocks.
_LIST_KEYS = frozenset({"body", "list", "numbered", "columns", "cells"})
#: Keys whose values are data, never wording.
_DATA_KEYS = frozenset({"facts", "links", "markets", "mass_rounding"})
#: The keys of a block written as a mapping, each one kind of block.
BLOCK_KEYS = ("heading", "list", "note", "numbered", "procedure", "table")
#: The placeholders each interface text may use; the others may use none.
INTERFACE_PLACEHOLDERS: Mapping[tuple[str, str], frozenset[str]] = {
    ("article", "step_label"): frozenset({"number"}),
    ("finder", "question_label"): frozenset({"number"}),
    ("finder", "change_label"): frozenset({"question"}),
    ("review", "policy_title"): frozenset({"title"}),
}


def check_policy_references(
    document: Document,
    shared: Document | None = None,
    targets: frozenset[str] = frozenset(),
    unread: frozenset[str] = frozenset(),
) -> list[Diagnostic]:
    """Return every duplicate id and unknown reference in a schema-valid policy.

    ``shared`` is help-center.yaml, whose facts and links every policy may use;
    ``targets`` the pages of the other policies a text may link to
    (``warranty/article``); ``unread``, the ids of policies whose files could
    not be read, whose targets are not known yet (a link to them is not said to be unknown).
    """
    data = document.data
    problems: list[Diagnostic] = []
    for list_key, kind in [
        ("questions", "question"),
        ("scenarios", "scenario"),
        ("outcomes", "outcome"),
        ("procedures", "procedure"),
    ]:
        if list_key in data:
            problems += _duplicates(document, (list_key,), kind)
    for index, question in enumerate(data["questions"]):
        problems += _duplicates_by(
            document, ("questions", index, "answers"), "id", "answer", within=f" in question '{question['id']}'"
        )
    problems += _duplicates_by(document, ("outcomes",), "title", "outcome title", what="outcome")
    problems += _shared_anchors(document)

    answers: dict[str, list[str]] = {}
    for question in data["questions"]:  # the first of two questions with the same id counts, as the message says
        answers.setdefault(question["id"], [answer["id"] for answer in question["answers"]])
    outcomes = [outcome["id"] for outcome in data["outcomes"]]
    for index, question in enumerate(data["questions"]):
        for position, other in enumerate(question.get("follows", ())):
            if other not in answers:
                follows: KeyPath = ("questions", index, "follows", position)
                problems.append(_unknown(document, follows, "question", other, answers))
    for index, scenario in enumerate(data["scenarios"]):
        path: KeyPath = ("scenarios", index)
        for question, allowed in scenario["when"].items():
            if question not in answers:
                problems.append(_unknown(document, (*path, "when", question), "question", question, answers, key=True))
                continue
            first_at: dict[str, int] = {}
            for position, answer in enumerate(allowed):
                where = (*path, "when", question, position)
                if answer in first_at:
                    first = document.position((*path, "when", question, first_at[answer]))
                    problems.append(
                        Diagnostic(
                            document.position(where),
                            f"answer '{answer}' is in this list twice (first at line {first.line}, column "
                            f"{first.column}): delete this one, or write the answer you meant",
                        )
                    )
                    continue
                first_at[answer] = position
                if answer not in answers[question]:
                    problems.append(_unknown_answer(document, where, question, answer, answers))
        if scenario["outcome"] not in outcomes:
            problems.append(_unknown(document, (*path, "outcome"), "outcome", scenario["outcome"], outcomes))

    if data["article"]["id"] in RESERVED_ARTICLE_IDS:
        problems.append(
            Diagnostic(
                document.position(("article", "id")),
                f"the article's id '{data['article']['id']}' is the address of "
                f"{_TAKEN_FOLDERS[data['article']['id']]}; choose another id",
            )
        )
    problems += check_blocks(document)
    problems += check_category(document, shared)
    shared_data = shared.data if shared is not None else {}
    placeholders = frozenset(data.get("facts", {})) | frozenset(shared_data.get("facts", {})) | BUILT_IN_PLACEHOLDERS
    links = own_links(data, shared_data) | targets
    for path, text in policy_texts(data):
        problems += check_text(document, path, text, placeholders, links, unread)
    return sorted(problems, key=lambda d: d.position)


def own_links(data: Any, shared_data: Any) -> set[str]:
    """The link targets a schema-valid policy's texts may use whatever the other policies: its links and the shared
    ones, its outcomes' sections, its own pages (``warranty/article``)."""
    outcomes = [outcome["id"] for outcome in data["outcomes"]]
    links = set(data.get("links", {})) | set(shared_data.get("links", {}))
    links |= {OUTCOME_LINK_PREFIX + outcome for outcome in outcomes}
    links |= {f"{data['id']}/{target}" for target in (*POLICY_PAGES, *(OUTCOME_LINK_PREFIX + o for o in outcomes))}
    return links


def links_elsewhere(document: Document, shared: Document) -> bool:
    """Whether a text of the schema-valid policy links to a target not of :func:`own_links`: another policy's page,
    or a slip. Only then do the other policies' pages change what its check finds."""
    links = own_links(document.data, shared.data)
    return any(
        match.group("target") and match.group("target") not in links
        for _, text in policy_texts(document.data)
        for match in inline.TOKEN.finditer(text)
    )


def check_category(document: Document, shared: Document | None) -> list[Diagnostic]:
    """A policy's category must be one of help-center.yaml's."""
    if shared is None:
        return []
    categories = [item["id"] for item in shared.data.get("categories", ())]
    category = document.data.get("category")
    if category is None or category in categories:
        return []
    return [
        Diagnostic(
            document.position(("category",)),
            f"unknown category '{category}'{did_you_mean(category, categories)}: the categories are those of "
            f"help-center.yaml ({', '.join(categories)})",
        )
    ]


def check_blocks(document: Document) -> list[Diagnostic]:
    """Return every block that is not one kind of block, every table row with the wrong number of cells,
    every step id given twice, and every procedure that is unknown, never shown or shown inside a procedure."""
    data = document.data
    problems: list[Diagnostic] = []
    procedures = [item["id"] for item in data.get("procedures", ())]
    used: dict[str, KeyPath] = {}
    bodies: list[tuple[KeyPath, bool]] = [(("outcomes", index, "body"), True) for index in range(len(data["outcomes"]))]
    bodies.append((("article", "body"), True))
    seen_steps: dict[str, KeyPath] = {}
    for index, procedure in enumerate(data.get("procedures", ())):
        for number, step in enumerate(procedure["steps"]):
            path: KeyPath = ("procedures", index, "steps", number)
            bodies.append(((*path, "body"), False))
            if step["id"] in seen_steps:
                first = document.position((*seen_steps[step["id"]], "id"))
                problems.append(
                    Diagnostic(
                        document.position((*path, "id")),
                        f"duplicate step id '{step['id']}' (first defined at line {first.line}): a step's id is "
                        "its address on the page (#step-ID); give each step its own",
                    )
                )
            else:
                seen_steps[step["id"]] = path
    for path, may_include in bodies:
        body = _at(data, path)
        for number, item in enumerate(body or ()):
            if isinstance(item, str):
                continue
            where: KeyPath = (*path, number)
            problems += _block_problems(document, where, item)
            if "procedure" in item:
                target = item["procedure"]
                if not may_include:
                    problems.append(
                        Diagnostic(
                            document.position((*where, "procedure")),
                            "a step cannot show a procedure: write its steps here, or show both procedures one "
                            "after the other where the outcome needs them",
                        )
                    )
                elif target not in procedures:
                    problems.append(_unknown(document, (*where, "procedure"), "procedure", target, procedures))
                elif target in used:
                    problems.append(_shown_twice(document, (*where, "procedure"), target, used[target]))
                else:
                    used[target] = where
    for index, procedure in enumerate(data.get("procedures", ())):
        if procedure["id"] not in used:
            problems.append(
                Diagnostic(
                    document.position(("procedures", index, "id")),
                    f"procedure '{procedure['id']}' is shown nowhere: add `- procedure: {procedure['id']}` to the "
                    "body of the outcome it explains, or remove it",
                )
            )
    return problems


def _shown_twice(document: Document, where: KeyPath, procedure: str, first: KeyPath) -> Diagnostic:
    """A procedure shown twice would show its steps twice on the article, under one address (#step-ID) each."""
    owner = _at(document.data, first[:2])
    shown_by = f"outcome '{owner['id']}'" if first[0] == "outcomes" and isinstance(owner, Mapping) else "the article"
    link = f"[see the steps](outcome:{owner['id']})" if first[0] == "outcomes" and isinstance(owner, Mapping) else ""
    advice = f"link to it instead, e.g. {link}" if link else "link to the article instead"
    return Diagnostic(
        document.position(where),
        f"procedure '{procedure}' is already shown by {shown_by} (line {document.position(first).line}): a procedure "
        f"is shown once, since the article shows every outcome; {advice}",
    )


def _at(data: Any, path: KeyPath) -> Any:
    for part in path:
        if isinstance(data, Mapping):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _block_problems(document: Document, path: KeyPath, block: Mapping[str, Any]) -> list[Diagnostic]:
    """A block written as a mapping is one kind of block; a table's rows have one cell per column."""
    kinds = [key for key in BLOCK_KEYS if key in block]
    if len(kinds) != 1:
        choices = ", ".join(BLOCK_KEYS)
        found = " and ".join(kinds)
        return [
            Diagnostic(
                document.position(path),
                f"a block is a text or one of: {choices}; this one is {found}: make it two blocks"
                if kinds
                else f"a block is a text or one of: {choices}; this one has only kind:, which goes with a note",
            )
        ]
    if "kind" in block and kinds != ["note"]:
        return [
            Diagnostic(
                document.key_position((*path, "kind")), f"kind: goes with a note, not with a {kinds[0]}: remove it"
            )
        ]
    if kinds != ["table"]:
        return []
    table = block["table"]
    problems = _duplicates_by(document, (*path, "table", "rows"), "id", "row", within=" in this table")
    columns = len(table["columns"])
    for index, row in enumerate(table["rows"]):
        if len(row["cells"]) != columns:
            problems.append(
                Diagnostic(
                    document.position((*path, "table", "rows", index, "cells")),
                    f"row '{row['id']}' has {len(row['cells'])} cell{'s' if len(row['cells']) != 1 else ''}, but "
                    f"the table has {columns} column{'s' if columns != 1 else ''}: give it one cell per column",
                )
            )
    return problems


def check_help_center_references(document: Document) -> list[Diagnostic]:
    """Return every category given twice, and every problem in the texts of help-center.yaml."""
    problems = _duplicates(document, ("categories",), "category")
    for path, text in policy_texts(document.data):
        problems += check_text(document, path, text, frozenset(), set())
    return problems


def check_interface_references(document: Document) -> list[Diagnostic]:
    """Return every placeholder an interface text may not use."""
    problems: list[Diagnostic] = []
    for section, texts in document.data.items():
        if section == "site_name":
            problems += check_text(document, (section,), texts, frozenset(), set())
            continue
        for key, text in texts.items():
            if section == "units":
                for form, plural in text.items():
                    problems += check_text(document, (section, key, form), plural, frozenset({"count"}), set())
                continue
            allowed = INTERFACE_PLACEHOLDERS.get((section, key), frozenset())
            problems += check_text(document, (section, key), text, allowed, set())
    return problems


def policy_texts(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Yield the path and value of every wording string in policy (or help-center) data, in file order."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key in _DATA_KEYS:
                continue
            if key in _TEXT_KEYS and isinstance(value, str):
                yield (*path, key), value
            elif key in _LIST_KEYS and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield (*path, key, index), item
                    else:
                        yield from policy_texts(item, (*path, key, index))
            else:
                yield from policy_texts(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from policy_texts(item, (*path, index))


def check_text(
    document: Document,
    path: KeyPath,
    text: str,
    placeholders: frozenset[str],
    links: set[str],
    unread: frozenset[str] = frozenset(),
) -> list[Diagnostic]:
    """Return a diagnostic for each unknown placeholder or link target, and for markup, in ``text``.

    A text is plain text: HTML would show as typed, which would mislead a
    customer, so it is an error; links use ``[words](target)``.
    """
    known = ", ".join(f"{{{p}}}" for p in sorted(placeholders)) or "none"
    problems = [
        Diagnostic(
            document.text_position(path, text, at), f"{problem}; write plain text, and [words](target) for a link"
        )
        for at, problem in inline.misuse_at(text)
    ]
    if path in document.comments_after:
        where, comment = document.comments_after[path]
        problems.append(
            Diagnostic(
                where,
                f"the text stops before '{comment}': YAML reads ' #' as the start of a comment. If it belongs to "
                "the text, put the whole text in double quotes; if it is a note, put it on a line of its own",
            )
        )
    for match in inline.PLACEHOLDER.finditer(text):
        name = match.group("name")
        if name not in placeholders:
            problems.append(
                Diagnostic(
                    document.text_position(path, text, match.start()),
                    f"unknown placeholder {{{name}}}{did_you_mean(name, placeholders)}; this text may use: {known}",
                )
            )
    for at in inline.stray_braces(text):
        problems.append(Diagnostic(document.text_position(path, text, at), _stray_brace(text, at, placeholders, known)))
    for match in inline.TOKEN.finditer(text):
        target = match.group("target")
        if target and target not in links and target.partition("/")[0] not in unread:
            problems.append(
                Diagnostic(
                    document.text_position(path, text, match.start("target")),
                    f"unknown link target '{target}'{did_you_mean(target, links)}",
                )
            )
    return problems


def _stray_brace(text: str, at: int, placeholders: frozenset[str], known: str) -> str:
    """Say that a brace writes no placeholder, with the placeholder probably meant, and what to write instead."""
    end = text.find("}", at, at + 30) if text[at] == "{" else at
    shown = text[at : end + 1] if end != -1 else text[at:].split(" ")[0][:24]
    guess = did_you_mean(shown.strip("{}"), placeholders) if text[at] == "{" else ""
    if not placeholders:
        return f"'{shown}' is not a placeholder, and this text may use none: write the words without braces"
    return (
        f"'{shown}' is not a placeholder{guess}: braces only write one of {known}, and a text shows no other "
        "braces: write the words without them"
    )


def _duplicates(document: Document, path: KeyPath, kind: str) -> list[Diagnostic]:
    return _duplicates_by(document, path, "id", kind)


def _duplicates_by(
    document: Document, path: KeyPath, key: str, kind: str, *, within: str = "", what: str = ""
) -> list[Diagnostic]:
    seen: dict[str, int] = {}
    problems = []
    items = _at(document.data, path) or []
    for index, item in enumerate(items):
        item_id = _as_read(item[key]) if what else item[key]
        if item_id in seen and what:
            first = document.position((*path, seen[item_id], key))
            first_id = items[seen[item_id]].get("id", "")
            problems.append(
                Diagnostic(
                    document.position((*path, index, key)),
                    f"{what} '{item.get('id', '')}' has the same {key} as {what} '{first_id}' (line {first.line}): "
                    "customers could not tell them apart; word them differently",
                )
            )
        elif item_id in seen:
            first = document.position((*path, seen[item_id], key))
            problems.append(
                Diagnostic(
                    document.position((*path, index, key)),
                    f"duplicate {kind} {'id ' if key == 'id' else ''}'{item_id}'{within} (first defined at line "
                    f"{first.line})",
                )
            )
        else:
            seen[item_id] = index
    return problems


#: The anchors the article page takes for itself: its "Jump to" list and its "Still need help?" section.
ARTICLE_ANCHORS = {"jump-to": "its “Jump to” list", "help": "its “Still need help?” section"}


def _shared_anchors(document: Document) -> list[Diagnostic]:
    """An outcome, a scenario or a step whose anchor on the article page (``#id``, ``#step-id``) is already the
    anchor of something else: a link to it would land on the other. (Two of one list are duplicates, said apart.)"""
    taken: dict[str, tuple[str, KeyPath]] = {anchor: (what, ()) for anchor, what in ARTICLE_ANCHORS.items()}
    places: list[tuple[KeyPath, str, str]] = []
    for list_key, kind in (("outcomes", "outcome"), ("scenarios", "scenario")):
        places += [((list_key, index, "id"), item["id"], kind) for index, item in enumerate(document.data[list_key])]
    for index, procedure in enumerate(document.data.get("procedures", ())):
        places += [
            (("procedures", index, "steps", number, "id"), f"step-{step['id']}", "step")
            for number, step in enumerate(procedure["steps"])
        ]
    problems = []
    for path, anchor, kind in places:
        group = path[:-2]  # the list the item is in
        if anchor not in taken:
            name = anchor.removeprefix("step-") if kind == "step" else anchor
            taken[anchor] = (f"the {kind} '{name}' (line {document.position(path).line})", group)
        elif taken[anchor][1] != group:
            problems.append(
                Diagnostic(
                    document.position(path),
                    f"the article page already has #{anchor}, for {taken[anchor][0]}: a link to this {kind} would "
                    f"land there. Give the {kind} another id",
                )
            )
    return problems


def _as_read(text: str) -> str:
    """A wording as a reader tells it from another: case and runs of spaces make no difference."""
    return " ".join(text.split()).casefold()


def _unknown_answer(
    document: Document, path: KeyPath, question: str, answer: str, answers: Mapping[str, list[str]]
) -> Diagnostic:
    """An answer its question does not have: said with the question's answers, or the question that has it."""
    own = ", ".join(dict.fromkeys(answers[question]))
    elsewhere = [other for other, theirs in answers.items() if answer in theirs]
    if elsewhere:
        owner = " and ".join(f"'{other}'" for other in elsewhere)
        message = (
            f"'{answer}' is an answer of question {owner}, not of '{question}': put it under "
            f"{'that question' if len(elsewhere) == 1 else 'one of those questions'} in this when:, or choose among "
            f"the answers of '{question}': {own}"
        )
    else:
        message = (
            f"unknown answer '{answer}' of question '{question}'{did_you_mean(answer, answers[question])}; "
            f"its answers are: {own}"
        )
    return Diagnostic(document.position(path), message)


def _unknown(document: Document, path: KeyPath, kind: str, value: str, known: Any, *, key: bool = False) -> Diagnostic:
    position = document.key_position(path) if key else document.position(path)
    return Diagnostic(position, f"unknown {kind} '{value}'{did_you_mean(value, list(known))}")


def check_default_locale_market(shared: Document, locale: SiteLocale) -> list[Diagnostic]:
    """Without locales.yaml, the source locale alone is published: its market must be in help-center.yaml."""
    markets = list(shared.data["markets"])
    if locale.market in markets:
        return []
    return [
        Diagnostic(
            shared.key_position(("markets",)),
            f"locale {locale.tag} reads the market '{locale.market}', which help-center.yaml does not define"
            f"{did_you_mean(locale.market, markets)}; add it, or publish other locales in locales.yaml",
        )
    ]


def check_locale_references(locales: Document, shared: Document, policies: Sequence[Document] = ()) -> list[Diagnostic]:
    """Return every published locale whose market is not in help-center.yaml, and every locale given twice."""
    markets = list(shared.data["markets"])
    problems = _duplicates_by(locales, ("published",), "tag", "locale")
    tags: list[tuple[KeyPath, Any]] = [(("source",), locales.data["source"])]
    tags += [(("published", index, "tag"), item["tag"]) for index, item in enumerate(locales.data["published"])]
    for path, tag in tags:
        problem = tag_problem(tag)
        if problem is not None:
            problems.append(Diagnostic(locales.position(path), problem))
    for index, item in enumerate(locales.data["published"]):
        if item["market"] not in markets:
            problems.append(
                Diagnostic(
                    locales.position(("published", index, "market")),
                    f"locale {item['tag']} reads the market '{item['market']}', which help-center.yaml does not "
                    "define"
                    f"{did_you_mean(item['market'], markets)}; a locale never borrows another market's values",
                )
            )
    if locales.data["source"] not in [item["tag"] for item in locales.data["published"]]:
        problems.append(
            Diagnostic(locales.position(("source",)), f"the source locale {locales.data['source']} is not published")
        )
    if not problems:  # every tag is sound and published once: their parents can be looked for
        problems += check_parents(locales)
    return problems + _check_name_forms(locales, [shared, *policies])


#: What has no place in a name or a form, which are shown as plain text: an address (``javascript:``,
#: ``https://``), HTML, and the inline syntax of texts (``{value}``, ``[words](link)``).
_NOT_A_NAME = re.compile(r"(?P<address>[a-zA-Z][a-zA-Z0-9+.-]*:(?:\S))|(?P<syntax>[{}]|\]\()")


def _not_plain(value: str) -> str | None:
    """Say what in a name or a form is not plain words, or ``None``."""
    found = inline.markup(value)
    if found:
        return f"HTML ('{found[0]}')"
    match = _NOT_A_NAME.search(value)
    if match is None:
        return None
    if match.group("address"):
        return f"an address ('{match.group('address').split(':')[0]}:')"
    return f"the text syntax ('{match.group()}')"


def _check_names(locales: Document) -> list[Diagnostic]:
    """Names and forms are shown as plain words; an address or markup in one is a mistake, or an attack."""
    places: list[tuple[KeyPath, str, bool]] = [
        (("names", i), name, False) for i, name in enumerate(locales.data.get("names", []))
    ]
    for index, item in enumerate(locales.data["published"]):
        for words, form in item.get("name_forms", {}).items():
            places += [
                (("published", index, "name_forms", words), words, True),
                (("published", index, "name_forms", words), form, False),
            ]
    problems = []
    for path, value, is_key in places:
        what = _not_plain(value)
        if what is not None:
            problems.append(
                Diagnostic(
                    locales.key_position(path) if is_key else locales.position(path),
                    f"'{value}' holds {what}: names and their forms are shown as plain words, never as a "
                    "link or markup; write only the words the page shows",
                )
            )
    return problems


def name_values(data: Mapping[str, Any], market: str | None = None) -> list[str]:
    """The values of the facts of type ``name`` in ``data`` (a policy or help-center.yaml), in ``market`` or any."""
    found: list[str] = []
    for fact in data.get("facts", {}).values():
        if fact.get("type") != "name":
            continue
        if "value" in fact:
            found.append(fact["value"])
        else:
            by_market = fact.get("by_market", {})
            found += [by_market[market]] if market in by_market else [] if market else list(by_market.values())
    return [value for value in found if isinstance(value, str)]


def _check_name_forms(locales: Document, documents: Sequence[Document]) -> list[Diagnostic]:
    """A form must hold a name the locale shows, or it would rewrite ordinary words on every page."""
    problems = _check_names(locales)
    for index, item in enumerate(locales.data["published"]):
        facts = [name for document in documents for name in name_values(document.data, item["market"])]
        shown = [*facts, *locales.data.get("names", [])]
        shown = [name for name in dict.fromkeys(shown) if name]
        for words, form in item.get("name_forms", {}).items():
            if not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words) for name in shown):
                names = ", ".join(shown)
                problems.append(
                    Diagnostic(
                        locales.key_position(("published", index, "name_forms", words)),
                        f"'{words}' holds none of the names {item['tag']} shows ({names}): a form says how the "
                        f"words around a name are written, e.g. 'de Apple: d’Apple'",
                    )
                )
            elif words == form:
                problems.append(
                    Diagnostic(
                        locales.position(("published", index, "name_forms", words)),
                        f"the form of '{words}' is the same words: remove it, or write the form the language uses",
                    )
                )
    return problems
