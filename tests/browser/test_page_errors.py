"""The guard that fails every browser test on an uncaught page error (tests/page_errors.py)
must itself be able to fail: a small test file, run by its own pytest, opens pages that throw
through every way tests make them."""
from __future__ import annotations

import os
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent

INNER = '''
import pytest
from playwright.sync_api import sync_playwright

from macros.outputs.browser import launch

THROWS = "<p>x</p><script>setTimeout(function () { notAFunction(); }, 0)</script>"
REJECTS = "<p>x</p><script>Promise.reject(new Error('no answer stored'))</script>"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def open_in(page, html):
    page.set_content(html)
    page.wait_for_timeout(150)


def test_own_context_throws(browser):
    ctx = browser.new_context()
    open_in(ctx.new_page(), THROWS)
    ctx.close()


def test_browser_new_page_rejects(browser):
    page = browser.new_page()
    open_in(page, REJECTS)
    page.context.close()


def test_second_page_of_a_context_throws(browser):
    ctx = browser.new_context()
    ctx.new_page()
    open_in(ctx.new_page(), THROWS)
    ctx.close()


@pytest.mark.page_errors_expected("something else")
def test_other_error_expected(browser):
    ctx = browser.new_context()
    open_in(ctx.new_page(), THROWS)
    ctx.close()


@pytest.mark.page_errors_expected(r"notAFunction is not defined")
def test_this_error_expected(browser, page_errors):
    ctx = browser.new_context()
    open_in(ctx.new_page(), THROWS)
    ctx.close()
    assert [e.name for e in page_errors] == ["ReferenceError"]


def test_clean_page(browser):
    ctx = browser.new_context()
    open_in(ctx.new_page(), "<p>fine</p>")
    ctx.close()
'''


def test_an_uncaught_page_error_fails_the_test(pytester):
    pytester.makepyfile(test_inner=INNER)
    env = {"PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)])}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = pytester.runpytest_subprocess("-p", "page_errors", "-p", "no:cacheprovider", "-p", "no:xdist")
    finally:
        for k, v in old.items():
            if v is None:
                del os.environ[k]
            else:
                os.environ[k] = v
    out = result.stdout.str()
    result.assert_outcomes(passed=2, failed=4)
    for name in ("own_context_throws", "browser_new_page_rejects", "second_page_of_a_context_throws", "other_error_expected"):
        assert f"FAILED test_inner.py::test_{name}" in out, out
    assert "ReferenceError: notAFunction is not defined" in out
    assert "Error: no answer stored" in out
    assert "page_errors_expected" in out
