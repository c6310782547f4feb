"""Group scoring without a server: participants answer module A on their own phones (three
browser contexts), send their answers as links, a QR code or a file, and the facilitator's page
shows per question how many answered, the median, the spread and where they disagree; names
hidden until shown; rounds saved and compared. Over http and from file:// for the facilitator."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import RULES, report
from hostile import BREAKOUT

PHONE = {"width": 360, "height": 800}
Q_SPLIT, Q_CLOSE = "q-1.1-1", "q-1.1-2"   # answered 0, 1, 2 (disagree) and 1, 1, 2 (do not)
HOSTILE_NAME = BREAKOUT[:40]


def participant(browser, server, answers: dict[str, str], name: str | None = None):
    """A participant's phone: answers on module A's form, then "Make my link"."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{server}/assessment/module-a.html")
    for qid, value in answers.items():
        page.locator(f"input[name='{qid}'][value='{value}']").check()
    page.wait_for_function("() => document.getElementById('assessment-status').textContent.startsWith('Saved')")
    if name is not None:
        page.locator("[data-send-named]").check()
        page.locator("#send-name").fill(name)
    page.locator("[data-send-make]").click()
    link = page.locator("#send-link").input_value()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/assessment/group\.html#answers=[A-Za-z0-9_-]{20,120}", link), link
    return context, page, link


def on(base: str, link: str) -> str:
    """The same participant's link, opened from the facilitator's copy of the site (http or file://)."""
    return f"{base}/assessment/group.html#" + link.split("#", 1)[1]


def row(page, qid, table="#group-figures"):
    return page.locator(f"{table} tbody tr[data-question='{qid}']")


def paste(page, *links):
    page.locator("#group-paste").fill("\n".join(f"Here are my answers: {link}" for link in links))
    page.locator("#group-paste-add").click()


# Participants over http (their phones), the facilitator from file:// (an offline copy); the
# facilitator's page over http is the next test's.
@pytest.mark.parametrize("base", ["file"], indirect=True)
def test_three_phones_a_round_flags_disagreement_names_hidden_until_shown_then_compared(browser, server, base):
    people = [participant(browser, server, {Q_SPLIT: "not-in-place", Q_CLOSE: "partly"}, name=HOSTILE_NAME),
              participant(browser, server, {Q_SPLIT: "fully", Q_CLOSE: "partly"}, name="Mei"),
              participant(browser, server, {Q_SPLIT: "partly", Q_CLOSE: "fully"})]
    try:
        # The QR encoder is loaded only when a QR code is asked for, and draws the link.
        first = people[0][1]
        assert first.locator("script[src*='qrcode']").count() == 0
        first.locator("[data-send-qr]").click()
        assert int(first.locator("[data-send-qr-box] svg[role=img]").get_attribute("data-modules")) >= 21
        assert first.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # The third participant sends a file.
        with people[2][1].expect_download() as download:
            people[2][1].locator("[data-send-file]").click()
        answers_file = download.value.path()

        facilitator = browser.new_context(viewport=PHONE)
        page = facilitator.new_page()
        page.goto(on(base, people[0][2]))                      # a link opened on the facilitator's phone
        page.wait_for_selector("#group-summary")
        assert "#answers=" not in page.url                     # read once: a reload does not add it again
        paste(page, people[1][2])
        page.locator("#group-files").set_input_files(answers_file)
        page.wait_for_function("() => document.getElementById('group-summary').textContent.includes('3 participants')")

        shown = page.locator("#group-figures").inner_text()
        assert "Participants disagree on 1 question" in shown
        split, close = row(page, Q_SPLIT), row(page, Q_CLOSE)
        assert split.locator("[data-disagree]").inner_text() == "Participants disagree"
        assert close.locator("[data-disagree]").count() == 0
        split_text = split.inner_text()
        assert "3 of 3" in split_text and "1 · Partly in place" in split_text
        assert "Not in place: P1" in split_text and "Fully in place: P2" in split_text
        # Anonymous by default: nobody's name anywhere on the page until the facilitator asks.
        body = page.locator("body").inner_text()
        assert "Mei" not in body and HOSTILE_NAME not in body
        assert "(2 of 3)" in page.locator("#group-round label").filter(has=page.locator("#group-show-names")).inner_text()
        page.locator("#group-show-names").check()
        assert "P2 (Mei)" in page.locator("#group-round").inner_text()
        assert f"P1 ({HOSTILE_NAME})" in page.locator("#group-round").inner_text()   # shown as typed, as text
        assert page.evaluate("window.__pwned") is None and page.locator("#group-round script, #group-round meta").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # Never mixed with the facilitator's own self-assessment.
        assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('/data/v2/assessment/')).length") == 0

        # A participant who changes an answer sends again: replaced, not counted twice.
        again = people[1][1]
        again.goto(f"{server}/assessment/module-a.html")
        again.locator(f"input[name='{Q_CLOSE}'][value='not-in-place']").check()
        again.locator("[data-send-make]").click()
        paste(page, again.locator("#send-link").input_value())
        page.wait_for_function("() => document.getElementById('group-added').textContent.includes('sent again')")
        assert "3 participants" in page.locator("#group-summary").inner_text()
        assert "Participants disagree on 2 questions" in page.locator("#group-figures").inner_text()
        assert row(page, Q_CLOSE).locator("[data-disagree]").count() == 1

        # The round is saved; a later round is compared with it, question by question.
        page.locator("#group-save").click()
        page.wait_for_selector("#group-empty")
        assert "module A, 3 participants" in page.locator("#group-saved").inner_text()
        later = [participant(browser, server, {Q_SPLIT: "fully", Q_CLOSE: "fully"}) for _ in range(2)]
        try:
            paste(page, *(p[2] for p in later))
            page.wait_for_selector("#compared")
            changes = row(page, Q_SPLIT, "#group-compare").inner_text()
            assert "1 · Partly in place" in changes and "2 · Fully in place" in changes and "+1" in changes
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        finally:
            for context, _, _ in later:
                context.close()
        # Kept on the data layer: the saved round and the current one are there after a reload.
        page.reload()
        page.wait_for_selector("#compared")
        assert "module A, 3 participants" in page.locator("#group-saved").inner_text()
        facilitator.close()
    finally:
        for context, _, _ in people:
            context.close()


@pytest.mark.parametrize("base", ["http"], indirect=True)
def test_damaged_foreign_and_other_module_links_are_refused_with_a_reason(browser, base):
    page = browser.new_page()
    page.goto(f"{base}/assessment/group.html")
    page.wait_for_selector("#group-empty")
    make = """([module, drop, values]) => {
      const m = window.ASSESSMENT_MODEL;
      const model = drop ? { ...m, questions: m.questions.filter(q => q.id !== drop) } : m;
      return window.ScoringCore.encode(model, module, values, { token: 7 });
    }"""
    good = page.evaluate(make, ["A", None, {Q_SPLIT: "fully"}])
    foreign = page.evaluate(make, ["A", Q_CLOSE, {}])
    module_b = page.evaluate(make, ["B", None, {}])
    paste(page, f"#answers={good[:-6]}")
    assert "damaged or incomplete" in page.locator("#group-added [role=alert]").inner_text()
    paste(page, f"#answers={foreign}")
    assert "another version of the questions" in page.locator("#group-added [role=alert]").inner_text()
    paste(page, f"#answers={good}")
    paste(page, f"#answers={module_b}")
    assert "answers module B, but this round is for module A" in page.locator("#group-added [role=alert]").inner_text()
    page.locator("#group-paste").fill("no link at all")
    page.locator("#group-paste-add").click()
    assert "not a link to a participant's answers" in page.locator("#group-added [role=alert]").inner_text()
    assert "1 participant" in page.locator("#group-summary").inner_text()
    violations = Axe().run(page, options=RULES).response["violations"]   # the round as shown: tables, flags, buttons
    assert not violations, report(violations)
    # Cleared, the round is kept as an earlier version, and comes back in one tap.
    page.on("dialog", lambda dialog: dialog.accept())
    page.locator("#group-clear").click()
    page.wait_for_selector("#group-empty")
    assert "A round cleared without saving, 1 participant" in page.locator("#group-earlier").inner_text()
    page.locator("#group-earlier button", has_text="Add to this round").click()
    page.wait_for_selector("#group-summary")
    assert "1 participant" in page.locator("#group-summary").inner_text()
    page.context.close()
