"""Read, check and prove the content folder: the one entry point to the content.

The steps run in order and each stops the ones after it only when they could
not make sense of its input: a file that does not parse is not schema-checked,
a policy with an unknown reference is not proven. Within a step, every
problem is collected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.load import Document, load_document
from generator.model import Interface, Policy
from generator.references import check_interface_references, check_policy_references
from generator.schema import validate_against_schema
from generator.verify import Proof, prove

POLICY_FILE = "policy.yaml"
INTERFACE_FILE = "interface.yaml"


@dataclass(frozen=True)
class Content:
    """A proven policy and the interface wording, ready to render."""

    policy: Policy
    interface: Interface
    proof: Proof


def check_content(content_dir: Path) -> tuple[Content | None, list[Diagnostic]]:
    """Return the content if it is sound, and every problem found in it."""
    policy_document, problems = _read(content_dir / POLICY_FILE, content_dir / "policy.schema.json")
    interface_document, interface_problems = _read(content_dir / INTERFACE_FILE, content_dir / "interface.schema.json")
    problems += interface_problems
    if policy_document is not None:
        problems += check_policy_references(policy_document)
    if interface_document is not None:
        problems += check_interface_references(interface_document)
    if problems or policy_document is None or interface_document is None:
        return None, problems
    policy = Policy.from_data(policy_document.data, policy_document.position)
    proof = prove(policy)
    if not proof.holds:
        return None, proof.diagnostics
    return Content(policy, Interface.from_data(interface_document.data), proof), []


def load_content(content_dir: Path) -> Content:
    """Return the sound content of ``content_dir``, or raise :class:`ContentError`."""
    content, problems = check_content(content_dir)
    if content is None:
        raise ContentError(problems)
    return content


def _read(path: Path, schema: Path) -> tuple[Document | None, list[Diagnostic]]:
    document, problems = load_document(path)
    if document is None:
        return None, problems
    try:
        schema_problems = validate_against_schema(document, schema)
    except FileNotFoundError:
        return None, [*problems, Diagnostic(Position(display_path(schema)), "file not found")]
    except OSError as error:
        return None, [*problems, Diagnostic(Position(display_path(schema)), f"cannot read the file ({error.strerror})")]
    except json.JSONDecodeError as error:
        position = Position(display_path(schema), error.lineno, error.colno)
        return None, [*problems, Diagnostic(position, f"invalid JSON: {error.msg}")]
    if problems or schema_problems:
        return None, problems + schema_problems
    return document, []
