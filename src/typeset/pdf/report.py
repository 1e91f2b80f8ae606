"""import-report.md for a PDF import: what the glyph reading corrected per font and why, the
lines and pages dropped, the scanned pages and the spots to check, then the structure report."""
from __future__ import annotations

from collections import defaultdict

from typeset.notice import Notice, notices_markdown


def _show(s: str) -> str:
    if not s:
        return "(nothing)"
    return "".join(c if c.isprintable() and not c.isspace() else f"U+{ord(c):04X}" for c in s)


def _pages(ns) -> str:
    ns = sorted(set(ns))
    if len(ns) > 12:
        return ", ".join(map(str, ns[:12])) + f" … ({len(ns)} pages)"
    return ", ".join(map(str, ns))


def pdf_report(source_name: str, facts: dict, dropped_front, files: dict, notes) -> str:
    out = [f"# Import report: {source_name}", "",
           f"Read glyph by glyph from the PDF (pages {facts['pages'][0]}-{facts['pages'][-1]}); "
           "page numbers below are the PDF's.", "", "## Glyphs read differently from the text layer", ""]
    any_fix = False
    for fr in facts["readings"]:
        fixed = fr.corrected()
        if not fixed:
            continue
        any_fix = True
        out += [f"Font {fr.name}:", "", "| glyph | text layer | read as | uses | evidence |",
                "|---|---|---|---|---|"]
        for k, r in fixed:
            gid = f"{k}" if k >= 0 else f"code {-1 - k}"
            out.append(f"| {gid} | {_show(r.said)} | {_show(r.char)} | {r.count} | {r.evidence} |")
        out.append("")
    if not any_fix:
        out += ["- none: every glyph reads as the text layer says", ""]
    out += ["## Dropped", ""]
    by_kind = defaultdict(list)
    for d in facts["dropped"]:
        by_kind[d.what.split(" (")[0]].append(d)
    for what, ds in by_kind.items():
        texts = sorted({d.text for d in ds})[:5]
        out.append(f"- {what}: {len(ds)} lines on pages {_pages(d.page for d in ds)} "
                   f"(e.g. {', '.join('`' + t + '`' for t in texts)})")
    for page, what in dropped_front:
        out.append(f"- page {page}: {what}")
    if not by_kind and not dropped_front:
        out.append("- nothing")
    out.append("")
    out += notices_markdown("## Spots to check", spots(facts))
    out += ["## Files written", ""] + [f"- {k}" for k in sorted(files)] + [""]
    for n in notes:
        if n:
            out += ["## Structure", ""] + n.split("\n", 2)[-1].splitlines() + [""]
    return "\n".join(out).rstrip() + "\n"


def spots(facts: dict) -> list[Notice]:
    """Every spot of the import a person should check, with its page."""
    out = []
    if facts["scanned"]:
        out.append(Notice(f"scanned pages (no text layer, not imported): {_pages(facts['scanned'])}",
                          stage="pdf", kind="scanned", page=min(facts["scanned"])))
    for fr in facts["readings"]:
        for k, r in fr.corrected():
            if "dictionary" in r.evidence:
                out.append(Notice(f"font {fr.name}, glyph {k}: named by the dictionary only "
                                  f"({_show(r.char)}, {r.count} uses on pages {_pages(r.pages)})",
                                  stage="pdf", kind="glyph", page=min(r.pages, default=0)))
    out += [n for n in facts.get("uncertain", []) if isinstance(n, Notice)]
    figures = {id(f.image) for f in facts.get("figures", [])}
    small = [i for i in facts["images"] if id(i) not in figures]
    if small:
        out.append(Notice(f"{len(small)} small images (inline formulas, icons) on pages "
                          f"{_pages(i.page for i in small)}: not imported; check the text around "
                          "them", stage="pdf", kind="image", page=min(i.page for i in small)))
    return list(dict.fromkeys(out))
