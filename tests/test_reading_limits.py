"""What ``check`` reads: regular files only, never more than the size limit, and aliases that expand within it.

A content file that was a symlink to ``/dev/zero`` took 3.8 GB in 4 s; a
named pipe held ``check`` for ever; one text of 700,000 characters used 3,000
times through aliases (a 732 KB file) took 89 s. ``check`` runs in a child
process here, with a memory limit and a timeout, so that the old behaviour
fails the test rather than the machine.
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import adversarial
import pytest
from test_check_rejects import TOY_POLICY, make_content, problems_found

from generator.content import load
from generator.content.load import MAX_FILE_BYTES, MAX_TEXT_CHARACTERS, UnreadableFileError, read_file

#: Far above what check needs (about 100 MB), far below what reading /dev/zero whole takes.
MEMORY_LIMIT = 1024 * 1024 * 1024
#: A guard, not a measure: a check that waits on a pipe fails here instead of holding the suite.
HANG_GUARD_SECONDS = 120


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_check(folder: Path) -> tuple[int, str]:
    """Run ``python -m generator check`` on ``folder`` in a child; return its status and what it printed."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", folder.name],
        cwd=folder.parent,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        preexec_fn=limit_memory,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def content_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    return make_content(folder, TOY_POLICY)


def named_pipe(path: Path) -> None:
    os.mkfifo(path)


def device(path: Path) -> None:
    """The device /dev/zero is, made inside the project (a link to /dev/zero is refused sooner, as leading out)."""
    os.mknod(path, stat.S_IFCHR | 0o644, os.makedev(1, 5))


def folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        pytest.param(device, "a device", id="dev-zero"),
        pytest.param(named_pipe, "a named pipe", id="named-pipe"),
        pytest.param(folder, "a folder", id="folder"),
    ],
)
@pytest.mark.parametrize("name", ["policy.yaml", "interface.yaml", "policy.schema.json"])
def test_a_content_file_that_is_not_a_regular_file_is_refused(tmp_path, make, kind, name):
    content = content_folder(tmp_path)
    (content / name).unlink()
    make(content / name)

    status, output = run_check(content)

    assert (status, output.splitlines()) == (
        1,
        [f"content/{name}: error: this is {kind}, not a file: put the file itself here", problems_found(1)],
    )


@pytest.mark.parametrize("name", ["policy.yaml", "interface.yaml"])
def test_a_symlink_to_a_regular_file_is_read(tmp_path, name):
    content = content_folder(tmp_path)
    (content / name).rename(tmp_path / name)
    (content / name).symlink_to(tmp_path / name)

    status, output = run_check(content)

    assert status == 0, output
    assert output.startswith("content/policy.yaml: 4 scenarios, 2 outcomes")


def test_the_fingerprint_of_a_folder_with_a_named_pipe_is_taken_without_waiting_on_it(tmp_path):
    """A build and the preview fingerprint the content before reading it: a pipe there held them for ever."""
    content = content_folder(tmp_path)
    os.mkfifo(content / "locales.yaml")
    script = "import sys; from pathlib import Path; from generator.helpcenter.proven import fingerprint; "
    script += "print(fingerprint(Path(sys.argv[1])))"

    result = subprocess.run(
        [sys.executable, "-c", script, str(content)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        preexec_fn=limit_memory,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert len(result.stdout.strip()) == 64


def test_the_problems_page_shows_no_lines_of_a_named_pipe(tmp_path):
    from generator.content.diagnostics import Diagnostic, Position
    from generator.rendering.problems_page import excerpt

    os.mkfifo(tmp_path / "policy.yaml")

    assert excerpt(Diagnostic(Position(str(tmp_path / "policy.yaml"), 1, 1), "a problem")) is None


def test_a_catalog_that_is_a_named_pipe_is_refused(tmp_path):
    from test_check_rejects import make_catalog_content

    (tmp_path / "content").mkdir()
    content = make_catalog_content(tmp_path / "content")
    (content / "locales" / "fr-FR.po").unlink()
    os.mkfifo(content / "locales" / "fr-FR.po")

    status, output = run_check(content)

    assert status == 1
    assert "content/locales/fr-FR.po: error: this is a named pipe, not a file: put the file itself here" in output


@pytest.mark.parametrize(
    ("size", "refused"),
    [
        pytest.param(16, False, id="at-the-limit"),
        pytest.param(17, True, id="one-byte-over"),
    ],
)
def test_the_size_is_checked_on_the_file_opened(tmp_path, size, refused):
    path = tmp_path / "file.yaml"
    path.write_bytes(b"x" * size)

    if refused:
        with pytest.raises(UnreadableFileError, match=r"^the file is 1 KiB; the limit is 0 KiB$"):
            read_file(path, limit=16)
    else:
        assert read_file(path, limit=16) == b"x" * 16


def test_a_file_that_says_it_is_empty_is_read_no_further_than_the_limit(tmp_path):
    """Files under /proc say they hold 0 bytes and hold more: the read stops one byte past the limit."""
    environment = Path("/proc/self/environ")
    if not environment.is_file() or len(environment.read_bytes()) < 2:
        pytest.skip("needs /proc/self/environ")
    assert environment.stat().st_size == 0

    with pytest.raises(UnreadableFileError, match=r"^the file is 1 KiB; the limit is 0 KiB$"):
        read_file(environment, limit=1)


def alias_line(text: str) -> int:
    """The line of the first ``*long`` alias in ``text``, counted from 1 (the fixture's own text, searched)."""
    return text[: text.index("- *long")].count("\n") + 1


CHARACTERS_MESSAGE = (
    f"invalid YAML: with its aliases, the document holds more than {MAX_TEXT_CHARACTERS:,} characters of text, "
    "more than a file may: use this alias's text in fewer places, or shorten it"
)


@pytest.mark.parametrize(
    ("characters", "uses", "refused_use"),
    [
        pytest.param(700_000, 3000, 1, id="732-KB-file-of-2-billion-characters"),
        pytest.param(50_000, 1000, 20, id="58-KB-file-that-built-a-96-MB-site"),
    ],
)
def test_a_text_repeated_through_aliases_past_the_limit_is_refused_at_the_alias(
    tmp_path, characters, uses, refused_use
):
    text = adversarial.repeated_text(characters, uses)
    content = content_folder(tmp_path)
    (content / "policy.yaml").write_text(text, encoding="utf-8")
    # The toy's texts, then the long one and each use, pass 1 MiB at the use named (counted by hand: the first
    # use of a 700,000-character text is its second time; 21 times 50,000 characters is 1,050,000).
    line = alias_line(text) + refused_use - 1

    status, output = run_check(content)

    assert (status, output.splitlines()) == (
        1,
        [f"content/policy.yaml:{line}:9: error: {CHARACTERS_MESSAGE}", problems_found(1)],
    )


def test_a_text_repeated_within_the_limit_is_read(tmp_path):
    text = adversarial.repeated_text(10_000, 20)
    content = content_folder(tmp_path)
    (content / "policy.yaml").write_text(text, encoding="utf-8")

    status, output = run_check(content)

    assert status == 0, output


def test_an_alias_used_as_a_key_counts_its_characters(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_TEXT_CHARACTERS", 10)
    document, problems = load.parse_document("a: &k abcdef\n*k : 1\n", "policy.yaml")

    assert document is None
    assert [str(problem) for problem in problems] == [
        "policy.yaml:2:1: error: invalid YAML: with its aliases, the document holds more than 10 characters of text, "
        "more than a file may: use this alias's text in fewer places, or shorten it"
    ]


def test_the_text_limit_is_the_size_limit():
    """A file without aliases can never pass it: a text in YAML is never longer than its source."""
    assert MAX_TEXT_CHARACTERS == MAX_FILE_BYTES
