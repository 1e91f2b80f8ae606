"""Read a XeLaTeX log: errors with their .tex file and line, warnings, bad boxes, pages.

The log is written with max_print_line raised (see compile.tex_env), so messages are not
wrapped at 79 columns. Which file a message belongs to is tracked the way TeX prints it:
"(./file.tex" when a file is opened and ")" when it is closed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ERROR = re.compile(r"^(?P<file>\.{0,2}/?[^:\s][^:]*\.(?:tex|sty|cls|cfg|def|bbl|aux|toc|lof|lot)):"
                   r"(?P<line>\d+): (?P<msg>.*)$")
BANG = re.compile(r"^! (?P<msg>.*)$")
LINE_NO = re.compile(r"^l\.(?P<line>\d+)(?P<ctx>.*)$")
BOX = re.compile(r"^(?P<kind>Overfull|Underfull) \\[hv]box \((?P<amount>[^)]*)\) "
                 r"(?:in paragraph at lines (?P<a>\d+)--(?P<b>\d+)|"
                 r"detected at line (?P<c>\d+)|has occurred while \\output is active|"
                 r"in alignment at lines (?P<d>\d+)--(?P<e>\d+))")
WARNING = re.compile(r"^(?:(?:LaTeX|Package|Class) (?:[\w.-]+ )?Warning|LaTeX Font Warning|"
                     r"Missing character)[: ].*")
PAGES = re.compile(r"^Output written on .*?\((?P<n>\d+) pages?")
FILE_OPEN = re.compile(r"\((?P<name>(?:\.{0,2}/|/)?[^\s(){}]+\.(?:tex|sty|cls|cfg|def|fd|aux|toc|lof|lot|bbl|out|ldf|clo))")


@dataclass
class BoxIssue:
    kind: str          # "overfull" | "underfull"
    file: str | None   # .tex file (as TeX printed it) or None
    line: int | None   # first source line of the paragraph
    amount: str        # "12.3pt too wide" / "badness 10000"
    points: float = 0.0


@dataclass
class LogError:
    file: str | None
    line: int | None
    message: str
    context: str = ""


@dataclass
class LogReport:
    errors: list[LogError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    boxes: list[BoxIssue] = field(default_factory=list)
    pages: int | None = None
    missing_chars: list[str] = field(default_factory=list)

    @property
    def overfull(self) -> list[BoxIssue]:
        return [b for b in self.boxes if b.kind == "overfull"]

    @property
    def underfull(self) -> list[BoxIssue]:
        return [b for b in self.boxes if b.kind == "underfull"]


def _track_files(line: str, stack: list[str]) -> None:
    """Update the open-file stack from one log line (TeX's "(file" ... ")" convention)."""
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "(":
            m = FILE_OPEN.match(line, i)
            if m:
                stack.append(m.group("name"))
                i = m.end()
                continue
            stack.append("")   # an unrelated "(" in a message; its ")" pops it
        elif ch == ")" and stack:
            stack.pop()
        i += 1


def _current(stack: list[str]) -> str | None:
    for name in reversed(stack):
        if name:
            return name
    return None


def parse_log(text: str) -> LogReport:
    rep = LogReport()
    lines = text.splitlines()
    stack: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = ERROR.match(line)
        if m:
            err = LogError(m.group("file"), int(m.group("line")), m.group("msg").strip())
            err.context = _context(lines, i)
            rep.errors.append(err)
            i += 1
            continue
        m = BANG.match(line)
        if m:
            err = LogError(_current(stack), None, m.group("msg").strip())
            for j in range(i + 1, min(i + 30, len(lines))):
                lm = LINE_NO.match(lines[j])
                if lm:
                    err.line = int(lm.group("line"))
                    err.context = lm.group("ctx").strip()
                    break
            rep.errors.append(err)
            i += 1
            continue
        m = BOX.match(line)
        if m:
            kind = m.group("kind").lower()
            start = m.group("a") or m.group("c") or m.group("d")
            amount = m.group("amount")
            pts = re.match(r"([\d.]+)pt too", amount)
            rep.boxes.append(BoxIssue(kind, _current(stack), int(start) if start else None, amount,
                                      float(pts.group(1)) if pts else 0.0))
            # the box's contents follow, up to a blank line: the student's text, whose "(" and ")"
            # are not files opening and closing (counting them put later boxes in the wrong file)
            i += 1
            while i < len(lines) and lines[i].strip():
                i += 1
            continue
        if WARNING.match(line):
            msg = line.strip()
            # multi-line package warnings continue on lines starting with "(pkg)"
            j = i + 1
            while j < len(lines) and re.match(r"^\([\w.-]+\)\s", lines[j]):
                msg += " " + re.sub(r"^\([\w.-]+\)\s+", "", lines[j]).strip()
                j += 1
            if msg.startswith("Missing character"):
                rep.missing_chars.append(msg)
            else:
                rep.warnings.append(msg)
            i = j
            continue
        m = PAGES.match(line)
        if m:
            rep.pages = int(m.group("n"))
        _track_files(line, stack)
        i += 1
    return rep


def _context(lines: list[str], i: int) -> str:
    for j in range(i + 1, min(i + 30, len(lines))):
        lm = LINE_NO.match(lines[j])
        if lm:
            return lm.group("ctx").strip()
    return ""
