"""Control characters kept out of terminals, spreadsheets and Markdown.

Article text, dataset ids and file names may hold C0 and C1 control characters: ESC starts the
sequences that clear a screen or retitle a window, CR rewrites the line before it, a newline in
a file name forges a line of output. Wherever text is printed (the table, every message on
stderr) or exported for people (CSV, Markdown), each one is written as a visible escape
(``\\x1b``). JSON keeps the raw text, escaped by the JSON encoding itself.
"""

from __future__ import annotations

import re

# C0 (tab and newline included: a value is one line), DEL, C1, and the lone surrogates that
# undecodable bytes become (they cannot be written at all).
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str) -> str:
    """The text with every control character written as ``\\xNN`` (``\\udcNN``)."""
    if not _CONTROL_RE.search(text):
        return text
    return _CONTROL_RE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
