"""Showing a diff: coloured terminal text (rich) and a self-contained side-by-side HTML page."""
from __future__ import annotations

import html

from rich.console import Console
from rich.text import Text

from typeset.diff.words import PARA

STYLE = {"delete": "bold red strike", "insert": "bold green underline"}
MARK = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
KIND_STYLE = {"added": "green", "removed": "red", "moved": "yellow", "renamed": "yellow",
              "heading": "cyan", "changed": "cyan", "file": "yellow"}


def pieces(ops, side: str | None = None):
    """(op, text) runs with the source spacing; side 'old'/'new' keeps one side only (HTML)."""
    out: list[tuple[str, str]] = []
    first = True
    for op, a, b in ops:
        runs = []
        if op == "equal":
            runs = [("equal", b if side == "new" else a)]
        else:
            if a and side != "new":
                runs.append(("delete", a))
            if b and side != "old":
                runs.append(("insert", b))
        for k, (kind, words) in enumerate(runs):
            text = []
            for i, w in enumerate(words):
                t = w.text
                if i and w.space or (i == 0 and w.space and not first and not (kind == "insert" and k)):
                    text.append(" ")
                text.append(t)
            lead = text[0] == " " if text else False
            if lead:  # the space before a change is not part of it
                out.append(("equal", " "))
                text = text[1:]
            out.append((kind, "".join(text)))
            first = False
    return out


def entry_text(ops, markers: bool) -> Text:
    t = Text()
    for kind, s in pieces(ops):
        if kind == "equal":
            t.append(s)
        else:
            a, b = MARK[kind] if markers else ("", "")
            t.append(f"{a}{s}{b}", style=STYLE[kind])
    return t


def print_entries(entries, console: Console | None = None, indent: int = 0) -> None:
    console = console or Console(highlight=False)
    markers = console.color_system is None or console.no_color   # plain output (a pipe, NO_COLOR): git-style markers
    pad = " " * indent
    chapter = None
    for e in entries:
        if e.chapter != chapter:
            chapter = e.chapter
            console.print(Text(pad + (chapter or e.file), style="bold"))
        head = Text(f"{pad}  {e.location}", style="dim")
        if e.where:
            head.append(f"  {e.where}", style="bold")
        label = e.kind if e.kind != "changed" else ""
        if label:
            head.append(f"  {label}", style=KIND_STYLE.get(e.kind, ""))
        if e.note:
            head.append(f": {e.note}", style=KIND_STYLE.get(e.kind, ""))
        console.print(head, soft_wrap=True)
        if e.ops:
            body = Text(pad + "    ")
            body.append_text(entry_text(e.ops, markers))
            console.print(body, soft_wrap=True)


CSS = """
body{font-family:Sarabun,'TH Sarabun New',Tahoma,sans-serif;margin:1.5em;line-height:1.7}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td{vertical-align:top;border-top:1px solid #ddd;padding:.4em .6em;width:50%;white-space:pre-wrap}
th{text-align:left;background:#f4f4f4;padding:.3em .6em;font-weight:normal}
h2{margin-top:1.6em;font-size:1.15em}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.k{font-weight:bold}.loc{color:#777}
"""


def _side(ops, side: str) -> str:
    out = []
    for kind, s in pieces(ops, side):
        s = html.escape(s).replace(PARA, "¶<br>")
        out.append(s if kind == "equal" else f"<{'del' if kind == 'delete' else 'ins'}>{s}</"
                   f"{'del' if kind == 'delete' else 'ins'}>")
    return "".join(out)


def html_page(entries, old: str, new: str) -> str:
    e = html.escape
    rows = [f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>typeset diff</title>"
            f"<style>{CSS}</style></head><body>",
            f"<h1>typeset diff</h1><p><del>{e(old)}</del> → <ins>{e(new)}</ins>: "
            f"{len(entries)} difference{'s' if len(entries) != 1 else ''}</p>"]
    chapter = None
    for en in entries:
        if en.chapter != chapter:
            if chapter is not None:
                rows.append("</table>")
            chapter = en.chapter
            rows.append(f"<h2>{e(chapter or en.file)}</h2><table>"
                        f"<tr><th>{e(old)}</th><th>{e(new)}</th></tr>")
        note = f"{en.kind}: {en.note}" if en.note else (en.kind if en.kind != "changed" else "")
        rows.append(f"<tr><th colspan=\"2\"><span class=\"loc\">{e(en.location)}</span> "
                    f"<span class=\"k\">{e(en.where)}</span> {e(note)}</th></tr>")
        if en.ops:
            rows.append(f"<tr><td>{_side(en.ops, 'old')}</td><td>{_side(en.ops, 'new')}</td></tr>")
    if chapter is not None:
        rows.append("</table>")
    rows.append("</body></html>\n")
    return "\n".join(rows)
