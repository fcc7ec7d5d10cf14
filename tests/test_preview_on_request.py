"""The preview makes a page when it is asked for, and that page is the page `mkdocs build` writes.

A preview build writes only the listed pages (home, article, the finder's
first question); a finder step, a result, the review page and finder.json are
made on request (generator/mkdocs/on_request.py). Each is compared with the
same file of a full build, byte for byte in this process, and through the
preview's server with only its live-reload script taken out. Each edit is
awaited as the preview announces it ("Reloading browsers"), never for a time.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from html import unescape
from http import HTTPStatus
from pathlib import Path

import pytest
from mkdocs.commands.build import build

from generator.logic import flow
from generator.logic.addresses import node_dir
from generator.mkdocs.config import locale_config
from generator.mkdocs.on_request import PagesOnRequest
from generator.preview.server import PageError, PreviewServer, Shown
from support import DEADLINE, edit_file

BASE = "http://127.0.0.1:8000/"
#: The live-reload script the preview adds at the end of every page's body: all that the server changes.
LIVE_RELOAD = re.compile(r"<script>\(function \(epoch, page\) \{.*?\}\)\(\d+, \d+\);</script>(?=</body>)", re.S)


def finder_pages(content) -> dict[str, str]:
    """A finder question after an answer, and a result, by kind: their files below the site."""
    nodes = content.proof.nodes
    question = next(node for node in nodes if isinstance(node, flow.QuestionNode) and node.path)
    result = next(node for node in nodes if not isinstance(node, flow.QuestionNode))
    return {kind: f"{node_dir(node.path)}/index.html" for kind, node in [("question", question), ("result", result)]}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path, PagesOnRequest]:
    """The real project built twice for the same address: in full, and as the preview builds it."""
    from support import ROOT

    work = tmp_path_factory.mktemp("on-request")
    full, preview = work / "full", work / "preview"
    build(locale_config(ROOT / "mkdocs.yml", str(full), "en-US", BASE))
    config = locale_config(ROOT / "mkdocs.yml", str(preview), "en-US", BASE, on_request=True)
    build(config)
    return full, preview, PagesOnRequest(config)


@pytest.mark.parametrize(
    ("kind", "made_on_request"),
    [
        pytest.param("index.html", False, id="home"),
        pytest.param("get-your-device-back/index.html", False, id="article"),
        pytest.param("finder/index.html", False, id="finder-start"),
        pytest.param("question", True, id="finder-question"),
        pytest.param("result", True, id="finder-result"),
        pytest.param("review/index.html", True, id="review-list"),
        pytest.param("review/trade-in/index.html", True, id="review"),
        pytest.param("finder.json", True, id="finder-json"),
        pytest.param("finder.schema.json", True, id="finder-schema"),
    ],
)
def test_a_page_of_the_preview_is_the_page_of_a_full_build(content, two_builds, kind, made_on_request):
    full, preview, on_request = two_builds
    path = finder_pages(content).get(kind, kind)

    if made_on_request:
        assert not (preview / path).exists(), "the preview's build left it out"
        served = on_request[path]
    else:
        assert path not in on_request
        served = (preview / path).read_bytes()

    assert served == (full / path).read_bytes()


def test_the_preview_leaves_out_every_page_it_can_make_and_no_other(two_builds):
    full, preview, on_request = two_builds
    pages = {str(page.relative_to(full)) for page in full.rglob("index.html")}
    built = {str(page.relative_to(preview)) for page in preview.rglob("index.html")}

    assert built | {path for path in on_request if path.endswith("index.html")} == pages
    assert built == {"index.html", "get-your-device-back/index.html", "finder/index.html"}
    assert not built & set(on_request)


@pytest.fixture(scope="module")
def help_center_builds(tmp_path_factory) -> tuple[Path, Path, PagesOnRequest]:
    """The example help center (three policies) built twice for the same address: in full, and as the preview."""
    from support import EXAMPLE_DIR, ROOT

    work = tmp_path_factory.mktemp("on-request-help-center")
    full, preview = work / "full", work / "preview"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONTENT", str(EXAMPLE_DIR))
        build(locale_config(ROOT / "mkdocs.yml", str(full), "en-US", BASE))
        config = locale_config(ROOT / "mkdocs.yml", str(preview), "en-US", BASE, on_request=True)
        build(config)
    return full, preview, PagesOnRequest(config)


def test_the_preview_of_a_help_center_makes_each_page_it_left_out_as_a_full_build_does(help_center_builds):
    full, preview, on_request = help_center_builds
    pages = {str(page.relative_to(full)) for page in full.rglob("index.html")}
    built = {str(page.relative_to(preview)) for page in preview.rglob("index.html")}
    left_out = {path for path in on_request if path.endswith("index.html")}

    assert built == {
        "index.html",
        "get-your-device-back/index.html",
        "finder/index.html",
        "cancel-an-order/index.html",
        "cancel-an-order/finder/index.html",
        "make-a-warranty-claim/index.html",
        "make-a-warranty-claim/finder/index.html",
    }
    assert built | left_out == pages
    assert not built & left_out
    assert {path.split("/")[0] for path in left_out} >= {"finder", "cancel-an-order", "make-a-warranty-claim", "review"}
    for path in sorted(left_out):
        assert on_request[path] == (full / path).read_bytes(), path


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("finder/no-such-answer/index.html", id="no-such-page"),
        pytest.param("finder/index.md", id="a-source-path"),
        pytest.param("no-such-file.json", id="no-such-file"),
        pytest.param("index.html", id="a-page-the-build-wrote"),
    ],
)
def test_what_the_preview_cannot_make_is_not_offered(two_builds, path):
    _, _, on_request = two_builds
    assert path not in on_request
    with pytest.raises(KeyError):
        on_request[path]


# The server, on pages made on request (no MkDocs: a mapping stands for them) ----------------------------------


class Failing(dict[str, bytes]):
    """Pages made on request, one of which cannot be made."""

    def __getitem__(self, path: str) -> bytes:
        if path == "finder/broken/index.html":
            raise PageError("overrides/main.html:3: 'no_such_thing' is undefined")
        return super().__getitem__(path)

    def __contains__(self, path: object) -> bool:
        return path == "finder/broken/index.html" or super().__contains__(path)


@pytest.fixture
def server(tmp_path) -> Iterator[PreviewServer]:
    site = tmp_path / "site"
    (site / "finder").mkdir(parents=True)
    (site / "finder" / "index.html").write_bytes(b"<html><body>built</body></html>")
    made = Failing({"finder/a/index.html": b"<html><body>made</body></html>", "finder.json": b'{"made": 1}'})
    server = PreviewServer("127.0.0.1", 0, "/en-us/")
    server.shown = Shown(epoch=1, site=site, on_request=made)
    yield server
    server.server_close()


@pytest.mark.parametrize(
    ("path", "status", "shown", "content_type"),
    [
        pytest.param("/en-us/finder/", HTTPStatus.OK, "built", "text/html; charset=utf-8", id="built"),
        pytest.param("/en-us/finder/a/", HTTPStatus.OK, "made", "text/html; charset=utf-8", id="made"),
        pytest.param("/en-us/finder/a", HTTPStatus.FOUND, "", "text/plain; charset=utf-8", id="made-without-slash"),
        pytest.param("/en-us/finder.json", HTTPStatus.OK, '{"made": 1}', "application/json; charset=utf-8", id="data"),
        pytest.param("/en-us/finder/b/", HTTPStatus.NOT_FOUND, "Not found", "text/plain; charset=utf-8", id="neither"),
        pytest.param(
            "/en-us/finder/broken/",
            HTTPStatus.SERVICE_UNAVAILABLE,
            "&#39;no_such_thing&#39; is undefined",
            "text/html; charset=utf-8",
            id="cannot-be-made",
        ),
    ],
)
def test_the_server_answers_with_a_page_made_on_request(server, path, status, shown, content_type):
    answer = server.answer(path)

    assert (answer.status, answer.content_type) == (status, content_type)
    assert shown in answer.content.decode()
    if content_type.startswith("text/html"):
        assert b"/livereload/" in answer.content
    if status == HTTPStatus.FOUND:
        assert answer.location == path + "/"


# A running preview ---------------------------------------------------------------------------------------------


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=DEADLINE) as response:
        return response.read()


def test_a_served_page_is_the_page_of_a_full_build_but_for_the_live_reload_script(content, project, preview, tmp_path):
    root = preview.url.removesuffix("en-us/")
    build(locale_config(project / "mkdocs.yml", str(tmp_path / "full"), "en-US", root))
    pages = finder_pages(content)

    for path in ["index.html", "get-your-device-back/index.html", pages["question"], pages["result"]]:
        served = fetch(preview.url + path.removesuffix("index.html")).decode("utf-8")
        assert len(LIVE_RELOAD.findall(served)) == 1, path
        assert LIVE_RELOAD.sub("", served) == (tmp_path / "full" / path).read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    ("page", "old", "new"),
    [
        pytest.param(
            "question",
            "text: Why wasn't your trade-in finalized?",
            "text: Why was your trade-in stopped, edited?",
            id="finder-question",
        ),
        pytest.param(
            "result",
            "title: You send the refurbisher a prepaid return label",
            "title: You send a prepaid label, edited",
            id="finder-result",
        ),
        pytest.param(  # the article's title is shown on a step only by the navigation, which is rendered once
            "question",
            "title: Get your device back after a trade-in that wasn't finalized",
            "title: Get your device back, edited",
            id="navigation",
        ),
        pytest.param(
            "review/trade-in/index.html",
            "text: Did you try to sort it out?",
            "text: Did you try to sort it out, edited?",
            id="review",
        ),
        pytest.param(
            "finder.json",
            "title: Find out how to get your device back",
            "title: Where is my device, edited?",
            id="finder-json",
        ),
    ],
)
def test_an_edit_is_served_on_a_page_made_on_request(content, project, preview, page, old, new):
    path = finder_pages(content).get(page, page).removesuffix("index.html")
    shown = new.split(": ", 1)[1]
    assert shown not in unescape(preview.page(path))

    edit_file(project / "content" / "policy.yaml", old, new)

    preview.wait_for_page(lambda html: shown in unescape(html), path)


def test_a_page_that_cannot_be_made_shows_its_problem_and_the_others_are_served(content, project, preview):
    main = project / "overrides" / "main.html"
    edit_file(main, "{% block site_meta %}", "{% block site_meta %}{% if page and page.meta.finder and page.meta.finder.outcome %}"
              "{{ no_such_thing.here }}{% endif %}")  # fmt: skip
    preview.wait_for_line("Reloading browsers")
    result = finder_pages(content)["result"].removesuffix("index.html")

    html = preview.page(result)

    assert html.startswith("HTTP 503\n")
    assert "The preview cannot show the site" in html
    assert "no_such_thing" in unescape(html)
    assert "/livereload/" in html, "the page reloads by itself once the template is fixed"
    assert "Find out how to get your device back" in preview.page("finder/")
    preview.process.terminate()
    assert "Traceback" not in preview.everything_printed()


# The catalogs, read again after each edit of the policy, are parsed again only when they changed ---------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        pytest.param('msgstr "Tablette"', "Tablette", id="unchanged"),
        pytest.param('msgstr "Tablette tactile"', "Tablette tactile", id="changed"),
    ],
)
def test_a_catalog_is_read_anew_once_it_changed(tmp_path, new, found):
    from generator.i18n.catalogs import read_catalog
    from support import ROOT

    path = tmp_path / "fr-FR.po"
    path.write_text((ROOT / "content" / "locales" / "fr-FR.po").read_text(encoding="utf-8"), encoding="utf-8")
    first, _ = read_catalog(path)
    assert first is not None
    edit_file(path, 'msgstr "Tablette"', new)

    again, problems = read_catalog(path)

    assert problems == []
    assert again is not None
    assert found in {message.string for message in again}
    assert (again is first) == (new == 'msgstr "Tablette"')
