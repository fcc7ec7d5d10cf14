"""`diff` reads another version from git into a temporary folder, and never writes outside it.

git stores whatever a tree object holds, and a fetch brings it in: an entry
named ``..``, ``.`` or ``.git``, a name holding a ``/``, a symlink that leads
out of the content folder. Each test commits such a tree (written object by
object, as an attacker would) in a temporary copy of the project, and runs
`diff` against it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import main

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
FILE, FOLDER, SYMLINK = "100644", "40000", "120000"
#: Enough ``..`` to climb from any temporary folder to the root of the file system.
CLIMB = 64


def git(repo: Path, *args: str, data: bytes | None = None) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, input=data, capture_output=True, check=True).stdout.decode().strip()


def blob(repo: Path, data: bytes) -> str:
    return git(repo, "hash-object", "-w", "--stdin", data=data)


def tree(repo: Path, entries: list[tuple[str, str, str]]) -> str:
    """Write a tree object holding exactly ``entries`` (mode, name, object id), whatever git would say of them."""
    raw = b"".join(f"{mode} {name}".encode() + b"\0" + bytes.fromhex(object_id) for mode, name, object_id in entries)
    return git(repo, "hash-object", "-t", "tree", "-w", "--literally", "--stdin", data=raw)


def entries_of(repo: Path, tree_id: str) -> list[tuple[str, str, str]]:
    found = []
    for line in git(repo, "ls-tree", "-z", tree_id).split("\0"):
        if line:
            header, name = line.split("\t", 1)
            mode, _, object_id = header.split()
            found.append((mode.lstrip("0") if mode == "040000" else mode, name, object_id))
    return found


def folders(repo: Path, path: Path, leaf: list[tuple[str, str, str]]) -> str:
    """The tree that holds ``leaf`` at the absolute ``path``, read from the root of the file system."""
    inside = tree(repo, leaf)
    for part in reversed(path.parts[1:]):
        inside = tree(repo, [(FOLDER, part, inside)])
    return inside


def commit_with(repo: Path, extra: list[tuple[str, str, str]], *, without: str = "") -> str:
    """Commit the project's content with ``extra`` entries in the content folder; return the commit."""
    root = git(repo, "rev-parse", "HEAD^{tree}")
    content = next(object_id for _, name, object_id in entries_of(repo, root) if name == "content")
    kept = [entry for entry in entries_of(repo, content) if entry[1] != without]
    new_root = tree(repo, [(FOLDER, "content", tree(repo, kept + extra))])
    return git(repo, "commit-tree", new_root, "-m", "Hostile")


@pytest.fixture
def repo(project: Path) -> Path:
    git(project, "init", "-q")
    git(project, "add", "content")
    git(project, "commit", "-q", "-m", "Policy")
    return project


def climbing(repo: Path, outside: Path) -> list[tuple[str, str, str]]:
    """An entry ``..`` holding ``..`` … down to ``outside/pwned.txt`` from the root of the file system."""
    inside = folders(repo, outside, [(FILE, "pwned.txt", blob(repo, b"pwned\n"))])
    for _ in range(CLIMB):
        inside = tree(repo, [(FOLDER, "..", inside)])
    return [(FOLDER, "..", inside)]


HOSTILE = [
    pytest.param(climbing, "an entry named '..', which no folder can hold", id="dot-dot-folders"),
    pytest.param(
        lambda repo, outside: [(FILE, "../" * CLIMB + str(outside / "pwned.txt"), blob(repo, b"pwned\n"))],
        "an entry named '../../",
        id="name-with-slashes-climbing-out",
    ),
    pytest.param(
        lambda repo, outside: [(FILE, str(outside / "pwned.txt"), blob(repo, b"pwned\n"))],
        "pwned.txt', which no folder can hold",  # git lists it without its first '/'
        id="absolute-name",
    ),
    pytest.param(
        lambda repo, outside: [(FOLDER, ".", tree(repo, [(FILE, "policy.yaml", blob(repo, b"pwned: 1\n"))]))],
        "an entry named '.', which no folder can hold",
        id="dot-folder-over-the-policy",
    ),
    pytest.param(
        lambda repo, outside: [(FOLDER, ".git", tree(repo, [(FILE, "config", blob(repo, b"[core]\n"))]))],
        "an entry named '.git', which no folder can hold",
        id="dot-git",
    ),
    pytest.param(
        lambda repo, outside: [(FOLDER, ".GIT", tree(repo, [(FILE, "config", blob(repo, b"[core]\n"))]))],
        "an entry named '.GIT', which no folder can hold",
        id="dot-git-in-capitals",
    ),
    pytest.param(
        lambda repo, outside: [(SYMLINK, "notes.txt", blob(repo, ("../" * CLIMB + str(outside)).encode()))],
        "content/notes.txt: a symlink to '../../",
        id="relative-symlink-leading-out",
    ),
    pytest.param(
        lambda repo, outside: [(SYMLINK, "notes.txt", blob(repo, str(outside / "pwned.txt").encode()))],
        "content/notes.txt: a symlink to '/",
        id="absolute-symlink",
    ),
    pytest.param(
        lambda repo, outside: [(SYMLINK, "notes.txt", blob(repo, b"../README.md"))],
        "content/notes.txt: a symlink to '../README.md', outside the content folder",
        id="symlink-to-the-project",
    ),
    pytest.param(
        lambda repo, outside: [(SYMLINK, "a.txt", blob(repo, b"b.txt")), (SYMLINK, "b.txt", blob(repo, b"a.txt"))],
        "symlinks that lead round in circles",
        id="symlinks-in-a-loop",
    ),
    pytest.param(
        lambda repo, outside: [(FILE, "policy.yaml", blob(repo, b"pwned: 1\n"))],
        "the revision holds the entry 'policy.yaml' twice in one folder",
        id="a-name-given-twice",
    ),
]


@pytest.mark.parametrize(("hostile", "message"), HOSTILE)
def test_diff_refuses_a_tree_that_would_write_elsewhere(capsys, repo, tmp_path, hostile, message):
    outside = tmp_path / "outside"
    commit = commit_with(repo, hostile(repo, outside))

    status = main(["diff", commit])

    out, err = capsys.readouterr()
    assert not outside.exists()
    assert (status, out) == (1, "")
    assert "Traceback" not in err
    (line,) = err.splitlines()
    assert line.startswith(f"error: {commit}:content/")
    assert message in line


#: What diff says of two versions that differ in nothing a customer reads.
NO_CHANGE = (
    "No change a customer would see: the same outcomes (60 answer combinations), texts, facts, links, markets and "
    "locales."
)


def test_a_symlink_inside_the_content_folder_reads_the_file_it_names(capsys, repo):
    # The old version's interface.yaml is a symlink to a file beside it: diff reads that file.
    root = git(repo, "rev-parse", "HEAD^{tree}")
    content = next(object_id for _, name, object_id in entries_of(repo, root) if name == "content")
    wording = next(object_id for _, name, object_id in entries_of(repo, content) if name == "interface.yaml")
    commit = commit_with(
        repo,
        [(FILE, "wording.yaml", wording), (SYMLINK, "interface.yaml", blob(repo, b"./wording.yaml"))],
        without="interface.yaml",
    )

    status = main(["diff", commit])

    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.splitlines()[2] == NO_CHANGE


def test_a_revision_that_looks_like_an_option_is_refused(capsys, repo, tmp_path):
    status = main(["diff", "--", f"--output={tmp_path / 'written'}"])

    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert (
        err
        == f"error: --output={tmp_path / 'written'}: not a folder, nor a revision git knows; a revision never starts with '-'\n"
    )
    assert not (tmp_path / "written").exists()


def test_only_the_content_folder_of_the_revision_is_read(capsys, repo, tmp_path):
    # An entry named '..' beside content/ is never written, so it does not stop diff.
    root = git(repo, "rev-parse", "HEAD^{tree}")
    hostile = climbing(repo, tmp_path / "outside")
    commit = git(repo, "commit-tree", tree(repo, [*entries_of(repo, root), *hostile]), "-m", "Beside")

    status = main(["diff", commit])

    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.splitlines()[2] == NO_CHANGE
    assert not (tmp_path / "outside").exists()
