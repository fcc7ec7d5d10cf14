"""Say at once that a document is valid against its JSON Schema, without jsonschema.

Importing jsonschema takes a tenth of a second, a third of what ``check`` of
one policy file may take while an editor works on it, and it walks each value
through generators and error objects. Most documents checked are valid:
:func:`surely_valid` says so for them, checking the keywords the content's
schemas use (a subset of Draft 2020-12) with the meaning jsonschema gives
them, and a ``pattern`` as :func:`whole_pattern` reads it. It answers
``True`` only for a document jsonschema finds valid. A document with a
problem, or a schema with a keyword it does not know, gets ``False``:
jsonschema then finds each problem and says it (:mod:`generator.content.schema`).
"""

from __future__ import annotations

import json
import math
import numbers
import re
from collections.abc import Callable, Sized
from functools import cache
from typing import Any

#: Says whether a value is valid against one (sub)schema.
Check = Callable[[Any], bool]

#: What a schema may hold that does not change what is valid (``x-`` keywords are the content's own notes).
_ANNOTATIONS = frozenset(
    {"title", "description", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly", "$defs"}
)
#: What only the whole schema may hold: below it, each changes how jsonschema reads the schema.
_ROOT_ONLY = frozenset({"$schema", "$id"})
#: A reference this module follows: to a definition of the schema itself, by a plain name.
_LOCAL_REFERENCE = re.compile(r"#/\$defs/([A-Za-z0-9_.-]+)")

#: The types as jsonschema tells them in Draft 2020-12: true is no number, 2.0 is a whole number.
_TYPES: dict[str, Check] = {
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "integer": lambda value: (
        not isinstance(value, bool) and (isinstance(value, int) or (isinstance(value, float) and value.is_integer()))
    ),
    "null": lambda value: value is None,
    "number": lambda value: isinstance(value, numbers.Number) and not isinstance(value, bool),
    "object": lambda value: isinstance(value, dict),
    "string": lambda value: isinstance(value, str),
}


@cache
def whole_pattern(pattern: str) -> re.Pattern[str]:
    r"""Compile a JSON Schema ``pattern`` with the meaning the schema gives it: ``$`` is the very end of the text.

    Patterns are ECMA-262 regular expressions (what an editor's YAML plugin
    runs), where ``$`` matches only at the end; in Python it also matches
    before a final line break, which let ``id: "tried\n"`` through. Each
    ``$`` outside a character class becomes ``\Z``, Python's end of the text.

    >>> bool(whole_pattern("^[a-z]+$").search("tried\n")), bool(whole_pattern("^[a-z]+$").search("tried"))
    (False, True)
    """
    parts, index, in_class = [], 0, False
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            parts.append(pattern[index : index + 2])
            index += 2
            continue
        if character == "[":
            in_class = True
        elif character == "]":
            in_class = False
        elif character == "$" and not in_class:
            character = r"\Z"
        parts.append(character)
        index += 1
    return re.compile("".join(parts))


def surely_valid(data: Any, schema_text: str) -> bool:
    """Return whether ``data`` is valid against the schema ``schema_text``; ``False`` when unsure.

    >>> surely_valid({"id": "a"}, '{"type": "object", "required": ["id"]}')
    True
    >>> surely_valid({}, '{"type": "object", "required": ["id"]}'), surely_valid({}, '{"not": {}}')
    (False, False)
    """
    check = _compiled(schema_text)
    if check is None:
        return False
    try:
        return check(data)
    except RecursionError:
        return False


class _UnsupportedError(Exception):
    """A schema this module does not know how to read: jsonschema reads it."""


@cache
def _compiled(schema_text: str) -> Check | None:
    """The check of a schema, once per text (a preview picks up an edited schema); ``None`` if unsupported."""
    try:
        schema = json.loads(schema_text)
    except ValueError:
        return None
    try:
        return _Compiler(schema).root()
    except (_UnsupportedError, re.error):
        return None


class _Compiler:
    """Turns a schema into nested :data:`Check` functions, each definition once (they may refer to themselves)."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        definitions = schema.get("$defs", {}) if isinstance(schema, dict) else {}
        self.definitions: dict[str, Any] = definitions if isinstance(definitions, dict) else {}
        self.named: dict[str, Check] = {}
        self.compiling: set[str] = set()

    def root(self) -> Check:
        return self.node(self.schema, root=True)

    def node(self, schema: Any, *, root: bool = False) -> Check:
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise _UnsupportedError(schema)
        keywords = {
            keyword: value
            for keyword, value in schema.items()
            if keyword not in _ANNOTATIONS and not (root and keyword in _ROOT_ONLY) and not keyword.startswith("x-")
        }
        unknown = [keyword for keyword in keywords if keyword not in _KEYWORDS]
        if unknown:
            raise _UnsupportedError(unknown)
        kind = keywords.get("type")
        fused = _FUSED.get(kind) if isinstance(kind, str) else None
        if fused is not None and set(keywords) <= fused[0]:
            return fused[1](self, keywords)
        return _all([_KEYWORDS[keyword](self, value, schema) for keyword, value in keywords.items()])

    def reference(self, target: Any) -> Check:
        found = _LOCAL_REFERENCE.fullmatch(target) if isinstance(target, str) else None
        if found is None or found.group(1) not in self.definitions:
            raise _UnsupportedError(target)
        name = found.group(1)
        if name in self.named:
            return self.named[name]
        if name in self.compiling:  # a definition within itself: looked up when it is checked, once compiled
            named = self.named
            return lambda value: named[name](value)
        self.compiling.add(name)
        self.named[name] = check = self.node(self.definitions[name])
        self.compiling.discard(name)
        return check


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    checks_tuple = tuple(checks)

    def every(value: Any) -> bool:
        for check in checks_tuple:  # noqa: SIM110 - a loop: faster than all() over a generator
            if not check(value):
                return False
        return True

    return every


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _bound(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _UnsupportedError(value)
    return value


def _type(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(name, str) and name in _TYPES for name in names):
        raise _UnsupportedError(value)
    if len(names) == 1:
        return _TYPES[names[0]]
    checks = tuple(_TYPES[name] for name in names)
    return lambda instance: any(check(instance) for check in checks)


def _properties(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, dict):
        raise _UnsupportedError(value)
    checks = {key: compiler.node(subschema) for key, subschema in value.items()}

    def properties(instance: Any) -> bool:
        if isinstance(instance, dict):
            for key, item in instance.items():
                check = checks.get(key)
                if check is not None and not check(item):
                    return False
        return True

    return properties


def _additional_properties(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if "patternProperties" in schema or not isinstance(schema.get("properties", {}), dict):
        raise _UnsupportedError(schema)
    known = frozenset(schema.get("properties", {}))
    if value is True:
        return _always
    if value is False:
        return lambda instance: not isinstance(instance, dict) or all(key in known for key in instance)
    check = compiler.node(value)

    def additional(instance: Any) -> bool:
        if isinstance(instance, dict):
            for key, item in instance.items():
                if key not in known and not check(item):
                    return False
        return True

    return additional


def _property_names(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    check = compiler.node(value)
    return lambda instance: not isinstance(instance, dict) or all(check(key) for key in instance)


def _required(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        raise _UnsupportedError(value)
    keys = tuple(value)
    return lambda instance: not isinstance(instance, dict) or all(key in instance for key in keys)


def _items(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if "prefixItems" in schema:
        raise _UnsupportedError(schema)
    check = compiler.node(value)

    def items(instance: Any) -> bool:
        if isinstance(instance, list):
            for item in instance:
                if not check(item):
                    return False
        return True

    return items


def _all_of(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, list):
        raise _UnsupportedError(value)
    return _all([compiler.node(subschema) for subschema in value])


def _reference(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return compiler.reference(value)


def _enum(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, list) or not all(isinstance(choice, str) for choice in value):
        raise _UnsupportedError(value)  # jsonschema compares other values in ways of its own (1 is not true)
    choices = frozenset(value)
    return lambda instance: isinstance(instance, str) and instance in choices


def _pattern(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, str):
        raise _UnsupportedError(value)
    search = whole_pattern(value).search
    return lambda instance: not isinstance(instance, str) or search(instance) is not None


def _sized(kind: type[Sized], at_least: bool) -> Callable[[_Compiler, Any, dict[str, Any]], Check]:
    """``minLength``, ``maxItems``…: the length of a text, a list or a mapping, within a bound."""

    def make(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
        bound = _bound(value)
        if at_least:
            return lambda instance: not isinstance(instance, kind) or len(instance) >= bound
        return lambda instance: not isinstance(instance, kind) or len(instance) <= bound

    return make


def _number(within: Callable[[Any, float], bool]) -> Callable[[_Compiler, Any, dict[str, Any]], Check]:
    """``minimum``, ``exclusiveMaximum``…: a number within a bound (what is not a number is not bound)."""
    is_number = _TYPES["number"]

    def make(compiler: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
        bound = _bound(value)
        return lambda instance: not is_number(instance) or within(instance, bound)

    return make


# A mapping, a list or a text, with the keywords that most often go with its type, checked by one function:
# what the generic checks above do one keyword at a time, for what the content holds most.


def _object(compiler: _Compiler, keywords: dict[str, Any]) -> Check:
    """``type: object`` with ``properties``, ``additionalProperties``, ``required``, ``propertyNames``,
    ``minProperties``."""
    properties = keywords.get("properties", {})
    additional = keywords.get("additionalProperties", True)
    required = keywords.get("required", [])
    if not isinstance(properties, dict) or not isinstance(required, list) or not isinstance(additional, bool | dict):
        raise _UnsupportedError(keywords)
    if not all(isinstance(key, str) for key in required):
        raise _UnsupportedError(required)
    checks = {key: compiler.node(subschema) for key, subschema in properties.items()}
    other = None if additional is True else compiler.node(additional)
    names = compiler.node(keywords["propertyNames"]) if "propertyNames" in keywords else None
    at_least = _bound(keywords.get("minProperties", 0))
    keys = tuple(required)

    def mapping(instance: Any) -> bool:
        if not isinstance(instance, dict) or len(instance) < at_least:
            return False
        for key in keys:
            if key not in instance:
                return False
        for key, item in instance.items():
            if names is not None and not names(key):
                return False
            check = checks.get(key, other)
            if check is not None and not check(item):
                return False
        return True

    return mapping


def _array(compiler: _Compiler, keywords: dict[str, Any]) -> Check:
    """``type: array`` with ``items``, ``minItems``, ``maxItems``."""
    items = compiler.node(keywords.get("items", True))
    at_least, at_most = _bound(keywords.get("minItems", 0)), _bound(keywords.get("maxItems", math.inf))

    def array(instance: Any) -> bool:
        if not isinstance(instance, list) or not at_least <= len(instance) <= at_most:
            return False
        for item in instance:  # noqa: SIM110 - see _all
            if not items(item):
                return False
        return True

    return array


def _string(compiler: _Compiler, keywords: dict[str, Any]) -> Check:
    """``type: string`` with ``pattern``, ``minLength``, ``maxLength``."""
    pattern = keywords.get("pattern", "")
    if not isinstance(pattern, str):
        raise _UnsupportedError(pattern)
    search = whole_pattern(pattern).search if "pattern" in keywords else None
    at_least, at_most = _bound(keywords.get("minLength", 0)), _bound(keywords.get("maxLength", math.inf))
    if search is not None and at_least == 0 and at_most == math.inf:  # an id: the commonest value of all
        return lambda instance: isinstance(instance, str) and search(instance) is not None
    return lambda instance: (
        isinstance(instance, str)
        and at_least <= len(instance) <= at_most
        and (search is None or search(instance) is not None)
    )


_FUSED: dict[str, tuple[frozenset[str], Callable[[_Compiler, dict[str, Any]], Check]]] = {
    "object": (
        frozenset({"type", "properties", "additionalProperties", "required", "propertyNames", "minProperties"}),
        _object,
    ),
    "array": (frozenset({"type", "items", "minItems", "maxItems"}), _array),
    "string": (frozenset({"type", "pattern", "minLength", "maxLength"}), _string),
}


_KEYWORDS: dict[str, Callable[[_Compiler, Any, dict[str, Any]], Check]] = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "propertyNames": _property_names,
    "required": _required,
    "items": _items,
    "allOf": _all_of,
    "$ref": _reference,
    "enum": _enum,
    "pattern": _pattern,
    "minLength": _sized(str, at_least=True),
    "maxLength": _sized(str, at_least=False),
    "minItems": _sized(list, at_least=True),
    "maxItems": _sized(list, at_least=False),
    "minProperties": _sized(dict, at_least=True),
    "maxProperties": _sized(dict, at_least=False),
    "minimum": _number(lambda instance, bound: not instance < bound),
    "maximum": _number(lambda instance, bound: not instance > bound),
    "exclusiveMinimum": _number(lambda instance, bound: not instance <= bound),
    "exclusiveMaximum": _number(lambda instance, bound: not instance >= bound),
}
