"""`typeset outline DIR [--json]`: the heading tree with generated numbers."""
from __future__ import annotations

import json

from typeset import source
from typeset.source import nodes as n


def outline(doc: n.Document, label: str = "บทที่ {n}") -> list[dict]:
    """[{"level": 0, "number": "1", "title": "บทนำ"}, {"level": 1, "number": "1.1", …}, …]."""
    rows = []
    for ch in doc.chapters:
        if ch.kind == "chapter":
            rows.append({"level": 0, "number": ch.number, "title": ch.plain_title})
        for b in ch.blocks:
            if isinstance(b, n.Section):
                rows.append({"level": b.level - 1, "number": b.number, "title": b.plain_title})
    return rows


def run(args) -> int:
    doc, cfg = source.load(args.source)
    rows = outline(doc)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    from rich.console import Console

    console = Console(highlight=False)
    label = cfg.settings["headings"]["chapter"].get("label", "{n}")
    for r in rows:
        if r["level"] == 0:
            console.print(f"[bold]{label.replace('{n}', r['number'])}[/] {r['title']}", markup=True)
        else:
            console.print("  " * r["level"] + f"{r['number']} {r['title']}".strip(), markup=False)
    return 0
