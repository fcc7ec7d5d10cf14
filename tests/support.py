"""Helpers the tests share: reading generated HTML, checking it with Nu, running a live preview."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from babel.messages.pofile import read_po
from playwright.sync_api import Page, expect

#: The published locales: (tag, <html lang>, URL folder). Written by hand, so
#: the tests notice when locales.yaml changes.
LOCALES = [
    ("en-US", "en", "en-us"),
    ("fr-FR", "fr", "fr-fr"),
    ("de-DE", "de", "de-de"),
    ("es-ES", "es", "es-es"),
    ("it-IT", "it", "it-it"),
]


class _TextAndTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.chunks.append(data)


def html_text(html: str) -> str:
    """Return the visible text of ``html`` with white space folded."""
    parser = _TextAndTags()
    parser.feed(html)
    # Only ASCII white space folds: a no-break space is part of the text (French "traduites :").
    return re.sub(r"[ \t\n\r\f]+", " ", " ".join(parser.chunks)).strip()


def html_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Return every start tag of ``html`` with its attributes."""
    parser = _TextAndTags()
    parser.feed(html)
    return parser.tags


#: Elements that start a line of their own in :func:`page_text`.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "g",
        "text",
    ]
)
#: Elements whose content no customer reads.
_UNREAD = frozenset({"script", "style", "template"})


class _PageText(HTMLParser):
    """What a customer reads on a built page: title, description, and the main content's text and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.description = ""
        self.refresh = ""
        self.chunks: list[str] = []
        self.links: list[str] = []
        self.found_main = False
        self.depth = 0  # of <article> elements, inside the main content
        self.unread = 0
        self.in_title = False
        self.title_read = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "title" and not self.title_read:  # the page's, not a diagram's
            self.in_title = True
        elif tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content") or ""
        elif tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.refresh = attributes.get("content") or ""
        elif tag == "article" and (self.depth or "md-content__inner" in (attributes.get("class") or "").split()):
            self.found_main = True
            self.depth += 1
        if not self.depth:
            return
        if tag in _UNREAD:
            self.unread += 1
        elif tag in _BLOCKS:
            self.chunks.append("\n")
        if tag == "a" and attributes.get("href") is not None and not self.unread:
            self.links.append(attributes["href"] or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _UNREAD and self.depth:
            self.unread -= 1

    def handle_endtag(self, tag):
        if tag == "title" and self.in_title:
            self.in_title, self.title_read = False, True
        if not self.depth:
            return
        if tag in _UNREAD:
            self.unread = max(0, self.unread - 1)
        elif tag in _BLOCKS:
            self.chunks.append("\n")
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif self.depth and not self.unread:
            self.chunks.append(re.sub(r"[ \t\n\r\f]+", " ", data))  # a line break of the source is a space


def _fold(text: str) -> str:
    # Only ASCII white space folds: a no-break space is part of the text (French "traduites :").
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip()


def page_text(html: str, base_url: str = "") -> dict[str, object]:
    """Return what a customer reads on one built page, and where its links lead.

    ``title`` and ``description`` come from the head; ``text`` is the visible
    text of the main content (Material's ``article.md-content__inner``, else
    the whole page: no header, footer, navigation, search or script), one
    line per block element, white space folded; ``links`` are the ``href`` of
    the main content's links, in order. A link into the site written with its
    address (``base_url`` + path) is kept as ``/`` + path, so that the same
    site built for another address reads the same. A redirect stub adds
    ``refresh``: where it sends the browser.

    >>> page = page_text('<title> A  page </title><p>Not this</p>'
    ...     '<article class="md-content__inner"><h1>Hi</h1><p>See <a href="x/">this</a>.'
    ...     '<script>no()</script></p></article>')
    >>> page["title"], page["text"], page["links"]
    ('A page', ['Hi', 'See this.'], ['x/'])
    """
    parser = _PageText()
    parser.feed(html)
    parser.close()
    if not parser.found_main:  # a page without Material's layout (the root page): its whole body
        whole = _PageText()
        whole.feed(re.sub(r"<body\b", '<body><article class="md-content__inner"', html, count=1, flags=re.I))
        parser.chunks, parser.links = whole.chunks, whole.links

    def local(href: str) -> str:
        return "/" + href[len(base_url) :] if base_url and href.startswith(base_url) else href

    page: dict[str, object] = {
        "title": _fold("".join(parser.title)),
        "description": _fold(parser.description),
        "text": [line for line in map(_fold, "".join(parser.chunks).split("\n")) if line],
        "links": [local(href) for href in parser.links],
    }
    if parser.refresh:
        wait, _, target = parser.refresh.partition(";")
        target = target.strip()
        if target.lower().startswith("url="):
            target = target[4:]
        page["refresh"] = f"{wait.strip()}; url={local(target)}"
    return page


#: Pages of a locale that are no customer's: the review page is an editor's tool.
NOT_CUSTOMER_PAGES = ("review/",)


def site_base_url(locale_dir: Path) -> str:
    """The address the site of ``locale_dir`` was built for, from its home page's ``x-default`` link ("" if none)."""
    home = locale_dir / "index.html"
    if not home.is_file():
        return ""
    for tag, attributes in html_tags(home.read_text(encoding="utf-8")):
        if tag == "link" and attributes.get("hreflang") == "x-default" and attributes.get("rel") == "alternate":
            return attributes.get("href") or ""
    return ""


def locale_pages(locale_dir: Path) -> dict[str, dict[str, object]]:
    """:func:`page_text` of every customer page of one built locale, by path relative to ``locale_dir``."""
    base_url = site_base_url(locale_dir)
    pages: dict[str, dict[str, object]] = {}
    for path in sorted(locale_dir.rglob("*.html")):
        key = path.relative_to(locale_dir).as_posix()
        if key.startswith(NOT_CUSTOMER_PAGES):
            continue
        pages[key] = page_text(path.read_text(encoding="utf-8"), base_url)
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    # Headers and body go out in separate writes: without this, Nagle's
    # algorithm and delayed ACKs hold every response back by tens of ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # The browser may drop a connection it no longer needs (a page left
        # while loading); that is not an error of the site.
        pass


@contextlib.contextmanager
def serve_directory(directory: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``directory`` over HTTP on a free port of ``host``; yield its address without a trailing slash.

    The folder may not exist yet, or be replaced while served: each request looks it up anew.
    """
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def expect_shown(page: Page, url: str) -> None:
    """Wait until the finder says it shows ``url`` whole (``data-finder-shown``); without JavaScript, a page is whole.

    Answering in place, the address changes before the node is swapped in, and
    the new node shows before focus and the live region follow: only this
    attribute, set last, says that the swap is done.
    """
    expect(page.locator(f'html[data-finder-shown="{url}"], html:not([data-finder-shown])')).to_have_count(1)


ROOT = Path(__file__).resolve().parent.parent
#: The W3C's Nu HTML checker, pinned in package-lock.json; `make install` puts it in node_modules/.
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(folder: Path, pages: list[str]) -> dict[str, list[str]]:
    """Every error the Nu HTML checker finds in ``pages`` (relative to ``folder``), by page: "line: message".

    Only errors count (--errors-only). The checker runs once for all pages: its
    Java virtual machine takes seconds to start.
    """
    java = shutil.which("java")
    if java is None:
        pytest.fail("the HTML check needs Java 11 or later on the PATH: install it with `apt-get install default-jre`")
    if not VNU.is_file():
        pytest.fail(f"the HTML check needs the Nu HTML checker at {VNU.relative_to(ROOT)}: run `make install`")
    site = folder.resolve()
    # --stdout: the report alone on stdout, whatever the Java virtual machine says on stderr.
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", "--stdout", *pages],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML checker failed (exit status {result.returncode}):\n{result.stdout}{result.stderr}")
    found: dict[str, list[str]] = {}
    for message in report["messages"]:
        if message.get("type") == "info":  # warnings; --errors-only leaves them out already
            continue
        url = message.get("url", "")
        page = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
        where = page.relative_to(site).as_posix() if page and page.is_relative_to(site) else url or "?"
        found.setdefault(where, []).append(f"{message.get('lastLine', '?')}: {message.get('message', message)}")
    return found


def locale_words(policy, tag: str, locales_dir: Path = ROOT / "content" / "locales") -> list[str]:
    """The wording of every question, answer and outcome title in ``tag``, from the YAML or the catalog in
    ``locales_dir``."""
    english = [q.text for q in policy.questions]
    english += [a.text for q in policy.questions for a in q.answers]
    english += [o.title for o in policy.outcomes]
    if tag == "en-US":
        return english
    with (locales_dir / f"{tag}.po").open("rb") as handle:
        catalog = read_po(handle)
    contexts = [f"{policy.id}/questions/{q.id}/text" for q in policy.questions]
    contexts += [f"{policy.id}/questions/{q.id}/answers/{a.id}/text" for q in policy.questions for a in q.answers]
    contexts += [f"{policy.id}/outcomes/{o.id}/title" for o in policy.outcomes]
    found = {message.context: message.string for message in catalog if message.context}
    return [found[context] for context in contexts]


class _SvgText(HTMLParser):
    """The text of each box of the diagram, its lines joined by a space."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[list[str]] = []
        self.in_text = False

    def handle_starttag(self, tag, attrs):
        if tag == "g":
            self.boxes.append([])
        self.in_text = tag == "text"

    def handle_endtag(self, tag):
        self.in_text = False

    def handle_data(self, data):
        if self.in_text:
            self.boxes[-1].append(data)


def diagram_boxes(html: str) -> list[str]:
    svg = re.search(r"<svg .*?</svg>", html, re.S)
    assert svg, "the page has a diagram"
    parser = _SvgText()
    parser.feed(svg.group())
    return [" ".join(lines) for lines in parser.boxes]


def add_question_in_front(project: Path) -> None:
    """Ask first where the device was traded in; a trade-in in a shop goes to Customer Care."""
    policy = project / "content/policy.yaml"
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    data["questions"].insert(
        0,
        {
            "id": "channel",
            "text": "Where did you trade in your device?",
            "answers": [{"id": "online", "text": "Online"}, {"id": "shop", "text": "In a shop"}],
        },
    )
    for scenario in data["scenarios"]:
        scenario["when"]["channel"] = ["online"]
    data["scenarios"].append(
        {"id": "shop", "when": {"channel": ["shop"]}, "outcome": "contact-support", "situation": "In a shop."}
    )
    policy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


#: Only ends a test that would otherwise hang: each step waits for a state.
DEADLINE = 120.0


class Preview:
    """A running preview: its address, and the lines it printed."""

    def __init__(self, process: subprocess.Popen[str], ready: str = "Serving on") -> None:
        """Wait until the preview prints ``ready`` and its address (``Serving on``: the first build is done)."""
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.printed: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        served = self.wait_for_line(ready + r" (http://127\.0\.0\.1:\d+/en-us/)")
        self.url = served[1]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)  # type: ignore[arg-type]  # the preview has exited

    def wait_for_line(self, pattern: str) -> re.Match[str]:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.printed)
                continue
            assert line is not None, "the preview exited:\n" + "\n".join(self.printed)
            self.printed.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        pytest.fail(f"the preview never printed {pattern!r}:\n" + "\n".join(self.printed))

    def everything_printed(self) -> str:
        """Every line the preview printed, once it has exited (the deadline only ends a test that would hang)."""
        self.process.wait(timeout=DEADLINE)
        while (line := self.lines.get(timeout=DEADLINE)) is not None:
            self.printed.append(line)
        self.lines.put(None)  # type: ignore[arg-type]  # for a second call
        return "\n".join(self.printed)

    def page(self, path: str = "finder/") -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=DEADLINE) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:  # the page of problems comes with 503
            return f"HTTP {error.code}\n{error.read().decode('utf-8')}"

    def wait_for_page(self, check: Callable[[str], bool], path: str = "finder/") -> str:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            html = self.page(path)
            if check(html):
                return html
            self.wait_for_line(r"Reloading browsers|The browser shows the problems")
        pytest.fail(f"the preview never served the expected page:\n{html[:500]}")


def start(project: Path, temporary: Path, *arguments: str) -> subprocess.Popen[str]:
    """Start ``python -m generator serve`` in ``project``, its temporary folders in ``temporary``."""
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    temporary.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", *(arguments or ("--dev-addr", "127.0.0.1:0"))],
        cwd=project,
        env={**os.environ, "PYTHONPATH": python_path, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    assert process.stdout is not None
    process.stdout.close()


def edit_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``python -m generator ARGS`` in this process; return its status and what it printed, never a traceback."""
    from generator.cli import main

    status = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


#: The example help center (examples/help-center/), and the address its site is built for: the one mkdocs.yml
#: gives when HELP_BASE_URL is not set. No page of it asks that address for anything.
EXAMPLE_DIR = ROOT / "examples" / "help-center"
EXAMPLE_BASE_URL = "https://help.example.com/"
#: Where each policy of the example has its article and its finder, below a locale's folder (the trade-in policy
#: keeps its finder at finder/; the others have theirs in their article's folder).
EXAMPLE_POLICY_PAGES = {
    "trade-in": {"article": "get-your-device-back/", "finder": "finder/"},
    "warranty": {"article": "make-a-warranty-claim/", "finder": "make-a-warranty-claim/finder/"},
    "cancel-order": {"article": "cancel-an-order/", "finder": "cancel-an-order/finder/"},
}
#: A word of each policy's article in each locale of the example, that no other policy's pages use: what a
#: customer might search for. Chosen by reading the built articles, never taken from them by the tests.
EXAMPLE_SEARCH_WORDS = {
    "en-us": {"trade-in": "counteroffer", "warranty": "replacement", "cancel-order": "cancel"},
    "fr-fr": {"trade-in": "reconditionneur", "warranty": "devis", "cancel-order": "annuler"},
    "de-de": {"trade-in": "Gegenangebot", "warranty": "Garantiefall", "cancel-order": "stornieren"},
    "es-es": {"trade-in": "contraoferta", "warranty": "presupuesto", "cancel-order": "cancelar"},
    "it-it": {"trade-in": "controfferta", "warranty": "preventivo", "cancel-order": "annullare"},
}


def made_once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """Return the folder ``name``, made by ``make(folder)`` once per run of the suite, whichever worker asks first.

    The xdist workers of one run share the parent of their temporary folders: a
    lock on a file there makes every other worker wait for the first to finish
    (the lock is the state waited for, never a duration). If ``make`` fails,
    the next worker that asks tries again. Without xdist, the folder is the run's own.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, done = base / name, base / f"{name}.done"
    with (base / f"{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            make(folder)
            done.touch()
    return folder


def proofs_made(monkeypatch: pytest.MonkeyPatch, key: Callable[[Any], str]) -> list[str]:
    """``key(policy)`` of each policy the help center proves from now on: none is kept from before."""
    from generator.content.reuse import Kept
    from generator.helpcenter import folder

    made: list[str] = []
    prove = folder.prove
    monkeypatch.setattr(folder, "_proofs", Kept(folder.KEPT_POLICIES))

    def counting(policy: Any, **options: Any) -> Any:
        made.append(key(policy))
        return prove(policy, **options)

    monkeypatch.setattr(folder, "prove", counting)
    return made


#: The Belgian market: its value of every fact and link given by_market, each after the Italian one.
BELGIAN_MARKET = [
    ("help-center.yaml", "  it: {mass_unit: kilogram}\n", "  be: {mass_unit: kilogram}\n"),
    (
        "policy.yaml",
        "      it: https://www.ups.com/ship/guided/origin?loc=it_IT\n",
        "      be: https://www.ups.com/ship/guided/origin?loc=fr_BE\n",
    ),
    (
        "help-center.yaml",
        "      it: https://help.backmarket.it/hc/it-it/requests/new\n",
        "      be: https://help.backmarket.be/hc/fr-be/requests/new\n",
    ),
    (
        "help-center.yaml",
        "      it: https://www.backmarket.it/it-it/dashboard/orders\n",
        "      be: https://www.backmarket.be/fr-be/dashboard/orders\n",
    ),
]


def add_belgian_market(content: Path) -> None:
    """Add the Belgian market to a copy of the content: its unit, and its value of every fact and link."""
    for name, after, added in BELGIAN_MARKET:
        edit_file(content / name, after, after + added)


#: The British market: the Belgian market's values, written for Britain.
BRITISH_MARKET = [
    (name, after, added.replace("fr_BE", "en_GB").replace("be", "gb")) for name, after, added in BELGIAN_MARKET
]


def add_british_market(content: Path) -> None:
    """Add the British market (``gb``) to a copy of the content, as :func:`add_belgian_market` does the Belgian."""
    for name, after, added in BRITISH_MARKET:
        edit_file(content / name, after, after + added)
