"""Front-matter parts the template requires (`frontmatter.required`) but the thesis folder lacks.

Every Thai graduate school requires บทคัดย่อ and ABSTRACT; a build without them would look
complete, so each missing one is a warning naming the file to write.
"""
from __future__ import annotations

from pathlib import Path

from typeset.source import FRONT_FILES

TITLES = {"abstract_th": "บทคัดย่อ", "abstract_en": "ABSTRACT", "acknowledgements": "กิตติกรรมประกาศ"}


def missing_parts(doc, cfg, folder: Path) -> list[str]:
    """One warning per required front-matter part (printed by the template) with no file."""
    if doc.kind != "thesis":
        return []
    front = cfg.settings.get("frontmatter", {})
    order = front.get("order", [])
    out = []
    for key in front.get("required", []):
        if key in doc.front or key not in order or key not in FRONT_FILES:
            continue
        path = Path(folder) / "frontmatter" / FRONT_FILES[key]
        out.append(f"{path}: missing: {TITLES.get(key, key)} is required by template "
                   f"{cfg.template_name} (frontmatter.required); write it in Markdown, no heading")
    return out
