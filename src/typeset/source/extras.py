"""thesis.yaml values that point at the folder or need a front page: logo, abbreviations, symbols."""
from __future__ import annotations

import re
from pathlib import Path

from typeset.errors import UserError

SAFE_PATH = re.compile(r"^[\w./-]+$")   # what the cover's \includegraphics accepts (render.trusted_path)


def check_logo(folder: Path, cfg) -> None:
    """`logo: figures/logo.png`: a picture inside the thesis folder; errors at its thesis.yaml line."""
    logo = cfg.meta.get("logo")
    if not logo:
        return
    where = cfg.meta_where(("logo",))
    if not SAFE_PATH.match(logo) or ".." in logo.split("/") or logo.startswith("/"):
        raise UserError(f"logo '{logo}' must be a path inside the thesis folder using letters, digits, "
                        "'-', '_', '.', '/' (e.g. figures/logo.png)", where)
    root = folder.resolve()
    path = (root / logo).resolve()
    if not path.is_relative_to(root):
        raise UserError(f"logo '{logo}' is outside the thesis folder", where)
    if not path.is_file():
        raise UserError(f"logo '{logo}' not found (put the picture in the thesis folder, "
                        "e.g. figures/logo.png)", where)
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg", ".pdf"):
        raise UserError(f"logo '{logo}': expected a .png, .jpg or .pdf picture", where)


def unplaced_front(cfg) -> list[str]:
    """abbreviations:/symbols: given, but the template's front matter has no page for them."""
    given = [k for k in ("abbreviations", "symbols") if cfg.meta.get(k)]
    if given and "abbreviations" not in cfg.settings["frontmatter"]["order"]:
        where = cfg.meta_where((given[0],))
        return [f"{where}: {given[0]} are not printed: the template's frontmatter.order has no "
                "'abbreviations' page (add it under settings: frontmatter: order:)"]
    return []
