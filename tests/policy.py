"""The Content Security Policy's violations as a page meets them: recorded from the page's first
script on (a context's init script), read back when the test asks."""
from __future__ import annotations

RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")
