"""Nothing before ready: on a slow connection the self-assessment's form is shown, and taken
taps and typing, seconds before its scripts arrive. What was given then must be kept, stored
and shown once they run, and the page must not say answers are saved before they have run.

The scripts are held back (page.route, which also holds file:// requests) until the test has
answered; the main test also runs over a throttled network (CDP Network.emulateNetworkConditions)
for http://. The others only hold the scripts, which is what makes the order certain."""
from __future__ import annotations

import re

import pytest
from stored import ASSESSMENT, ASSESSMENT_PREFIX, NEWEST_IS, answers, nothing_stored

Q1, Q2 = "q-1.1-1", "q-1.2-1"
NOTE = "Typed while the page was still loading"
# The page's one script at the end of the body (assets/js/page.*.js: ours, the generated model,
# the search shim and Material's, bundled), and any script file besides (the page shows
# everything above it meanwhile).
SCRIPTS = re.compile(r"/assets/(js|javascripts)/[^/?]+\.js(\?.*)?$")
# A mobile connection as Chrome's DevTools preset "3G" has it (562.5 ms, 180 KB/s down, 84 KB/s up):
# the page arrives over seconds; how long the scripts take is the held routes' business.
SLOW = {"offline": False, "latency": 562.5, "downloadThroughput": 180 * 1024, "uploadThroughput": 84 * 1024}
FAST = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
READY = "() => !!document.querySelector('[data-assessment-page].assessment--ready')"


class HeldScripts:
    """Holds every script request of a page until released; later ones then pass at once."""

    def __init__(self, page):
        self.routes = []
        self.released = False
        page.route(SCRIPTS, self._hold)

    def _hold(self, route):
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self):
        self.released = True
        for route in self.routes:
            route.continue_()
        self.routes = []


def open_slowly(context, url, throttle=False):
    """A page whose scripts have not arrived yet; with `throttle`, over a slow network (http
    only: file:// does not go through the network). Returns the page, the held scripts and the
    CDP session that throttles (None without)."""
    page = context.new_page()
    cdp = None
    if throttle and url.startswith("http"):
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW)
    held = HeldScripts(page)
    page.goto(url, wait_until="commit")
    page.wait_for_selector(f"input[name='{Q2}']", state="visible")
    return page, held, cdp


def not_started(page):
    assert page.evaluate("() => !window.AssessmentData && !document.querySelector('.assessment--ready')")


def type_note(page, qid, text):
    page.locator(f"[data-question='{qid}'] details summary").click()   # a <details>: opens without JavaScript
    page.locator(f"[data-question='{qid}'] [data-field=note]").press_sequentially(text)


def stored(page) -> dict:
    return answers(page)


def shown(page, qid):
    checked = page.locator(f"input[name='{qid}']:checked")
    note = page.locator(f"[data-question='{qid}'] [data-field=note]").input_value()
    return (checked.get_attribute("value") if checked.count() else None), note


def status(page):
    return page.locator("#assessment-status").inner_text()


def test_answers_given_before_the_scripts_load_are_kept_and_stored(context, base):
    page, held, cdp = open_slowly(context, f"{base}/assessment/module-a.html", throttle=True)
    not_started(page)
    # Not "saved" while nothing can save: the status says it is loading, and is shown.
    assert page.locator("#assessment-status").is_visible()
    assert status(page).startswith("Loading") and "saved" not in status(page).lower()
    page.locator(f"input[name='{Q1}'][value='partly']").click()
    page.locator(f"input[name='{Q2}'][value='fully']").click()
    type_note(page, Q1, NOTE)
    not_started(page)
    assert nothing_stored(page, ASSESSMENT)

    held.release()
    page.wait_for_function(READY)   # set in the same task as the form is filled and saved
    assert shown(page, Q1) == ("partly", NOTE)
    assert shown(page, Q2) == ("fully", "")
    assert status(page).startswith("Saved in this browser")
    answers = stored(page)
    assert answers[Q1]["value"] == "partly" and answers[Q1]["note"] == NOTE
    assert answers[Q2]["value"] == "fully"
    assert "2 of" in page.locator("#assessment-progress").inner_text()

    if cdp:
        cdp.send("Network.emulateNetworkConditions", FAST)   # what is stored survives; the wait is not the point
    page.reload(wait_until="commit")
    page.wait_for_function(READY)
    assert shown(page, Q1) == ("partly", NOTE)
    assert shown(page, Q2) == ("fully", "")


def test_a_note_typed_before_the_scripts_load_keeps_the_stored_note_too(context, base):
    """The stored note was not shown yet when the user typed: both texts are kept, the stored
    one first, and a different early choice replaces the stored answer like any change."""
    page = context.new_page()
    page.goto(f"{base}/assessment/module-a.html")
    page.wait_for_function(READY)
    page.locator(f"input[name='{Q1}'][value='fully']").check()
    page.locator(f"[data-question='{Q1}'] details summary").click()
    page.locator(f"[data-question='{Q1}'] [data-field=note]").fill("Written last week")
    page.wait_for_function(NEWEST_IS, arg=[ASSESSMENT_PREFIX, Q1, "note", "Written last week"])
    page.close()

    page, held, _ = open_slowly(context, f"{base}/assessment/module-a.html")
    page.locator(f"input[name='{Q1}'][value='not-in-place']").click()
    type_note(page, Q1, NOTE)
    held.release()
    page.wait_for_function(READY)
    both = "Written last week\n\n" + NOTE
    assert shown(page, Q1) == ("not-in-place", both)
    assert status(page).startswith("Saved in this browser")
    assert stored(page)[Q1]["value"] == "not-in-place" and stored(page)[Q1]["note"] == both


def test_a_page_left_alone_while_loading_changes_nothing(context, base):
    """No early input: nothing is written, and the status ends as before."""
    page, held, _ = open_slowly(context, f"{base}/assessment/module-a.html")
    held.release()
    page.wait_for_function(READY)
    assert nothing_stored(page, ASSESSMENT)
    assert status(page) == "Answers are saved in this browser as you give them."


@pytest.mark.parametrize("path", ["assessment/module-a.html", "assessment/index.html"])
def test_without_javascript_no_loading_status_is_shown(browser, server, path):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{server}/{path}")
    assert not page.locator("#assessment-status").is_visible()
    assert page.locator(".assessment-message--problem").first.is_visible()   # the <noscript> text
    ctx.close()
