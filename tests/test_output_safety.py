"""What the tool writes never destroys what it did not make, never publishes a file of the machine, and fails in one line.

Every case runs on a throwaway copy of the project (the ``project`` fixture, the
working folder); the whole temporary folder is compared before and after a
refused command, byte for byte.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from support import run_cli as run

ROOT = Path(__file__).resolve().parent.parent


def digest(folder: Path) -> dict[str, str]:
    """Every entry below ``folder``, not following links: a file's hash, ``/`` for a folder, ``-> target`` for a link."""
    found = {}
    for where, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(where) / name
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                found[str(path.relative_to(folder))] = f"-> {os.readlink(path)}"
            elif stat.S_ISDIR(mode):
                found[str(path.relative_to(folder))] = "/"
            elif stat.S_ISREG(mode):
                found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[str(path.relative_to(folder))] = oct(mode)
    return found


def _git(project: Path) -> None:
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")


def _notes(project: Path) -> None:
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("my notes\n", encoding="utf-8")


def _pipe(project: Path) -> None:
    os.mkfifo(project / "pipe")


def _device(project: Path) -> None:
    try:
        os.mknod(project / "device", 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("this machine does not let the tests make a device")


def _nothing(project: Path) -> None:
    pass


def _git(project: Path) -> None:
    (project / ".git").mkdir()


#: --site-dir values a build must refuse: (how to prepare the project, the argument, the one line of the error).
REFUSED_SITE_DIRS = {
    "the project": (
        _git,
        ".",
        r"\.: error: is the project folder, which the build would replace whole; build into a "
        r"folder of its own, such as site",
    ),
    "its parent": (_git, "..", r"\.\.: error: is a folder the project is in, which the build would replace whole; "),
    "content": (
        _nothing,
        "content",
        r"content: error: is content/, which the build reads; build into a folder of "
        r"its own, such as site",
    ),
    "docs": (_nothing, "docs", r"docs: error: is docs/, which the build reads; "),
    "overrides": (_nothing, "overrides", r"overrides: error: is overrides/, which the build reads; "),
    ".git": (_git, ".git", r"\.git: error: is \.git/, which the build reads; "),
    "inside content": (
        _nothing,
        "content/locales",
        r"content/locales: error: is inside content/, which the build reads",
    ),
    "a file": (_nothing, "mkdocs.yml", r"mkdocs\.yml: error: is a file, not a folder: the build would replace it; "),
    "a named pipe": (_pipe, "pipe", r"pipe: error: is a named pipe, not a folder: the build would replace it; "),
    "a device": (_device, "device", r"device: error: is a device, not a folder: the build would replace it; "),
    "a folder of other files": (
        _notes,
        "notes",
        r"notes: error: holds files that no build of this tool made \(it has no \.generator-site\), and a build "
        r"replaces the whole folder; give a missing or empty folder, or empty this one",
    ),
    "a folder under a file": (_nothing, "mkdocs.yml/site", r"mkdocs\.yml/site: error: .*\(Not a directory\)"),
}


@pytest.mark.parametrize("case", list(REFUSED_SITE_DIRS))
def test_build_refuses_a_folder_it_must_not_replace(project, capsys, case):
    prepare, site_dir, expected = REFUSED_SITE_DIRS[case]
    prepare(project)
    before = digest(project.parent)

    status, out, err = run(capsys, "build", "--site-dir", site_dir, "--locale", "en-US")

    assert status == 1
    assert re.fullmatch(f"{expected}.*\n", err), err  # one line, and nothing else
    assert out == ""  # refused before anything is proven or built
    assert digest(project.parent) == before


@pytest.mark.parametrize(
    "prepare", [pytest.param(_nothing, id="missing"), pytest.param(lambda p: (p / "site").mkdir(), id="empty")]
)
def test_build_writes_a_missing_or_empty_folder(project, capsys, prepare):
    prepare(project)

    status, out, _ = run(capsys, "build", "--site-dir", "site", "--locale", "en-US")

    assert status == 0
    assert out.endswith("Built en-US into site/\n")
    assert sorted(path.name for path in (project / "site").iterdir()) == [
        ".generator-site",
        "en-us",
        "index.html",
        "llms.txt",
    ]


#: -o values a report must refuse: (how to prepare the project, the argument, the one line of the error).
REFUSED_REPORTS = {
    "the policy": (
        _nothing,
        "content/policy.yaml",
        r"content/policy\.yaml: error: is inside content/, which the tool "
        r"reads; write it elsewhere",
    ),
    "a catalog": (_nothing, "content/locales/fr-FR.po", r"content/locales/fr-FR\.po: error: is inside content/"),
    "a new file in content": (_nothing, "content/report.html", r"content/report\.html: error: is inside content/"),
    "mkdocs.yml": (
        _nothing,
        "mkdocs.yml",
        r"mkdocs\.yml: error: is a file this tool did not write, and would be "
        r"replaced; give another path",
    ),
    "a page": (_notes, "notes/todo.txt", r"notes/todo\.txt: error: is a file this tool did not write"),
    "a new file in docs": (
        _nothing,
        "docs/report.html",
        r"docs/report\.html: error: is inside docs/, which the tool reads",
    ),
    "a new file in overrides": (
        _nothing,
        "overrides/r.html",
        r"overrides/r\.html: error: is inside overrides/, which ",
    ),
    "a new file in .git": (_git, ".git/report.html", r"\.git/report\.html: error: is inside \.git/, which the tool "),
    "a folder": (_notes, "notes", r"notes: error: is a folder, which is never replaced; give the path of a file"),
    "a named pipe": (_pipe, "pipe", r"pipe: error: is a named pipe, which is never replaced; "),
    "a device": (_device, "device", r"device: error: is a device, which is never replaced; "),
    "a path under a file": (_nothing, "mkdocs.yml/report.html", r"mkdocs\.yml/report\.html: error: .*Not a directory"),
}


@pytest.mark.parametrize("case", list(REFUSED_REPORTS))
def test_report_never_replaces_what_it_did_not_write(project, capsys, case):
    prepare, output, expected = REFUSED_REPORTS[case]
    prepare(project)
    before = digest(project.parent)

    status, out, err = run(capsys, "report", "-o", output, "--locale", "fr-FR")

    assert status == 1
    assert re.fullmatch(f"{expected}.*\n", err), err
    assert out == ""
    assert digest(project.parent) == before


def test_report_replaces_a_report_it_wrote(project, capsys):
    assert run(capsys, "report", "-o", "review.html", "--locale", "fr-FR")[0] == 0
    status, out, err = run(capsys, "report", "-o", "review.html", "--locale", "de-DE")

    assert (status, out, err) == (0, "review.html: the review of trade-in in de-DE\n", "")
    assert 'lang="de-DE"' in (project / "review.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("umask", "folders", "files"),
    [pytest.param(0o022, 0o755, 0o644, id="umask-022"), pytest.param(0o027, 0o750, 0o640, id="umask-027")],
)
def test_the_site_gets_the_modes_that_the_umask_gives(project, capsys, umask, folders, files):
    previous = os.umask(umask)
    try:
        status, _, _ = run(capsys, "build", "--site-dir", "site", "--locale", "en-US")
    finally:
        os.umask(previous)

    assert status == 0
    site = project / "site"
    modes = {"/": {stat.S_IMODE(site.stat().st_mode)}, "file": set()}
    for path in site.rglob("*"):
        modes["/" if path.is_dir() else "file"].add(stat.S_IMODE(path.stat().st_mode))
    assert modes == {"/": {folders}, "file": {files}}


def _link(name: str, target: str | Callable[[Path], str]) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        link = project / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target(project) if callable(target) else target)

    return make


def _outside(project: Path) -> str:
    secret = project.parent / "secret.md"
    secret.write_text("# A file of the machine, not of the project\n", encoding="utf-8")
    return "../../secret.md"


#: Symbolic links a build refuses: (the link, where it leads, the one line of the error).
REFUSED_LINKS = {
    "a file of the system": (
        "docs/passwd.txt",
        "/etc/passwd",
        r"docs/passwd\.txt: error: is a symbolic link to /etc/passwd, outside the project, so the site would "
        r"publish a file of the machine that builds it; copy the file into the project, or remove the link",
    ),
    "a page beside the project": (
        "docs/secret.md",
        _outside,
        r"docs/secret\.md: error: is a symbolic link to "
        r".*/secret\.md, outside the project",
    ),
    "a folder of the system": ("docs/etc", "/etc", r"docs/etc: error: is a symbolic link to /etc, outside the project"),
    "a template outside": (
        "overrides/partials/x.html",
        "/etc/passwd",
        r"overrides/partials/x\.html: error: is a symbolic link to /etc/passwd, outside the project",
    ),
    "a link to nothing": (
        "docs/gone.md",
        "missing.md",
        r"docs/gone\.md: error: is a symbolic link to missing\.md, "
        r"which does not exist; remove the link",
    ),
    "a catalog outside": (
        "content/locales/nl-NL.po",
        "/etc/passwd",
        r"content/locales/nl-NL\.po: error: is a symbolic link to /etc/passwd, outside the project",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED_LINKS))
def test_a_symbolic_link_out_of_the_project_is_refused(project, capsys, case):
    name, target, expected = REFUSED_LINKS[case]
    _link(name, target)(project)

    status, _, err = run(capsys, "build", "--site-dir", "site", "--locale", "en-US")

    assert status == 1
    assert re.search(f"^{expected}", err, re.M), err
    assert "problem" in err.splitlines()[-1]
    assert not (project / "site").exists()


def test_a_symbolic_link_to_content_of_the_project_is_published(project, capsys):
    _link("docs/assets/shared.css", "../../overrides/assets/stylesheets/help-center.css")(project)

    status, _, _ = run(capsys, "build", "--site-dir", "site", "--locale", "en-US")

    assert status == 0
    published = project / "site" / "en-us" / "assets" / "shared.css"
    assert published.read_bytes() == (project / "overrides/assets/stylesheets/help-center.css").read_bytes()


def test_check_refuses_a_content_file_that_leads_out_of_the_project(project, capsys):
    (project / "content" / "locales" / "fr-FR.po").unlink()
    (project / "content" / "locales" / "fr-FR.po").symlink_to("/etc/passwd")

    status, _, err = run(capsys, "check")

    assert status == 1
    assert err.startswith("content/locales/fr-FR.po: error: is a symbolic link to /etc/passwd, outside the project")


def _fail(error: int, when: Callable[..., bool], path: int = 0) -> Callable[[Callable], Callable]:
    """Wrap an os or pathlib function so that it fails with ``error`` when ``when(*args)`` holds, at ``args[path]``."""

    def wrap(function: Callable) -> Callable:
        def failing(*args, **kwargs):
            if when(*args):
                raise OSError(error, os.strerror(error), str(args[path]))
            return function(*args, **kwargs)

        return failing

    return wrap


def _in_out(path, *_) -> bool:
    return Path(path).parent.name == "out" or Path(path).parent.parent.name == "out"


#: Writes that fail in the build's own process: (what to break, the error, the one line said).
FAILED_WRITES = {
    "the folder cannot hold a new folder": (
        (os, "mkdir"),
        errno.EACCES,
        r"out: error: cannot write the site here \(Permission denied\)",
    ),
    "the disk is full": (
        (Path, "write_text"),
        errno.ENOSPC,
        r"out/\.site-building-\w+/(index\.html|\.generator-site): error: cannot write the site here "
        r"\(No space left on device\)",
    ),
    "the site cannot be swapped": (
        (os, "rename"),
        errno.EACCES,
        r"out/(\.site-building-\w+|site): error: cannot write the site here \(Permission denied\)",
    ),
}


@pytest.mark.parametrize("case", list(FAILED_WRITES))
def test_a_failed_write_is_one_line(project, capsys, monkeypatch, case):
    (owner, name), error, expected = FAILED_WRITES[case]
    (project / "out").mkdir()
    assert run(capsys, "build", "--site-dir", "out/site", "--locale", "en-US")[0] == 0
    before = digest(project / "out")
    monkeypatch.setattr(owner, name, _fail(error, _in_out)(getattr(owner, name)))
    if name == "rename":  # the swap of two folders is a rename too
        import generator.content.publish as publish

        swap = getattr(publish, "exchange", None)
        monkeypatch.setattr(publish, "exchange", _fail(error, _in_out)(swap), raising=False)

    status, _, err = run(capsys, "build", "--site-dir", "out/site", "--locale", "en-US")

    assert status == 1
    assert re.fullmatch(f"{expected}\n", err), err
    monkeypatch.undo()
    assert digest(project / "out") == before  # the published site is as it was, and nothing is left beside it


def test_a_ledger_that_cannot_be_written_after_a_build_is_one_line(project, capsys, monkeypatch):
    import generator.cli

    def full(content_dir, *_):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(content_dir / "finder-addresses.yaml"))

    monkeypatch.setattr(generator.cli, "record", full)

    status, _, err = run(capsys, "build", "--site-dir", "site", "--locale", "en-US")

    assert status == 1
    assert err == (
        "content/finder-addresses.yaml: error: the site is built, but its new finder addresses cannot be written "
        "(No space left on device); build again once they can\n"
    )


#: What a worker fails on, in MkDocs: (the function, the argument that is the path, what it is, the error, the line).
WORKER_FAILURES = {
    "a page cannot be written": (
        "write_file",
        1,
        "review",
        errno.ENOSPC,
        "{target}/review/index.html: error: cannot write the site here (No space left on device)",
    ),
    "a file of docs/ cannot be read": (
        "copy_file",
        0,
        "assets",
        errno.EACCES,
        "docs/assets/favicon.svg: error: cannot read this file (Permission denied)",
    ),
}


@pytest.mark.parametrize("case", list(WORKER_FAILURES))
def test_a_worker_that_cannot_read_or_write_says_where_in_one_line(project, monkeypatch, tmp_path, case):
    import mkdocs.utils

    from generator.content.publish import OutputError
    from generator.mkdocs.site import _build_locale

    name, argument, folder, error, expected = WORKER_FAILURES[case]
    target = tmp_path / "staging" / "en-us"
    failing = _fail(error, lambda *args: Path(args[argument]).parent.name == folder, path=argument)
    monkeypatch.setattr(mkdocs.utils, name, failing(getattr(mkdocs.utils, name)))
    monkeypatch.setattr(logging.getLogger("mkdocs"), "propagate", False)  # MkDocs also logs it, to no one here
    with pytest.raises(OutputError) as failure:
        _build_locale(str(project / "mkdocs.yml"), str(target), "en-US", "")

    assert str(failure.value) == expected.format(target=target)


def test_mkdocs_says_nothing_about_pages_left_out_of_the_navigation(project, caplog, tmp_path):
    from mkdocs.commands.build import build

    from generator.mkdocs.config import locale_config

    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(locale_config(project / "mkdocs.yml", str(tmp_path / "site"), "en-US", ""))

    said = [record.getMessage() for record in caplog.records if record.levelno >= logging.INFO]
    assert (tmp_path / "site" / "review" / "index.html").is_file()  # the page the note was about
    assert [message for message in said if "nav" in message] == []
