"""The top-level keys of thesis.yaml (docs/format.md) and article.yaml (README "Articles"), checked
like settings: nearest-key errors."""
from __future__ import annotations

import datetime as dt

from typeset.config.schema import Bool, Invalid, _show
from typeset.config.validate import check_tree
from typeset.config.yamlfile import Marked


def _todo(v) -> bool:
    # the importer writes "TODO: …" where it found nothing; the build warns about each one
    return isinstance(v, str) and v.startswith("TODO:")


def _text(v, what="text"):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    if not isinstance(v, str):
        raise Invalid(f"expected {what}, got {_show(v)}")
    return v


def _languages(v: dict) -> None:
    for k in v:
        if k not in ("th", "en"):
            raise Invalid(f"unknown language key {_show(k)}: expected th and/or en")


class Pair:
    """A string, or {th: …, en: …}."""
    expected = "text or {th: …, en: …}"

    def check(self, v):
        if isinstance(v, dict):
            _languages(v)
            return {k: _text(x) for k, x in v.items() if x is not None}
        return _text(v, self.expected)


class PairList:
    expected = "a list of names (text or {th: …, en: …})"

    def check(self, v):
        if _todo(v):
            return v
        if isinstance(v, (str, dict)):
            v = [v]
        if not isinstance(v, list):
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        return [Pair().check(x) for x in v]


class TextList:
    expected = "a list of words"

    def check(self, v):
        if not isinstance(v, list):
            raise Invalid(f"expected {self.expected}, e.g. [\"ปูติน\", \"วลาดิมีร์\"], got {_show(v)}")
        return [_text(x, "a word") for x in v]


class Keywords:
    expected = "a list of keywords or {th: [...], en: [...]}"

    def check(self, v):
        if isinstance(v, dict):
            _languages(v)
            return {k: (TextList().check(x) if not isinstance(x, str) else [x]) for k, x in v.items()}
        if isinstance(v, str):
            return [v]
        return TextList().check(v)


class Year:
    expected = "an academic year in the Buddhist Era, e.g. 2567"

    def check(self, v):
        if _todo(v):
            return v
        if isinstance(v, str) and v.strip().isdigit():
            v = int(v)
        if isinstance(v, bool) or not isinstance(v, int):
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        if 1900 <= v <= 2200:
            raise Invalid(f"{v} looks like a Christian-Era year; write the Buddhist Era year ({v + 543})")
        if not 2400 <= v <= 2800:
            raise Invalid(f"expected {self.expected}, got {v}")
        return v


class NonEmpty:
    """A string with something in it (returned as written)."""
    expected = "text"

    def check(self, v):
        if not isinstance(v, str) or not v.strip():
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        return v


class TemplateRef(NonEmpty):
    expected = "a template name (see `typeset templates`) or a path such as ./my-template"


class Anything:
    """`settings:` is checked on its own against the settings schema."""
    expected = "settings"

    def check(self, v):
        return v


class Glossary:
    """abbreviations: / symbols: a mapping term -> meaning, printed in the order written."""
    expected = "a mapping of term: meaning, e.g. ASEAN: สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้"

    def check(self, v):
        if not isinstance(v, dict) or not v:
            raise Invalid(f"expected {self.expected}, got {_show(v)}")
        out = {}
        for term, meaning in v.items():
            if meaning is None or (isinstance(meaning, str) and not meaning.strip()):
                raise Invalid(f"'{term}' has no meaning after its ':'")
            out[_text(term, "a term")] = _text(meaning, "the meaning as text")
        return out


class ImagePath(NonEmpty):
    """logo: a picture inside the thesis folder (source.check_logo finds it)."""
    expected = "an image path inside the thesis folder, e.g. figures/logo.png"

    def check(self, v):
        return super().check(v).strip()


class Pairish(Pair):
    def check(self, v):
        return v if _todo(v) else super().check(v)


THESIS_KEYS = {
    "template": TemplateRef(),
    "title": Pairish(), "author": Pairish(), "degree": Pairish(), "program": Pairish(),
    "faculty": Pairish(), "university": Pairish(), "advisor": Pairish(),
    "year": Year(),
    "committee": PairList(),
    "statement": Pair(),            # the degree statement as written, instead of the generated one
    "cover_lines": PairList(),      # other cover lines (course, student id …), printed as written
    "keywords": Keywords(),
    "words": TextList(),
    "pdfa": Bool(),
    "abbreviations": Glossary(),
    "symbols": Glossary(),
    "logo": ImagePath(),
    "settings": Anything(),
}



class DateText:
    """A date as text: ISO (printed the Thai way by the article template) or anything written."""
    expected = "a date such as \"2022-09-23\""

    def check(self, v):
        if isinstance(v, dt.date):
            return v.isoformat()   # `date: 2022-09-23` unquoted: YAML made it a date
        return _text(v, self.expected)


class Text:
    expected = "text"

    def check(self, v):
        return _text(v)


# what typeset.article writes (and latex/templates/article reads); see README "Articles"
ARTICLE_KEYS = {
    "template": TemplateRef(),
    "title": Pairish(), "author": Pairish(),
    "date": DateText(),
    "lead": Bool(),
    "source": {"intro": Text(), "title": Text(), "publication": Text(), "date": DateText(),
               "url": Text()},
    "keywords": Keywords(),
    "words": TextList(),
    "pdfa": Bool(),
    "settings": Anything(),
}

# meta file name -> allowed top-level keys; files not listed here are not checked by this module
META_KEYS = {"thesis.yaml": THESIS_KEYS, "article.yaml": ARTICLE_KEYS}


def check_meta(marked: Marked, meta_file: str) -> dict:
    keys = META_KEYS.get(meta_file)
    if keys is None:
        return marked.data
    return check_tree(marked.data, keys, marked, (), (), f"{meta_file} key")
