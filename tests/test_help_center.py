"""Many policies in one help center: each checked and proven on its own, none taking another's address.

The toy help center here is the toy policy (``policy.yaml``) and a second toy
policy, ``policies/other.yaml``, made from it with another id and article.
Each case breaks one of them (or help-center.yaml) and names every line the
check must print.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from support import ROOT, run_cli

CONTENT_DIR = ROOT / "content"
EXAMPLE_DIR = ROOT / "examples" / "help-center"
TOY = ROOT / "tests" / "fixtures" / "toy"
SCHEMAS = ["help-center.schema.json", "policy.schema.json", "interface.schema.json"]

#: What the toy help center shares: one market, a shared fact the second policy uses, and categories.
HELP_CENTER = """\
markets:
  us: {mass_unit: pound}
mass_rounding: {pound: 0.05, kilogram: 0.05}
facts:
  marketplace: {type: name, value: Toy Market}
categories:
  - id: returns
    title: Returns
  - id: repairs
    title: Repairs
"""


def toy_text() -> str:
    return (TOY / "policy.yaml").read_text(encoding="utf-8")


def other_text(**replacements: str) -> str:
    """The second toy policy: the toy with the id ``other``, its own article and finder, in ``repairs``, using the
    shared ``{marketplace}``; then each ``old=new`` of ``replacements`` (keys name the first words replaced)."""
    text = (
        toy_text()
        .replace("id: toy\ncategory: returns", "id: other\ncategory: repairs")
        .replace("id: toy-article", "id: other-article")
        .replace("  id: finder\n", "")
        .replace("intro: Find your situation below.", "intro: Find your situation at {marketplace}.")
    )
    for old, new in replacements.values():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def make_help_center(folder: Path, main: str | None = None, others: dict[str, str] | None = None) -> Path:
    """A toy help center in ``folder``: policy.yaml (the toy, or ``main``) and ``policies/<name>.yaml``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in [*SCHEMAS, "interface.yaml"]:
        shutil.copyfile(CONTENT_DIR / name, folder / name)
    (folder / "help-center.yaml").write_text(HELP_CENTER, encoding="utf-8")
    main = toy_text() if main is None else main
    (folder / "policy.yaml").write_text(main.replace("intro: Answer up", "intro: At {marketplace}, answer up"), "utf-8")
    (folder / "policies").mkdir(exist_ok=True)
    for name, text in ({"other": other_text()} if others is None else others).items():
        (folder / "policies" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def toy_center(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # the command prints paths relative to the working folder
    return make_help_center(tmp_path / "content")


def test_the_toy_help_center_is_sound(toy_center, capsys):
    status, out, err = run_cli(capsys, "check", "--content", "content")

    assert (status, err) == (0, "")
    assert [line.split(":")[0] for line in out.splitlines()] == ["content/policy.yaml", "content/policies/other.yaml"]
    assert "6 answer combinations: complete and unambiguous" in out.splitlines()[1]


#: (case, the files written: policy.yaml's text or None for the toy, the policies of policies/, help-center.yaml
#: or None, and the lines `check` prints, in order).
CASES = [
    pytest.param(
        None,
        {"another": other_text()},
        None,
        [
            "content/policies/another.yaml:2:5: error: this file is policies/another.yaml, so its policy's id must be "
            "'another', not 'other': a policy's file is named after its id. Rename the file to other.yaml, or write "
            "id: another",
        ],
        id="id-is-not-the-file-name",
    ),
    pytest.param(
        None,
        {"toy": other_text(id=("id: other\n", "id: toy\n"))},
        None,
        [
            "content/policies/toy.yaml:2:5: error: policy 'toy' is also the policy of content/policy.yaml line 2: give "
            "each policy its own id",
        ],
        id="two-policies-one-id",
    ),
    pytest.param(
        None,
        {"other": other_text(article=("id: other-article", "id: toy-article"))},
        None,
        [
            "content/policies/other.yaml:81:7: error: the folder 'toy-article' of its article is also the article of "
            "policy 'toy' (toy-article/, content/policy.yaml line 81): every page needs an address of its own, so "
            "choose another id",
        ],
        id="two-policies-one-article",
    ),
    pytest.param(
        None,
        {"other": other_text(), "third": other_text(id=("id: other\n", "id: third\n"))},
        None,
        [
            "content/policies/third.yaml:81:7: error: the folder 'other-article' of its article is also the article "
            "of policy 'other' (other-article/, content/policies/other.yaml line 81): every page needs an address of "
            "its own, so choose another id",
        ],
        id="two-articles-one-folder-said-once-with-their-finders",
    ),
    pytest.param(
        None,
        {"other": other_text(), "other-copy": other_text()},
        None,
        [
            "content/policies/other-copy.yaml:2:5: error: this file is policies/other-copy.yaml, so its policy's id "
            "must be 'other-copy', not 'other': a policy's file is named after its id. policies/other.yaml is that "
            "policy: delete this file if it is a copy, or write id: other-copy",
        ],
        id="a-copy-of-a-policy-said-once",
    ),
    pytest.param(
        None,
        {"other": other_text(finder=("  intro: Answer up to two questions.\n", "  intro: Two.\n  id: finder/more\n"))},
        None,
        [
            "content/policies/other.yaml:91:7: error: the folder 'finder/more' of its finder overlaps the folder of "
            "the finder of policy 'toy' (finder/, content/policy.yaml line 92): every page needs an address of its own, "
            "so choose another id",
        ],
        id="finder-inside-another-finder",
    ),
    pytest.param(
        None,
        {"other": other_text(finder=("  intro: Answer up to two questions.\n", "  intro: Two.\n  id: toy-article\n"))},
        None,
        [
            "content/policies/other.yaml:91:7: error: the folder 'toy-article' of its finder overlaps the folder of "
            "the article of policy 'toy' (toy-article/, content/policy.yaml line 81): every page needs an address of its "
            "own, so choose another id",
        ],
        id="finder-is-another-article",
    ),
    pytest.param(
        None,
        {
            "other": other_text(
                finder=("  intro: Answer up to two questions.\n", "  intro: Two.\n  id: other-article\n")
            )
        },
        None,
        [
            "content/policies/other.yaml:91:7: error: the finder's folder 'other-article' is the folder of the "
            "policy's own article: its first page would replace the article. Choose another finder id, or leave it "
            "out (the finder then lives at other-article/finder/)",
        ],
        id="finder-is-its-own-article",
    ),
    pytest.param(
        None,
        {"other": other_text(finder=("  intro: Answer up to two questions.\n", "  intro: Two.\n  id: search/x\n"))},
        None,
        [
            "content/policies/other.yaml:91:7: error: the finder's folder 'search/x' is inside search/, which the "
            "site takes for itself: choose another finder id",
        ],
        id="finder-in-a-reserved-folder",
    ),
    pytest.param(
        None,
        {"other": other_text(category=("category: repairs", "category: repiars"))},
        None,
        [
            "content/policies/other.yaml:3:11: error: unknown category 'repiars' (did you mean 'repairs'?): the "
            "categories are those of help-center.yaml (returns, repairs)",
        ],
        id="unknown-category",
    ),
    pytest.param(
        None,
        {"other": other_text()},
        HELP_CENTER + "  - id: shipping\n    title: Shipping\n",
        [
            "content/help-center.yaml:11:9: error: category 'shipping' has no policy: give a policy `category: "
            "shipping`, or remove it",
        ],
        id="category-without-policy",
    ),
    pytest.param(
        None,
        {"other": other_text(link=("Nothing to do.", "Nothing to do. [See](toy/outcome:refnd)."))},
        None,
        [
            "content/policies/other.yaml:72:30: error: unknown link target 'toy/outcome:refnd' (did you mean "
            "'toy/outcome:refund'?)",
        ],
        id="unknown-outcome-of-another-policy",
    ),
    pytest.param(
        None,
        {"other": other_text(link=("Nothing to do.", "Nothing to do. [See](tyo/article)."))},
        None,
        ["content/policies/other.yaml:72:30: error: unknown link target 'tyo/article' (did you mean 'toy/article'?)"],
        id="unknown-policy",
    ),
    pytest.param(
        toy_text().replace("facts:\n", "facts:\n  marketplace: {type: name, value: Mine}\n", 1),
        None,
        None,
        [
            "content/policy.yaml:7:3: error: fact 'marketplace' is already defined in help-center.yaml (line 5) for "
            "every policy: remove it here, or give it another name",
        ],
        id="shared-fact-shadowed",
    ),
    pytest.param(
        None,
        {"other": other_text(body=("      - procedure: label-steps\n", "      - procedure: label-steps\n" * 2))},
        None,
        [
            "content/policies/other.yaml:79:20: error: procedure 'label-steps' is already shown by outcome 'repair' "
            "(line 78): a procedure is shown once, since the article shows every outcome; link to it instead, e.g. "
            "[see the steps](outcome:repair)",
        ],
        id="procedure-shown-twice",
    ),
    pytest.param(
        toy_text().replace("outcome: repair\n", "outcome: repare\n", 1),
        {"other": other_text(scenario=("damage: [none]\n", "damage: [none, minor]\n"))},
        None,
        [
            "content/policy.yaml:52:14: error: unknown outcome 'repare' (did you mean 'repair'?)",
            "content/policies/other.yaml:60:5: error: scenarios 'large-fine' (outcome 'refund') and 'large-damaged' "
            "(outcome 'repair') both cover size=large, damage=minor: 1 answer combination. Decide which outcome "
            "these customers get, and take these answers out of the other scenario (write damage: [none] in "
            "'large-fine' or damage: [major] in 'large-damaged')",
        ],
        id="each-policy-says-its-own-problems",
    ),
]


@pytest.mark.parametrize(("main", "others", "shared", "expected"), CASES)
def test_a_help_center_problem_is_said_at_its_line(tmp_path, monkeypatch, capsys, main, others, shared, expected):
    monkeypatch.chdir(tmp_path)
    folder = make_help_center(tmp_path / "content", main, others)
    if shared is not None:
        (folder / "help-center.yaml").write_text(shared, encoding="utf-8")

    status, out, err = run_cli(capsys, "check", "--content", "content")

    assert (status, out) == (1, "")
    assert err.splitlines() == [*expected, f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("other.yml", ["content/policies/other.yml: error: this file is not read: a policy's file ends "
                                   "in .yaml. Rename it other.yaml"], id="yml"),
        pytest.param("other.YAML", ["content/policies/other.YAML: error: this file is not read: a policy's file "
                                    "ends in .yaml. Rename it other.yaml"], id="upper-case"),
        pytest.param(".other.yml", [], id="hidden-file-left-alone"),
        pytest.param("other.yaml.orig", [], id="not-a-policy-name"),
    ],
)  # fmt: skip
def test_a_policy_file_that_would_be_left_out_is_said(toy_center, capsys, name, expected):
    policy = toy_center / "policies" / "other.yaml"
    policy.with_name(name).write_bytes(policy.read_bytes())  # a copy: the policy itself is still read

    status, _, err = run_cli(capsys, "check", "--content", "content")

    assert status == (1 if expected else 0)
    assert err.splitlines() == ([*expected, "1 problem found"] if expected else [])


def test_a_broken_policy_does_not_make_another_policys_links_unknown(toy_center, capsys):
    """A policy whose file cannot be read is not proven; the links to it are not said to be unknown meanwhile."""
    linking = other_text(link=("Nothing to do.", "Nothing to do. [See](broken/article)."))
    (toy_center / "policies" / "other.yaml").write_text(linking, encoding="utf-8")
    (toy_center / "policies" / "broken.yaml").write_text("id: broken\nquestions: [\n", encoding="utf-8")

    status, _, err = run_cli(capsys, "check", "--content", "content")

    assert status == 1
    assert [line.split(": error:")[0].split(":")[0] for line in err.splitlines()[:-1]] == [
        "content/policies/broken.yaml"
    ]


def test_a_policy_file_is_checked_alone_with_what_the_policies_share(toy_center, capsys):
    broken = toy_text().replace("outcome: repair\n", "outcome: repare\n", 1)
    (toy_center / "policy.yaml").write_text(broken, encoding="utf-8")
    linking = other_text(link=("Nothing to do.", "Nothing to do. [See](toy/outcome:repair)."))
    (toy_center / "policies" / "other.yaml").write_text(linking, encoding="utf-8")

    status, out, err = run_cli(capsys, "check", "content/policies/other.yaml")
    assert (status, err) == (0, "")
    assert out.startswith("content/policies/other.yaml: 4 scenarios, 2 outcomes, 6 answer combinations")

    status, out, err = run_cli(capsys, "check", "--content", "content", "content/policy.yaml")
    assert (status, out) == (1, "")
    assert err.splitlines()[0].startswith("content/policy.yaml:52:14: error: unknown outcome 'repare'")


#: Edits of the second policy, each with the first problem the check of it says (written out by hand); ``None``:
#: the policy holds.
ONE_FILE_CASES = [
    pytest.param({}, None, id="sound"),
    pytest.param(
        {"link": ("Nothing to do.", "Nothing to do. [See](toy/outcome:repair).")}, None, id="a-link-to-another-policy"
    ),
    pytest.param(
        {"link": ("Nothing to do.", "Nothing to do. [See](toy/outcome:repare).")},
        "content/policies/other.yaml:72:30: error: unknown link target 'toy/outcome:repare' (did you mean "
        "'toy/outcome:repair'?)",
        id="a-link-to-another-policy-misspelt",
    ),
    pytest.param(
        {"link": ("Nothing to do.", "Nothing to do. [See](broken/article).")}, None, id="a-link-to-a-broken-policy"
    ),
    pytest.param(
        {"text": ("text: How big is the parcel?", "text: 7")},
        "content/policies/other.yaml:24:11: error: questions[size].text must be text, not the number 7",
        id="a-schema-problem",
    ),
    pytest.param(
        {"outcome": ("outcome: repair\n", "outcome: repare\n")},
        "content/policies/other.yaml:52:14: error: unknown outcome 'repare'",
        id="an-unknown-outcome",
    ),
    pytest.param(
        {"gap": ("damage: [minor, major]", "damage: [major]")},
        "content/policies/other.yaml:42:3: error: no scenario covers size=large, damage=minor: 1 answer combination",
        id="a-gap",
    ),
    pytest.param(
        {"yaml": ("  - id: small-fine\n", "  - id: small-fine\n   x\n")},
        "content/policies/other.yaml:43:4: error: this line is indented by 3 spaces",
        id="not-yaml",
    ),
]


@pytest.mark.parametrize(("edits", "first_problem"), ONE_FILE_CASES)
def test_the_check_of_one_file_says_what_the_whole_check_says_of_it(toy_center, capsys, edits, first_problem):
    (toy_center / "policies" / "other.yaml").write_text(other_text(**edits), encoding="utf-8")
    (toy_center / "policies" / "broken.yaml").write_text("id: broken\nquestions: [\n", encoding="utf-8")
    broken_itself = "content/policies/broken.yaml:3:1: error: invalid YAML"

    whole_status, whole_out, whole_err = run_cli(capsys, "check", "--content", "content")
    status, out, err = run_cli(capsys, "check", "content/policies/other.yaml")

    whole_lines = whole_err.splitlines()[:-1]
    assert [line.split(": expected")[0] for line in whole_lines if "broken.yaml" in line] == [broken_itself]
    of_this_file = [line for line in whole_lines if line.startswith("content/policies/other.yaml")]
    assert (whole_status, whole_out) == (1, "")
    assert err.splitlines()[:-1] == of_this_file
    if first_problem is None:
        assert (status, of_this_file) == (0, [])
        assert out.startswith("content/policies/other.yaml: 4 scenarios, 2 outcomes, 6 answer combinations")
    else:
        assert (status, out) == (1, "")
        assert of_this_file[0].startswith(first_problem)
        assert err.splitlines()[-1] == f"{len(of_this_file)} problem{'s' if len(of_this_file) > 1 else ''} found"


def test_the_check_of_one_file_glances_at_the_others_only_for_a_link_to_them(toy_center, capsys, monkeypatch):
    from generator.content import load

    glanced: list[str] = []
    skim = load.skim_ids
    monkeypatch.setattr(load, "skim_ids", lambda path: glanced.append(path.name) or skim(path))
    monkeypatch.setattr("generator.helpcenter.folder.skim_ids", load.skim_ids)

    assert run_cli(capsys, "check", "content/policies/other.yaml")[0] == 0
    assert glanced == []

    linking = other_text(link=("Nothing to do.", "Nothing to do. [See](toy/outcome:repair)."))
    (toy_center / "policies" / "other.yaml").write_text(linking, encoding="utf-8")
    assert run_cli(capsys, "check", "content/policies/other.yaml")[0] == 0
    assert glanced == ["policy.yaml"]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        pytest.param(
            ["content/help-center.yaml"],
            "content/help-center.yaml: error: this is not a policy of content: a policy is content/policy.yaml or "
            "content/policies/<id>.yaml",
            id="not-a-policy",
        ),
        pytest.param(
            ["content/policies/nothing.yaml"],
            "content/policies/nothing.yaml: error: there is no such file: a policy of content is content/policy.yaml "
            "or content/policies/<id>.yaml",
            id="no-such-file",
        ),
    ],
)
def test_check_of_a_file_that_is_no_policy_says_so(toy_center, capsys, arguments, expected):
    status, out, err = run_cli(capsys, "check", *arguments)

    assert (status, out) == (1, "")
    assert err.splitlines() == [expected, "1 problem found"]


# --- Pages and addresses ---


def test_each_policy_has_its_pages_its_finder_data_and_its_review(toy_center):
    from generator.content.locales import SiteLocale
    from generator.helpcenter.folder import load_content
    from generator.rendering.finder_data import finder_files
    from generator.rendering.pages import build_pages

    content = load_content(toy_center)
    pages = {page.directory: page for page in build_pages(content, SiteLocale("en-US", "us"))}
    files = finder_files(content, SiteLocale("en-US", "us"), "/en-us/")

    assert {"", "toy-article", "finder", "other-article", "other-article/finder", "review", "review/toy"} <= set(pages)
    assert "review/other" in pages
    assert [page.directory for page in pages.values() if page.listed] == [
        "",
        "toy-article",
        "finder",
        "other-article",
        "other-article/finder",
    ]
    assert set(files) == {
        "finder.json",
        "finder.schema.json",
        "other-article/finder.json",
        "other-article/finder.schema.json",
    }
    other = json.loads(files["other-article/finder.json"])
    assert other["start"] == "other-article/finder"
    assert {node["id"] for node in other["nodes"]} >= {"other-article/finder/small", "other-article/finder/large/none"}
    assert "At Toy Market, answer up" in pages["finder"].html  # the shared fact, in either policy
    assert "Find your situation at Toy Market." in pages["other-article"].html


def test_each_review_page_is_titled_after_its_policy_and_the_list_of_reviews_after_them_all(toy_center):
    from generator.content.locales import SiteLocale
    from generator.helpcenter.folder import load_content
    from generator.rendering.pages import build_pages

    other = other_text(title=("title: The toy article", "title: The other article"))
    (toy_center / "policies" / "other.yaml").write_text(other, encoding="utf-8")
    pages = {page.directory: page for page in build_pages(load_content(toy_center), SiteLocale("en-US", "us"))}

    titles = {directory: pages[directory].title for directory in ("review", "review/toy", "review/other")}
    assert titles == {
        "review": "Policy review",
        "review/toy": "Policy review: The toy article",
        "review/other": "Policy review: The other article",
    }
    assert "<h1>Policy review: The other article</h1>" in pages["review/other"].html


def test_the_home_page_lists_the_policies_by_category_in_the_categories_order(toy_center):
    from generator.content.locales import SiteLocale
    from generator.helpcenter.folder import load_content
    from generator.rendering.pages import build_pages

    (toy_center / "help-center.yaml").write_text(
        HELP_CENTER.replace(
            "  - id: returns\n    title: Returns\n  - id: repairs\n    title: Repairs\n",
            "  - id: repairs\n    title: Repairs\n  - id: returns\n    title: Returns\n",
        ),
        encoding="utf-8",
    )
    home = build_pages(load_content(toy_center), SiteLocale("en-US", "us"))[0].html

    headings = [home.index(">Repairs</h2>"), home.index(">Returns</h2>")]
    articles = [home.index('href="other-article/"'), home.index('href="toy-article/"')]
    assert headings[0] < articles[0] < headings[1] < articles[1]
    assert home.index('href="other-article/finder/"') < headings[1]


def test_a_link_to_another_policy_leads_to_its_pages(toy_center):
    from generator.content.locales import SiteLocale
    from generator.helpcenter.folder import load_content
    from generator.rendering.pages import build_pages

    linking = other_text(
        link=("Nothing to do.", "See [A](toy/article), [F](toy/finder), [O](toy/outcome:repair), [M](outcome:repair).")
    )
    (toy_center / "policies" / "other.yaml").write_text(linking, encoding="utf-8")
    pages = {page.directory: page for page in build_pages(load_content(toy_center), SiteLocale("en-US", "us"))}

    html = pages["other-article/finder/small/none"].html
    for href in ['"../../../../toy-article/"', '"../../../../finder/"', '"../../../../toy-article/#repair"']:
        assert f"href={href}" in html, href
    assert 'href="../../../#repair"' in html  # outcome: is this policy's own


def test_each_policy_keeps_its_own_ledger(toy_center, capsys):
    status, out, _ = run_cli(capsys, "addresses", "--content", "content")

    assert status == 0
    assert out.splitlines() == [
        "content/finder-addresses.yaml: 9 new finder addresses recorded",
        "content/finder-addresses/other.yaml: 9 new finder addresses recorded",
    ]
    ledger = (toy_center / "finder-addresses" / "other.yaml").read_text(encoding="utf-8")
    assert "\nother-article/finder/large/none: [size, damage]\n" in ledger
    assert "\nfinder/large/none: [size, damage]\n" in (toy_center / "finder-addresses.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "now"),
    [
        pytest.param("id: other-article", "id: other-guide", "other-guide/finder", id="article-renamed"),
        pytest.param("  intro: Answer up", "  id: other-article/steps\n  intro: Answer up", "other-article/steps",
                     id="finder-renamed"),
    ],
)  # fmt: skip
def test_a_policy_whose_finder_moved_is_told_its_published_addresses_would_break(toy_center, capsys, old, new, now):
    run_cli(capsys, "addresses", "--content", "content")
    policy = toy_center / "policies" / "other.yaml"
    text = policy.read_text(encoding="utf-8")
    assert text.count(old) == 1
    policy.write_text(text.replace(old, new), encoding="utf-8")

    status, _, err = run_cli(capsys, "check", "--content", "content")

    assert status == 1
    assert err.splitlines() == [
        "content/finder-addresses/other.yaml:9:1: error: this file records the finder at other-article/finder/, but "
        f"the policy now puts it at {now}/: every address published under other-article/finder/ (in e-mails, "
        "bookmarks, support macros) would break. Give the article, or the finder, back the id that put it at "
        "other-article/finder/ (if those addresses were never published, delete this file instead: the next build "
        "writes it anew)",
        "1 problem found",
    ]


def test_a_policy_removed_with_its_published_addresses_is_said_until_its_ledger_goes(toy_center, capsys):
    run_cli(capsys, "addresses", "--content", "content")
    (toy_center / "policies" / "other.yaml").unlink()
    shared = toy_center / "help-center.yaml"
    shared.write_text(shared.read_text(encoding="utf-8").replace("  - id: repairs\n    title: Repairs\n", ""), "utf-8")

    status, _, err = run_cli(capsys, "check", "--content", "content")

    assert status == 1
    assert err.splitlines() == [
        "content/finder-addresses/other.yaml: error: the policy 'other' is not in the help center (there is no "
        "policies/other.yaml): every finder address this file records would answer “not found”. Put the policy "
        "back; or, to take its finder off the site on purpose, delete this file",
        "1 problem found",
    ]
    (toy_center / "finder-addresses" / "other.yaml").unlink()
    assert run_cli(capsys, "check", "--content", "content")[0] == 0


def test_a_broken_line_of_a_policys_ledger_names_that_policys_finder(toy_center, capsys):
    run_cli(capsys, "addresses", "--content", "content")
    ledger = toy_center / "finder-addresses" / "other.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "finder/large: [size]\n", encoding="utf-8")

    status, _, err = run_cli(capsys, "check", "--content", "content")

    assert status == 1
    assert (
        "content/finder-addresses/other.yaml:25:1: error: each line must read "
        "`other-article/finder/<answers>: [<questions>]`"
    ) in err


# --- Translators ---


def test_the_readmes_steps_add_a_policy_from_the_template_that_checks_and_builds(project, capsys):
    """README, "Adding a policy": copy examples/new-policy.yaml to content/policies/<id>.yaml, set its id; then
    check, i18n update and addresses, as an editor would, on the real content."""
    template = (ROOT / "examples" / "new-policy.yaml").read_text(encoding="utf-8")
    assert template.count("\nid: new-policy\n") == 1
    (project / "content" / "policies").mkdir()
    policy = project / "content" / "policies" / "unwanted-item.yaml"
    policy.write_text(template.replace("\nid: new-policy\n", "\nid: unwanted-item\n"), encoding="utf-8")

    status, out, err = run_cli(capsys, "check")
    assert (status, err) == (0, "")
    assert out.splitlines()[1] == (
        "content/policies/unwanted-item.yaml: 2 scenarios, 2 outcomes, 2 answer combinations: complete and "
        "unambiguous; the finder agrees on every combination (3 pages, at most 1 question)"
    )
    assert run_cli(capsys, "i18n", "update")[0] == 0
    assert "unwanted-item: 0/18 translated" in run_cli(capsys, "i18n", "status")[1]
    status, out, _ = run_cli(capsys, "addresses")
    assert status == 0
    assert "content/finder-addresses/unwanted-item.yaml: 3 new finder addresses recorded" in out.splitlines()
    assert "\nreturn-an-item/finder/used: [condition]\n" in (
        project / "content" / "finder-addresses" / "unwanted-item.yaml"
    ).read_text(encoding="utf-8")


def test_adding_a_policy_changes_no_translation(project, capsys):
    """A new policy's texts are new contexts: every entry the catalogs had keeps its translation and flags."""

    def entries(folder: Path) -> dict[str, dict[tuple[str, str], tuple[object, frozenset[str]]]]:
        found = {}
        for path in sorted((folder / "locales").glob("*.po")):
            with path.open("rb") as file:
                catalog = read_po(file)
            found[path.name] = {
                (str(message.context), str(message.id)): (message.string, frozenset(message.flags))
                for message in catalog
                if message.id
            }
        return found

    content = project / "content"
    before = entries(content)
    copy = (content / "policy.yaml").read_text(encoding="utf-8")
    copy = copy.replace("id: trade-in\n", "id: second-trade-in\n", 1)
    copy = copy.replace("  id: get-your-device-back\n", "  id: get-your-device-back-again\n", 1)
    copy = copy.replace("  id: finder\n", "", 1)
    (content / "policies").mkdir()
    (content / "policies" / "second-trade-in.yaml").write_text(copy, encoding="utf-8")

    assert run_cli(capsys, "i18n", "update")[0] == 0
    after = entries(content)

    for name, old in before.items():
        assert {key: after[name][key] for key in old} == old, name
        added = {key: value for key, value in after[name].items() if key not in old}
        assert added, name
        assert all(context.startswith("second-trade-in/") for context, _ in added), name
        assert all(string == "" for string, _ in added.values()), name  # to translate, never borrowed


def test_status_says_each_policy_and_the_shared_parts_per_locale(tmp_path, capsys):
    example = tmp_path / "example"
    shutil.copytree(EXAMPLE_DIR, example)

    status, out, err = run_cli(capsys, "i18n", "--content", str(example), "status")

    assert (status, err) == (0, "")
    with (example / "locales" / "messages.pot").open("rb") as file:
        template = read_po(file)
    parts = ["trade-in", "cancel-order", "warranty", "help-center", "interface"]
    counted = {part: sum(str(m.context).startswith(f"{part}/") for m in template if m.id) for part in parts}
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("de-DE: ")))
    shown = [line.split(": ", 1)[0].strip() for line in lines[start + 1 : start + 6]]
    assert shown == parts
    for line in lines[start + 1 : start + 6]:
        part = line.split(":")[0].strip()
        assert f"/{counted[part]} translated" in line, line  # de-DE needs no plural form English lacks

    status, out, _ = run_cli(capsys, "i18n", "--content", str(example), "status", "--json")
    found = json.loads(out)
    assert [entry["locale"] for entry in found] == ["fr-FR", "de-DE", "es-ES", "it-IT"]
    for entry in found:
        assert list(entry["parts"]) == parts
        assert sum(part["total"] for part in entry["parts"].values()) == entry["total"]


# --- The example help center ---


def test_the_example_holds_a_copy_of_the_trade_in_policy_and_the_schemas():
    for name in ["policy.yaml", *SCHEMAS, "locales.schema.json"]:
        assert (EXAMPLE_DIR / name).read_bytes() == (CONTENT_DIR / name).read_bytes(), name


def test_the_example_help_center_is_sound_and_translated(capsys):
    status, out, err = run_cli(capsys, "check", "--strict", "--content", str(EXAMPLE_DIR))

    assert (status, err) == (0, "")
    proven = [line.split(":")[0] for line in out.splitlines() if "complete and unambiguous" in line]
    assert [Path(name).name for name in proven] == ["policy.yaml", "cancel-order.yaml", "warranty.yaml"]
