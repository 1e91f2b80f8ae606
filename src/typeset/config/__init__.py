"""Layered settings: built-in defaults -> template.yaml (after the templates it extends) ->
thesis.yaml `settings:`. Every layer is validated against schema.SCHEMA before it is merged.

`load(folder, template=None)` returns a Config:
  .meta          thesis.yaml without `settings` (top-level keys checked too)
  .settings      merged nested dicts, every key present (defaults.yaml lists them)
  .template_dir  the chosen template folder (None only when no template is named)
  .template_dirs that folder, then the folders it extends, most specific first
  .search_path   template_dirs + [latex/base]: where Jinja2 looks for partials
  .layers        a readable name for each layer, in merge order
  .origins       dotted setting key -> "file:line" of the layer that set it last
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from typeset.config.meta import check_meta
from typeset.config.schema import Text, layout_problems
from typeset.config.validate import check_settings, check_tree
from typeset.config.yamlfile import Marked, read_marked
from typeset.errors import UserError

HERE = Path(__file__).resolve().parent
# Templates are package data (src/typeset/latex), so an installed wheel finds them too.
LATEX = Path(str(resources.files("typeset") / "latex"))
TEMPLATES = LATEX / "templates"
BASE = LATEX / "base"
DEFAULT_TEMPLATE = "thai-thesis"


@dataclass
class Config:
    meta: dict
    settings: dict
    template_dir: Path | None
    source_dir: Path
    layers: list[str] = field(default_factory=list)
    template_dirs: list[Path] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    template_name: str | None = None
    meta_file: str = "thesis.yaml"
    meta_marked: Marked | None = None   # thesis.yaml with the line of every key

    def meta_where(self, keys: tuple) -> str:
        """'bad/thesis.yaml:4' for ('title', 'th'): where a thesis.yaml value is written."""
        return self.meta_marked.where(keys) if self.meta_marked else self.meta_file

    @property
    def search_path(self) -> list[Path]:
        return [*self.template_dirs, BASE]

    def where(self, dotted: str) -> str:
        """Which file (and line) set a setting, for error messages: 'font.family' -> 'thesis.yaml:9'."""
        return self.origins.get(dotted, "built-in defaults")


def read_yaml(path: Path) -> dict:
    """safe_load a YAML mapping; a readable one-line error otherwise."""
    return read_marked(path).data


def merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def bundled() -> list[Path]:
    if not TEMPLATES.is_dir():
        return []
    return sorted(d for d in TEMPLATES.iterdir() if (d / "template.yaml").is_file())


def is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".")


def find_template(name: str, base_dir: Path) -> Path:
    """A bundled template by name, or a folder path relative to `base_dir`."""
    name = str(name).strip()
    p = (base_dir / name).resolve() if is_path(name) else TEMPLATES / name
    if (p / "template.yaml").is_file():
        return p
    known = ", ".join(d.name for d in bundled()) or "none"
    if is_path(name):
        what = "has no template.yaml" if p.is_dir() else "does not exist"
        raise UserError(f"template folder {p} {what} (bundled templates: {known}; "
                        f"make one with `typeset template copy NAME {name}`)")
    import difflib
    near = difflib.get_close_matches(name, [d.name for d in bundled()], n=1)
    hint = f"did you mean '{near[0]}'? " if near else ""
    raise UserError(f"template '{name}' not found ({hint}bundled: {known}; a folder of your own is "
                    f"written as a path, e.g. ./{name})")


def read_template(tdir: Path) -> tuple[Marked, dict, str | None]:
    """(marked file, validated settings, extends) of one template folder."""
    marked = read_marked(tdir / "template.yaml")
    data = dict(marked.data)
    description = data.pop("description", None)
    if description is not None:
        check_tree({"description": description}, {"description": Text(max_len=300)}, marked)
    extends = data.pop("extends", None)
    if extends is not None and (not isinstance(extends, str) or not extends.strip()):
        raise UserError("'extends' must be a template name or a folder path",
                        where=marked.where(("extends",)))
    return marked, check_settings(marked, data), extends


def template_chain(tdir: Path) -> list[tuple[Path, Marked, dict]]:
    """The template and those it extends, most general first."""
    chain: list[tuple[Path, Marked, dict]] = []
    seen: list[Path] = []
    while tdir is not None:
        if tdir in seen:
            names = " -> ".join(str(p) for p in seen + [tdir])
            raise UserError(f"templates extend each other in a loop: {names}")
        seen.append(tdir)
        marked, settings, extends = read_template(tdir)
        chain.insert(0, (tdir, marked, settings))
        if extends is None:
            break
        try:
            tdir = find_template(extends, tdir)
        except UserError as e:
            raise UserError(e.message, where=marked.where(("extends",))) from None
    return chain


def _origins(settings: dict, marked: Marked, keys: tuple, prefix: tuple, out: dict) -> None:
    for k, v in settings.items():
        if isinstance(v, dict):
            _origins(v, marked, keys + (k,), prefix + (k,), out)
        else:
            out[".".join(prefix + (k,))] = marked.where(keys + (k,))


def load(source_dir: Path | str, template: str | None = None, meta_file: str = "thesis.yaml") -> Config:
    """Read `source_dir/meta_file`, the template it names (or `template`, e.g. from --template)."""
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise UserError(f"{source_dir}: not a folder (expected a thesis folder holding {meta_file})")
    marked_meta = read_marked(source_dir / meta_file)
    meta = check_meta(marked_meta, meta_file)
    overrides = meta.pop("settings", None)

    defaults_marked = read_marked(HERE / "defaults.yaml")
    settings = check_settings(defaults_marked)
    origins: dict[str, str] = {}
    _origins(settings, Marked(Path("built-in defaults"), {}, {}), (), (), origins)
    layers = ["built-in defaults"]

    if template:  # from the command line: a path is relative to where the user is
        cwd_path = Path.cwd() / template
        base = Path.cwd() if is_path(template) and (cwd_path / "template.yaml").is_file() else source_dir
        tdir = find_template(template, base)
    else:
        name = meta.get("template") or DEFAULT_TEMPLATE
        try:
            tdir = find_template(str(name), source_dir)
        except UserError as e:
            raise UserError(e.message, where=marked_meta.where(("template",))) from None
    chain = template_chain(tdir)
    for _, marked, tsettings in chain:
        settings = merge(settings, tsettings)
        _origins(tsettings, marked, (), (), origins)
        layers.append(str(marked.path))

    if overrides is not None:
        over = check_settings(marked_meta, overrides, root=("settings",))
        settings = merge(settings, over)
        _origins(over, marked_meta, ("settings",), (), origins)
        layers.append(f"{marked_meta.path} settings")
    for key, problem in layout_problems(settings):
        raise UserError(f"{problem} (set in {origins.get(key, 'built-in defaults')})")
    return Config(meta=meta, settings=settings, template_dir=tdir, source_dir=source_dir,
                  layers=layers, template_dirs=[d for d, _, _ in reversed(chain)], origins=origins,
                  template_name=tdir.name if tdir.parent == TEMPLATES else str(tdir),
                  meta_file=meta_file, meta_marked=marked_meta)
