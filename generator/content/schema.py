"""Check a document against its JSON Schema, with messages an editor can act on.

The schemas live beside the content (``content/*.schema.json``) so that an
editor's YAML plugin offers the same checks and completion while typing. A
valid document is found so without jsonschema
(:func:`generator.content.schema_subset.surely_valid`); jsonschema, imported
only then, checks the others and finds each problem.
"""

from __future__ import annotations

import datetime
import json
import re
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.content.diagnostics import Diagnostic, Position, did_you_mean
from generator.content.load import Document, KeyPath, read_file
from generator.content.locales import TAG_PATTERN, tag_problem
from generator.content.schema_subset import surely_valid, whole_pattern
from generator.content.variants import NO_PARENT, PARENT_PATTERN

if TYPE_CHECKING:
    import jsonschema


@cache
def _validator_of(schema: str) -> jsonschema.Draft202012Validator:
    """Compile a schema once per text, so that a preview picks up an edited schema."""
    validator: jsonschema.Draft202012Validator = validator_class()(inline_references(json.loads(schema)))
    return validator


def _pattern(
    validator: jsonschema.protocols.Validator, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    import jsonschema

    if validator.is_type(instance, "string") and not whole_pattern(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


#: The list items found valid so far, per ``items`` subschema (kept alive here, so that its ``id`` stays its
#: own): each item by its ``repr``, which tells every value of a document apart (``'1'``, ``1``, ``1.0``,
#: ``True``, a date), so that an item is skipped only when it equals one already found valid.
_valid_items: dict[int, tuple[dict[str, Any], set[str]]] = {}
#: How many items :data:`_valid_items` remembers before it starts afresh: far more than a help center holds.
VALID_ITEMS_LIMIT = 200_000
_remembered = 0


def _items(
    validator: jsonschema.Draft202012Validator, items: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """Draft 2020-12 ``items``, skipping a list item (a mapping or a list) already found valid against ``items``.

    Whether a value is valid against a schema depends on the two alone (the
    schemas have no ``unevaluatedItems``, whose annotations would need the
    item visited), so an item that equals one found valid is valid too. The
    preview checks a policy again after each edit, and most of its scenarios,
    questions and outcomes are as they were: only the edited ones are checked
    again. An item with a problem is never remembered, so its problems are
    found again each time.
    """
    if not isinstance(items, dict) or "prefixItems" in schema or not isinstance(instance, list):
        import jsonschema

        yield from jsonschema.Draft202012Validator.VALIDATORS["items"](validator, items, instance, schema)
        return
    global _remembered
    known = _valid_items.setdefault(id(items), (items, set()))[1]
    for index, item in enumerate(instance):
        if not isinstance(item, dict | list):  # a text or a number: checked faster than remembered
            yield from validator.descend(instance=item, schema=items, path=index)
            continue
        key = repr(item)
        if key in known:
            continue
        errors = list(validator.descend(instance=item, schema=items, path=index))
        if errors:
            yield from errors
            continue
        if _remembered >= VALID_ITEMS_LIMIT:
            _valid_items.clear()
            _remembered = 0
            known = _valid_items.setdefault(id(items), (items, set()))[1]
        known.add(key)
        _remembered += 1


@cache
def validator_class() -> type[jsonschema.Draft202012Validator]:
    """Draft 2020-12, with ``pattern`` matched as the schema means it (see :func:`whole_pattern`), and list items
    found valid once not checked again (see :func:`_items`); jsonschema is imported here, when first needed."""
    import jsonschema

    extended: type[jsonschema.Draft202012Validator] = jsonschema.validators.extend(
        jsonschema.Draft202012Validator, {"pattern": _pattern, "items": _items}
    )
    return extended


def inline_references(schema: dict[str, Any]) -> dict[str, Any]:
    """Return ``schema`` with each local ``$ref`` replaced by what it names.

    jsonschema resolves a ``$ref`` each time it meets one, and a policy of
    2,000 scenarios meets ``#/$defs/id`` tens of thousands of times: resolved
    once here, validation takes a third of the time. The errors are the same
    (a ``$ref`` and an ``allOf`` both check the instance against the subschema
    in place). A reference to a definition that refers back to itself is kept.
    """
    definitions = schema.get("$defs", {})

    def inline(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/") and reference not in seen:
            name = reference.removeprefix("#/$defs/")
            if name in definitions:
                target = inline(definitions[name], (*seen, reference))
                rest = {key: inline(value, seen) for key, value in node.items() if key != "$ref"}
                return {**rest, "allOf": [*rest.get("allOf", []), target]} if rest else target
        return {key: inline(value, seen) for key, value in node.items()}

    inlined: dict[str, Any] = inline(schema, ())
    return inlined


#: The documents found valid, by ``id``, each kept alive with the text of the schema it was checked against; one
#: per file, its latest version.
_valid_documents: dict[int, tuple[Document, str]] = {}
#: How many documents ``_valid_documents`` remembers (the oldest is forgotten first).
VALID_DOCUMENTS_LIMIT = 256
_valid_documents_lock = threading.Lock()


def validate_against_schema(document: Document, schema_path: Path) -> list[Diagnostic]:
    """Return one diagnostic per schema violation in ``document``.

    A document found valid against the same schema text is not checked again:
    :func:`generator.content.load.load_document` gives the same document for
    a file whose text has not changed, and a document is never changed once
    read.
    """
    schema = read_file(schema_path).decode("utf-8")
    with _valid_documents_lock:
        known = _valid_documents.get(id(document))
        if known is not None and known[0] is document and known[1] == schema:
            return []
    diagnostics = _validate(document, schema)
    if not diagnostics:
        with _valid_documents_lock:
            for older in [key for key, (kept, _) in _valid_documents.items() if kept.file == document.file]:
                del _valid_documents[older]  # the latest version of a file only, as load_document keeps
            _valid_documents[id(document)] = (document, schema)
            while len(_valid_documents) > VALID_DOCUMENTS_LIMIT:
                del _valid_documents[next(iter(_valid_documents))]
    return diagnostics


def _validate(document: Document, schema: str) -> list[Diagnostic]:
    """Return the problems of ``document`` against the schema whose text is ``schema``: none if it is valid."""
    if surely_valid(document.data, schema):
        return []
    validator = _validator_of(schema)
    errors = sorted(validator.iter_errors(document.data), key=lambda e: document.position(tuple(e.absolute_path)))
    diagnostics = []
    read_as_booleans: list[tuple[Position, str]] = []
    for error in errors:
        path: KeyPath = tuple(error.absolute_path)
        word = _boolean_word(document, path, error)
        if word is not None:
            read_as_booleans.append(word)
            continue
        diagnostics.extend(_describe(document, path, error))
    if read_as_booleans:
        diagnostics.append(_booleans(read_as_booleans))
    return sorted(dict.fromkeys(diagnostics), key=lambda d: d.position)


#: The words YAML 1.1 reads as true or false, and an editor writes as words: ``yes``, ``No``, ``off``.
_BOOLEAN_WORDS = re.compile(r"(?i:yes|no|on|off|y|n)(?![\w-])")


def _boolean_word(document: Document, path: KeyPath, error: jsonschema.ValidationError) -> tuple[Position, str] | None:
    """Return where and as what ``yes``, ``no``… is written, when it is what made text true or false; else ``None``."""
    if "propertyNames" in error.schema_path and error.instance in ("True", "False"):
        position = document.key_position((*path, error.instance))
    elif error.validator == "type" and isinstance(error.instance, bool) and "string" in str(error.validator_value):
        position = document.position(path)
    else:
        return None
    if not 1 <= position.line <= len(document.lines):
        return None
    found = _BOOLEAN_WORDS.match(document.lines[position.line - 1], position.column - 1)
    return (position, found.group()) if found else None


def _booleans(found: list[tuple[Position, str]]) -> Diagnostic:
    """One problem for every ``yes`` and ``no`` of a file that YAML read as true or false: the fix is the same."""
    places = sorted(dict.fromkeys(found))
    words = list(dict.fromkeys(word for _, word in places))
    lines = ", ".join(str(line) for line in dict.fromkeys(position.line for position, _ in places))
    quoted = " and ".join(f"'{word}'" for word in words)
    return Diagnostic(
        places[0][0],
        f"YAML reads {' and '.join(words)} without quotes as true or false, not as a word: write {quoted} in "
        f"quotes wherever {'it is' if len(words) == 1 else 'they are'} an id or a text "
        f"({len(places)} place{'s' if len(places) != 1 else ''} in this file, on line{'s' if ',' in lines else ''} "
        f"{lines})",
    )


def field_descriptions(schema_path: Path) -> dict[KeyPath, str]:
    """Return the schema's description of each named field, by key path (for translator notes)."""
    schema = json.loads(read_file(schema_path).decode("utf-8"))
    found: dict[KeyPath, str] = {}

    def walk(node: dict[str, Any], path: KeyPath) -> None:
        for key, child in node.get("properties", {}).items():
            if "description" in child:
                found[(*path, key)] = child["description"]
            walk(child, (*path, key))

    walk(schema, ())
    return found


def dotted(path: KeyPath, data: Any = None) -> str:
    """Return ``path`` as editors read it, a list item by its id (a locale by its tag) when it has one.

    >>> dotted(("scenarios", 2, "outcome"))
    'scenarios[2].outcome'
    >>> dotted(("scenarios", 0, "outcome"), {"scenarios": [{"id": "large-fine"}]})
    'scenarios[large-fine].outcome'
    >>> dotted(("published", 0, "market"), {"published": [{"tag": "fr-FR"}]})
    'published[fr-FR].market'
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            item = data[part] if isinstance(data, list) and part < len(data) else None
            name = (item.get("id") or item.get("tag")) if isinstance(item, dict) else None
            text += f"[{name}]" if isinstance(name, str) and _NAME.fullmatch(name) else f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
        if isinstance(data, dict):
            data = data.get(part)
        else:
            data = data[part] if isinstance(data, list) and isinstance(part, int) and part < len(data) else None
    return text or "the top level"


#: An id as policy.schema.json defines it (``$defs/id``): lower-case words joined by hyphens.
ID_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*"
#: An id or a locale tag as the schemas define them: items are named by a valid one only.
_NAME = re.compile(f"{ID_PATTERN}|{TAG_PATTERN.strip('^$')}")


def _describe(document: Document, path: KeyPath, error: jsonschema.ValidationError) -> list[Diagnostic]:
    # jsonschema types what an error holds as "Any or unset"; for the validator that failed, each is set.
    validator: Any = error.validator
    expected_value: Any = error.validator_value
    instance: Any = error.instance
    schema: Any = error.schema
    where = dotted(path, document.data)
    if validator == "pattern" and _padded(instance, expected_value):
        key = "propertyNames" in error.schema_path
        position = document.key_position((*path, instance)) if key else document.position(path)
        what = "key" if key else "value"
        return [
            Diagnostic(
                position,
                f"{where} {what} '{instance.strip()}' ends with a line break or a space: write it alone on "
                "its line, without a `|` or `>` block or a \\n",
            )
        ]
    if "propertyNames" in error.schema_path:
        # The error is about a key of the mapping at ``path``: point at that key, and name it.
        position = document.key_position((*path, instance))
        if validator == "enum":
            choices = ", ".join(map(str, expected_value))
            return [Diagnostic(position, f"{where} has the key '{instance}'; a key must be one of: {choices}")]
        if validator == "pattern":
            return [
                Diagnostic(
                    position,
                    f"{where} '{instance}' is not a valid id: use lower-case letters, digits and hyphens",
                )
            ]
    if validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        unknown = sorted(set(instance) - set(allowed))
        kinds = schema.get("x-block-keys")  # a block: say which kinds of block there are
        listed = f"; a block is a text or one of: {', '.join(kinds)}" if kinds else ""
        return [
            Diagnostic(
                document.key_position((*path, key)),
                f"unknown {'block' if kinds else 'field'} '{key}' in {where}{did_you_mean(key, allowed)}{listed}",
            )
            for key in unknown
        ]
    if validator == "required":
        missing = error.message.split("'")[1]
        return [Diagnostic(document.position(path), f"{where} is missing the required field '{missing}'")]
    if validator == "type":
        expected = expected_value
        if expected == "string" and isinstance(instance, dict) and _curly(instance):
            problem = (
                f"{where} must be text, but curly quotes (‘…’ “…”) are not quotes to YAML, so the colon in it "
                "made a mapping: use straight quotes ('…' or \"…\")"
            )
            return [Diagnostic(document.position(path), problem)]
        return [
            Diagnostic(
                document.position(path),
                f"{where} must be {_article(expected)}, not {kind_of(instance)}",
            )
        ]
    if validator == "enum":
        choices = ", ".join(map(str, expected_value))
        return [Diagnostic(document.position(path), f"{where} must be one of: {choices}")]
    if validator == "pattern" and expected_value == TAG_PATTERN:
        return [Diagnostic(document.position(path), f"{where}: {tag_problem(str(instance))}")]
    if validator == "pattern" and expected_value == PARENT_PATTERN:
        return [Diagnostic(document.position(path), f"{where}: {tag_problem(str(instance))}; or write {NO_PARENT}")]
    if validator == "pattern" and "https" in expected_value:
        return [Diagnostic(document.position(path), f"{where} must be an https:// address")]
    if validator == "pattern":
        return [
            Diagnostic(
                document.position(path),
                f"{where} '{instance}' is not a valid id: use lower-case letters, digits and hyphens",
            )
        ]
    if validator in {"maximum", "minimum", "exclusiveMinimum"}:
        bound = {"maximum": "at most", "minimum": "at least", "exclusiveMinimum": "more than"}[validator]
        reason = schema.get(f"x-why-{validator}")  # the schema may say why the bound matters
        why = f": {reason}" if reason else ""
        return [Diagnostic(document.position(path), f"{where} must be {bound} {expected_value}{why}")]
    if validator in {"minItems", "minProperties", "minLength"}:
        return [Diagnostic(document.position(path), f"{where} must not be empty")]
    return [Diagnostic(document.position(path), f"{where}: {error.message}")]


def _padded(instance: Any, pattern: str) -> bool:
    """Return whether a text fails ``pattern`` only for a line break or space around it (``id: "tried\\n"``)."""
    return (
        isinstance(instance, str)
        and instance != instance.strip()
        and bool(whole_pattern(pattern).search(instance.strip()))
    )


def _curly(mapping: dict[Any, Any]) -> bool:
    """Return whether a mapping starts or ends with a curly quote: a quoted text pasted from a word processor."""
    return any(str(key).startswith(("‘", "“")) or str(value).endswith(("’", "”")) for key, value in mapping.items())


def _article(kind: Any) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number"}
    if isinstance(kind, list):
        return " or ".join(names.get(k, str(k)) for k in kind)
    return names.get(kind, f"a {kind}")


def kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "empty"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()} (put it in quotes to make it text)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text '{value}'"
