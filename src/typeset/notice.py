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
    note: str                   # what was chosen, or why it is uncertain
    stage: str = ""             # who noticed it: "repair", "structure", "docx", "pdf", "article", …
    kind: str = ""              # the rule, e.g. "digits", "heading", "table"
    file: str = ""              # the file as the user can open it ("" = the imported file)
    line: int = 0               # 1-based line (raw text, Markdown), 0 = none
    page: int = 0               # 1-based PDF page, 0 = none
    para: int = 0               # 1-based .docx paragraph, 0 = none
    text: str = ""              # the spot as it reads now (a short excerpt), if there is one
    confidence: float | None = None   # how sure the chosen reading is, where a rule knows

    @property
    def where(self) -> str:
        """As the user finds it: "chapters/01.md:7", "line 12", "page 3", "paragraph 40"."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        spot = (f"line {self.line}" if self.line else f"page {self.page}" if self.page
                else f"paragraph {self.para}" if self.para else "")
        return ", ".join(x for x in (self.file, spot) if x) or "document"

    @property
    def order(self) -> tuple:
        return (self.file, self.page, self.line, self.para, self.kind, self.note)


def at_line(line: int, note: str, kind: str = "", text: str = "", **kw) -> Notice:
    return Notice(note, kind=kind, line=line, text=text, **kw)


def at_page(page: int, note: str, kind: str = "", text: str = "", **kw) -> Notice:
    return Notice(note, kind=kind, page=page, text=text, **kw)


def _code(text: str) -> str:
    """`text` as a Markdown code span that survives backticks in the text."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def notice_line(n: Notice) -> str:
    """One Markdown list item: `- line 12 [digits] `text`: note`."""
    kind = f" [{n.kind}]" if n.kind else ""
    sure = f" (confidence {n.confidence:.2f})" if n.confidence is not None else ""
    text = f" {_code(n.text)}" if n.text else ""
    return f"- {n.where}{kind}{text}: {n.note}{sure}"


def notices_markdown(title: str, notices: Iterable[Notice], *, none: str = "- none",
                     sort: bool = True) -> list[str]:
    """A report section: `title (count):`, one line a notice, then a blank line."""
    items = list(notices)
    if sort:
        items.sort(key=lambda n: n.order)
    out = [f"{title} ({len(items)}):", ""]
    out += [notice_line(n) for n in items] or ([none] if none else [])
    return out + [""]
