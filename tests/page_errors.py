"""Every browser test fails on an uncaught error in a page (a pytest plugin, loaded by
conftest.py).

Every browser context any test opens is watched, however it was made: the shared `page` and
`context` fixtures, a test's own `browser.new_context(...)` or `browser.new_page()`, a browser
a test launches itself (the back-forward cache one) and the PDF printing in a fixture. Playwright's
Browser class is wrapped for the whole run, so a new test cannot forget to opt in. Each
uncaught exception or unhandled promise rejection (Playwright's "weberror") is recorded against
the running test, which fails with the list: at the end of its call, or at teardown for errors
that arrive while its contexts close. Errors raised while higher-scoped fixtures are set up
count against the test being set up.

A test that provokes an error on purpose says so:

    @pytest.mark.page_errors_expected(r"is not valid JSON")   # errors matching any pattern
    @pytest.mark.page_errors_expected                         # any error

and can read what was recorded with the `page_errors` fixture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

MARKER = "page_errors_expected"


@dataclass
class PageError:
    url: str
    name: str
    message: str
    stack: str

    def __str__(self) -> str:
        where = self.stack.strip().splitlines()[1:3] if self.stack else []
        return f"{self.name}: {self.message} (page {self.url})" + "".join(f"\n      {w.strip()}" for w in where)


class _Recorder:
    def __init__(self) -> None:
        self.current: list[PageError] | None = None   # the running test's errors
        self.between: list[PageError] = []             # raised while no test was running

    def record(self, web_error) -> None:
        err = web_error.error
        page = web_error.page
        item = PageError(url=page.url if page else "(no page)", name=getattr(err, "name", "") or "Error",
                         message=getattr(err, "message", "") or str(err), stack=getattr(err, "stack", "") or "")
        (self.current if self.current is not None else self.between).append(item)

    def watch(self, context):
        if not getattr(context, "_page_errors_watched", False):
            context.on("weberror", self.record)
            context._page_errors_watched = True
        return context


RECORDER = _Recorder()


def _wrap_playwright() -> None:
    """Every context of every Browser (and persistent context) reports its pages' errors."""
    from playwright.sync_api import Browser, BrowserType

    if getattr(Browser, "_page_errors_wrapped", False):
        return
    new_context, new_page, persistent = Browser.new_context, Browser.new_page, BrowserType.launch_persistent_context

    def watched_new_context(self, *args, **kwargs):
        return RECORDER.watch(new_context(self, *args, **kwargs))

    def watched_new_page(self, *args, **kwargs):
        page = new_page(self, *args, **kwargs)
        RECORDER.watch(page.context)
        return page

    def watched_persistent(self, *args, **kwargs):
        return RECORDER.watch(persistent(self, *args, **kwargs))

    Browser.new_context, Browser.new_page = watched_new_context, watched_new_page
    BrowserType.launch_persistent_context = watched_persistent
    Browser._page_errors_wrapped = True


def pytest_configure(config):
    config.addinivalue_line(
        "markers", f"{MARKER}(*patterns): the test provokes uncaught page errors on purpose; with patterns "
                   "(regular expressions), only errors matching one are allowed (tests/page_errors.py)")
    _wrap_playwright()


def _unexpected(item, errors: list[PageError]) -> list[PageError]:
    marker = item.get_closest_marker(MARKER)
    if marker is None:
        return list(errors)
    if not marker.args:
        return []
    return [e for e in errors if not any(re.search(p, f"{e.name}: {e.message}") for p in marker.args)]


def _report(errors: list[PageError], when: str) -> str:
    lines = "\n".join(f"  - {e}" for e in errors)
    return (f"{len(errors)} uncaught error(s) in the browser {when}:\n{lines}\n"
            f"(if the test provokes them on purpose, mark it @pytest.mark.{MARKER}(pattern))")


@pytest.fixture(autouse=True)
def page_errors(request):
    """The uncaught page errors recorded during this test (a list of PageError)."""
    errors = RECORDER.between
    RECORDER.between = []
    RECORDER.current = errors
    request.node._page_errors = errors
    request.node._page_errors_reported = 0
    yield errors
    RECORDER.current = None
    late = _unexpected(request.node, errors[request.node._page_errors_reported:])
    if late:
        pytest.fail(_report(late, "(reported after the test's last step, as its pages closed)"), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    try:
        result = yield
    except BaseException:
        # The test failed anyway: its page errors are shown beside the failure.
        unexpected = _checked(item)
        if unexpected:
            item.add_report_section("call", "page errors", _report(unexpected, "during the test"))
        raise
    unexpected = _checked(item)
    if unexpected:
        pytest.fail(_report(unexpected, "during the test"), pytrace=False)
    return result


def _checked(item) -> list[PageError]:
    errors = getattr(item, "_page_errors", None) or []
    item._page_errors_reported = len(errors)
    return _unexpected(item, errors)
