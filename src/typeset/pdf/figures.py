"""Raster images of the PDF -> figures/ (pdfminer's ImageWriter; Pillow turns what is not
JPEG or PNG into PNG, the formats XeLaTeX takes), each placed in the text where it was drawn."""
from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from typeset.notice import Notice
from typeset.pdf.lines import Line

MIN_SIDE = 36.0      # points: smaller images are rules, bullets and logos' dust


@dataclass
class Figure:
    token: str
    image: object        # typeset.pdf.glyphs.Image
    page: int


def take_figures(page, lines: list[Line]) -> tuple[list[Line], list[Figure]]:
    figs, rest = [], list(lines)
    for im in page.images:
        if im.x1 - im.x0 < MIN_SIDE or im.y1 - im.y0 < MIN_SIDE:
            continue
        if im.x1 - im.x0 > 0.9 * page.width and im.y1 - im.y0 > 0.9 * page.height:
            continue          # a full-page image: a scan or a background, not a figure
        token = "TSF" + secrets.token_hex(4)
        size = 12.0
        rest.append(Line(page.number, im.x0, im.x1, im.y1 - size, im.y1, im.y0, size, False, token))
        figs.append(Figure(token, im, page.number))
    return rest, figs


def export(figs: list[Figure]) -> tuple[dict[str, str], dict[str, bytes], list[tuple[int, str]]]:
    """-> ({token: figures/name}, {figures/name: bytes}, problems as Notices)."""
    from pdfminer.image import ImageWriter
    from pdfminer.layout import LTImage

    names, data, problems = {}, {}, []
    by_stream: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="typeset-fig-") as tmp:
        writer = ImageWriter(tmp)
        for n, f in enumerate(figs, 1):
            im = f.image
            key = id(im.stream)
            if key in by_stream:
                names[f.token] = by_stream[key]
                continue
            try:
                out = Path(tmp) / writer.export_image(
                    LTImage(f"p{f.page}-{n}", im.stream, (im.x0, im.y0, im.x1, im.y1)))
                out = _usable(out)
            except Exception as e:          # an image codec pdfminer cannot undo
                problems.append(Notice(f"an image could not be extracted ({type(e).__name__})",
                                       stage="pdf", kind="figure", page=f.page))
                continue
            rel = f"figures/page{f.page:03d}-{n}{out.suffix}"
            data[rel] = out.read_bytes()
            names[f.token] = by_stream[key] = rel
    return names, data, problems


def _usable(path: Path) -> Path:
    if path.suffix.lower() in (".png", ".jpg", ".jpeg"):
        return path
    from PIL import Image

    png = path.with_suffix(".png")
    with Image.open(path) as im:
        im.save(png)
    return png
