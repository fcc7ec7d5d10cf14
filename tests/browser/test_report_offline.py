"""The report file, opened from disk in Chromium, asks for nothing but itself and shows the diagram."""

from __future__ import annotations

from generator.cli import main


def test_the_report_opens_from_disk_with_no_other_request(browser, tmp_path):
    report = tmp_path / "report.html"
    assert main(["report", "-o", str(report)]) == 0
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        page.goto(report.as_uri(), wait_until="load")
        diagrams = page.locator("svg.review-diagram")
        assert diagrams.count() == 5  # one per published locale
        assert diagrams.first.bounding_box()["width"] > 0
    finally:
        context.close()

    assert requested == [report.as_uri()]
