"""Layered settings: built-in defaults -> template.yaml -> thesis.yaml `settings:`.

`load(folder, template=None)` returns a Config with `.meta` (thesis.yaml without `settings`),
`.settings` (merged nested dicts) and `.template_dir`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from typeset.errors import UserError

HERE = Path(__file__).resolve().parent
REPO_LATEX = HERE.parents[2] / "latex"
TEMPLATES = REPO_LATEX / "templates"


@dataclass
class Config:
    meta: dict
    settings: dict
    template_dir: Path | None
    source_dir: Path
    layers: list[str] = field(default_factory=list)


def read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise UserError(f"not valid YAML: {getattr(e, 'problem', e)}", where=where) from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping of keys to values at the top level")
    return data


def merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def find_template(name: str, source_dir: Path) -> Path:
    if "/" in name or name.startswith("."):
        p = (source_dir / name).resolve()
    else:
        p = TEMPLATES / name
    if not (p / "template.yaml").is_file():
        known = ", ".join(sorted(d.name for d in TEMPLATES.iterdir() if (d / "template.yaml").is_file())) \
            if TEMPLATES.is_dir() else ""
        raise UserError(f"template '{name}' not found (bundled: {known or 'none'})")
    return p


def load(source_dir: Path | str, template: str | None = None, meta_file: str = "thesis.yaml") -> Config:
    source_dir = Path(source_dir)
    meta = read_yaml(source_dir / meta_file)
    overrides = meta.pop("settings", None) or {}
    settings = read_yaml(HERE / "defaults.yaml")
    layers = ["defaults"]
    name = template or meta.get("template")
    tdir = None
    if name:
        tdir = find_template(str(name), source_dir)
        tsettings = read_yaml(tdir / "template.yaml")
        tsettings.pop("description", None)
        tsettings.pop("extends", None)
        settings = merge(settings, tsettings)
        layers.append(str(tdir / "template.yaml"))
    settings = merge(settings, overrides)
    layers.append(f"{source_dir / meta_file} settings")
    return Config(meta=meta, settings=settings, template_dir=tdir, source_dir=source_dir, layers=layers)
