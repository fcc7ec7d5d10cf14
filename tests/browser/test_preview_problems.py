"""In Chromium, a preview shows a broken edit's problems at once, and turns back into the site on the fix.

The page reloads by itself (MkDocs' live-reload script); the test waits for
what the page shows, never for a length of time.
"""

from __future__ import annotations

from playwright.sync_api import expect

from support import Preview, edit_file, start, stop

PROBLEMS = "[data-preview-problems]"


def test_a_broken_policy_shows_in_the_browser_and_the_fix_brings_the_site_back(browser, project, tmp_path):
    process = start(project, tmp_path / "temporary")
    context = browser.new_context()
    try:
        preview = Preview(process)
        page = context.new_page()
        page.goto(preview.url + "finder/")
        expect(page.locator("h1")).to_have_text("Find out how to get your device back")

        policy = project / "content" / "policy.yaml"
        edit_file(policy, "outcome: contact-support", "outcome: contact-suport")

        expect(page.locator(PROBLEMS)).to_be_visible()
        problem = page.locator("[data-problem]")
        expect(problem).to_have_count(1)
        expect(problem).to_contain_text("content/policy.yaml:")
        expect(problem).to_contain_text("unknown outcome 'contact-suport'")
        expect(problem.locator("mark")).to_contain_text("outcome: contact-suport")

        edit_file(policy, "outcome: contact-suport", "outcome: contact-support")

        expect(page.locator("h1")).to_have_text("Find out how to get your device back")
        expect(page.locator(PROBLEMS)).to_have_count(0)
    finally:
        context.close()
        stop(process)
