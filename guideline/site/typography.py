"""Japanese running text without the spaces that source line breaks leave in it.

Editors wrap long Japanese paragraphs in Markdown. HTML keeps each line break as a white-space
character, and browsers show it as a space between two Japanese characters (「と、 その逐条解説」):
CSS Text's rule that drops such breaks is not implemented by Chromium or Firefox. So a line break
between two Japanese characters is removed from the HTML, also across the inline tags around it
(``</a>`` then a line break then ``その``). A break next to a Latin letter stays a space, as
English needs, and preformatted text is left as it is.
"""

from __future__ import annotations

import re

# Japanese and fullwidth characters: CJK punctuation, kana, ideographs, fullwidth forms.
_WIDE = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uff61-\uff9f"
_INLINE = r"(?:</?(?:a|strong|em|b|i|span|code|abbr|mark|small|ins|del)\b[^>]*>)*"
_BREAK = re.compile(rf"([{_WIDE}]{_INLINE})[ \t]*\n\s*({_INLINE}[{_WIDE}])")
# Where white space is content.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)


def join_japanese_lines(html: str) -> str:
    """``html`` with every line break between two Japanese characters removed, outside ``<pre>`` and the like."""
    parts = _VERBATIM.split(html)
    out = []
    # split() yields text, whole verbatim element, its tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_BREAK.sub(r"\1\2", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
