"""One shape for "a spot a person should check", and one way to write a list of them.

Every stage (repair, structure, the .docx and .pdf readers, the article import, the build's
checks) reports what it was unsure of as `Notice`s; `notices_markdown` writes them for
import-report.md, `notice_line` for the terminal.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Notice:
    where: str          # as the user finds it: "line 12", "page 3", "paragraph 40", "chapters/01.md:7"
    note: str           # what was chosen, or why it is uncertain
    kind: str = ""      # the rule or stage that noticed it, e.g. "digits", "heading", "table"
    text: str = ""      # the spot as it reads now (a short excerpt), if there is one

    @property
    def order(self) -> tuple:
        """Sort key: by the number in `where` (line/page/paragraph), then as written."""
        head, _, num = self.where.rpartition(" ")
        n = int(num) if num.isdigit() else -1
        return (head if n >= 0 else self.where, n, self.kind, self.note)


def at_line(line: int, note: str, kind: str = "", text: str = "") -> Notice:
    return Notice(f"line {line}", note, kind, text)


def at_page(page: int, note: str, kind: str = "", text: str = "") -> Notice:
    return Notice(f"page {page}", note, kind, text)


def _code(text: str) -> str:
    """`text` as a Markdown code span that survives backticks in the text."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def notice_line(n: Notice) -> str:
    """One Markdown list item: `- line 12 [digits] `text`: note`."""
    kind = f" [{n.kind}]" if n.kind else ""
    text = f" {_code(n.text)}" if n.text else ""
    return f"- {n.where}{kind}{text}: {n.note}"


def notices_markdown(title: str, notices: Iterable[Notice], *, none: str = "- none",
                     sort: bool = True) -> list[str]:
    """A report section: `title (count):`, one line a notice, then a blank line."""
    items = list(notices)
    if sort:
        items.sort(key=lambda n: n.order)
    out = [f"{title} ({len(items)}):", ""]
    out += [notice_line(n) for n in items] or ([none] if none else [])
    return out + [""]
