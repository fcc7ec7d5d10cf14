"""Edit ``content/locales.yaml`` as YAML, keeping what its editors wrote: publish one more locale.

The new entry is inserted as text where the ``published:`` sequence ends, as YAML composed it (PyYAML's
node marks), in the sequence's own style: a block list at its own indentation (column 0 included), a
flow list (``[{tag: en-US, market: us}]``) inside its brackets, with the quotes its entries use. Comments
and layout elsewhere are kept byte for byte. The result is parsed again by the project's own loader and
must read as the old data plus the new entry; when it does not (an alias, a layout the insertion cannot
follow), the file is written anew from the data, keeping only its opening comments.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from generator.content.load import parse_document

#: What a new locales.yaml says when there is none: the source locale, published.
DEFAULT_TEXT = "source: en-US\npublished:\n  - tag: en-US\n    market: us\n"


def with_published(text: str, entry: Mapping[str, str], name: str) -> tuple[str, Any, bool]:
    """Return locales.yaml ``text`` with ``entry`` last in ``published:``, the data it must read as, and whether
    its comments and layout were kept.

    ``text`` must be a sound locales.yaml (checked before); ``name`` is its file, for the loader.
    """
    document, problems = parse_document(text, name)
    if document is None or problems:  # checked before: never reached with a sound file
        raise ValueError(f"{name} does not parse: {problems}")
    intended = copy.deepcopy(document.data)
    intended["published"].append(dict(entry))
    edited = _inserted(text, entry)
    if edited is not None and reads_as(edited, intended, name):
        return edited, intended, True
    return _written_anew(text, intended), intended, False


def reads_as(text: str, intended: Any, name: str) -> bool:
    """Return whether ``text`` parses, with the project's loader, to exactly ``intended``."""
    document, problems = parse_document(text, name)
    return document is not None and not problems and document.data == intended


def _inserted(text: str, entry: Mapping[str, str]) -> str | None:
    """Insert ``entry`` after the last item of ``published:``, in its style; ``None`` if the layout is not one
    this can follow."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    sequence = next(
        (value for key, value in root.value if isinstance(key, yaml.ScalarNode) and key.value == "published"), None
    )
    if not isinstance(sequence, yaml.SequenceNode) or not sequence.value:
        return None
    last = sequence.value[-1]
    if not isinstance(last, yaml.MappingNode):
        return None
    if sequence.flow_style:
        at = last.end_mark.index
        return f"{text[:at]}, {_flow_mapping(entry, last)}{text[at:]}"
    return _inserted_in_block(text, sequence, last, entry)


def _inserted_in_block(
    text: str, sequence: yaml.SequenceNode, last: yaml.MappingNode, entry: Mapping[str, str]
) -> str | None:
    """Add ``- tag: …`` lines after the line where the last item ends, lined up with the items' dashes."""
    dash = sequence.start_mark.column  # a block sequence starts at its first "-"
    first = sequence.value[0]
    if first.start_mark.line != sequence.start_mark.line or first.start_mark.column <= dash + 1:
        return None  # "-" alone on its line: a layout this does not follow
    content = first.start_mark.column
    if last.flow_style:
        lines = [" " * dash + "-" + " " * (content - dash - 1) + _flow_mapping(entry, last)]
    else:
        pairs = [
            f"{_scalar(key, _key_style(last))}: {_scalar(value, _value_style(last))}" for key, value in entry.items()
        ]
        lines = [
            " " * dash + "-" + " " * (content - dash - 1) + pairs[0],
            *(" " * content + pair for pair in pairs[1:]),
        ]
    end = _end_of_last_value(last)
    newline = text.find("\n", end - 1 if text[end - 1 : end] == "\n" else end)
    line_break = "\r\n" if "\r\n" in text else "\n"
    added = "".join(f"{line}{line_break}" for line in lines)
    if newline == -1:  # the file ends without a line break
        return f"{text}{line_break}{added}"
    return f"{text[: newline + 1]}{added}{text[newline + 1 :]}"


def _end_of_last_value(node: yaml.Node) -> int:
    """Where the last scalar (or flow collection) of ``node`` ends: a block collection's own end is the next
    token, past the comments that follow it."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.index


def _flow_mapping(entry: Mapping[str, str], like: yaml.MappingNode) -> str:
    pairs = ", ".join(
        f"{_scalar(key, _key_style(like))}: {_scalar(value, _value_style(like))}" for key, value in entry.items()
    )
    return "{" + pairs + "}"


def _key_style(mapping: yaml.MappingNode) -> str | None:
    return mapping.value[0][0].style if mapping.value and isinstance(mapping.value[0][0], yaml.ScalarNode) else None


def _value_style(mapping: yaml.MappingNode) -> str | None:
    value = mapping.value[0][1] if mapping.value else None
    return value.style if isinstance(value, yaml.ScalarNode) else None


#: A text YAML reads as itself when written without quotes (tags, markets, keys).
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _scalar(value: str, style: str | None) -> str:
    """Write ``value`` in the quotes its neighbours use; plain only when YAML reads it back as this text."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style is None and _PLAIN.fullmatch(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _written_anew(text: str, intended: Any) -> str:
    """Write ``intended`` as block YAML, after the comments that open ``text`` (the schema line among them)."""
    opening = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#") and line.strip():
            break
        opening.append(line)
    body = yaml.safe_dump(intended, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return "".join(opening) + body
