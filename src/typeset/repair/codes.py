"""Pass `codes`: learn and decode the document's code -> Thai character map.

A broken font map prints Thai marks as ASCII/Latin-1 characters ("ทีE" = ที่, "ตั iง" = ตั้ง), with
several codes per mark and different codes per font. The map differs between documents, so it is
learned like a substitution cipher:

* candidate codes are non-Thai, non-digit characters glued to Thai: right after a Thai character
  ("ทีE"), or after a Thai character and one space when a Thai character follows ("ตั iง");
* each candidate Thai character is tried in a sample of the code's contexts and scored by how many
  Thai characters end up inside dictionary words (nlpO3 segmentation, PyThaiNLP word list);
* the best character is kept when it gains clearly over leaving the code, frequent codes decided
  first so later codes are scored on partly decoded text; rare codes (a heading font's) are
  scored after a trial repair of displaced marks, which can otherwise hide the right answer.

A code stays as it is inside Latin words, numbers and between spaces ("Smith & Park"); a code
isolated after a Thai word ("นี i") is left to the `isolated_codes` pass.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .state import State
from .normalize import normalize_line
from .code_spots import ABBREV_DOT, CANDIDATES, Spot, chunk, decoded, find_spots

NAME = "codes"

PROBE = 8              # contexts scored first; a code that gains nothing there is dropped
SAMPLE = 48            # contexts scored per code
MIN_GAIN_PER_USE = 0.5  # mean gain (Thai chars moved into dictionary words) per context
MIN_SINGLE_GAIN = 3     # a code seen once must make this much difference
FEW = 8  # codes with at most this many contexts are rescored after a trial repair of displaced marks


CODE_PENALTY = 2  # an unexplained symbol inside Thai text


def _score_multi(lex, texts: list[str], spans: dict) -> dict[str, list[int]]:
    """Plain scores of several codes' trial texts in one segmentation call."""
    vals = lex.value_many([normalize_line(t)[0] for t in texts])
    return {c: [v - CODE_PENALTY * t.count(c) for v, t in zip(vals[a:a + n], texts[a:a + n])]
            for c, (a, n) in spans.items()}


def _score(lex, texts: list[str], code: str) -> list[int]:
    vals = lex.value_many([normalize_line(t)[0] for t in texts])
    return [v - CODE_PENALTY * t.count(code) for v, t in zip(vals, texts)]


def _sample(work: list[str], code: str) -> list[tuple[str, str, str]]:
    """Up to SAMPLE distinct (left, span, right) contexts of a code in the working lines."""
    seen, sample = set(), []
    here = [i for i, w in enumerate(work) if code in w]
    for s in find_spots([work[i] for i in here]):
        if s.code != code or s.kind == "isolated":
            continue
        key = chunk(work[here[s.line]], s)
        if key not in seen:
            seen.add(key)
            sample.append(key)
            if len(sample) >= SAMPLE:
                break
    return sample


def _trials(sample, code: str) -> list[str]:
    """The sample as it is, then decoded with each candidate in turn."""
    texts = [l + sp + r for l, sp, r in sample]
    for thai in CANDIDATES:
        texts += [l + decoded(sp, code, thai) + r for l, sp, r in sample]
    return texts


def _gains(scores: list[int], k: int) -> dict[str, tuple[int, int]]:
    """Per candidate: (total gain over the code left as it is, contexts that gained)."""
    out = {}
    for ci, thai in enumerate(CANDIDATES):
        diffs = [c - b for c, b in zip(scores[k * (ci + 1): k * (ci + 2)], scores[:k])]
        out[thai] = (sum(diffs), sum(d > 0 for d in diffs))
    return out


def _decide(code: str, sample, gains, uses: int, first: Spot, lines: list[str], ctx: State) -> str | None:
    k = len(sample)
    ranked = sorted(gains, key=lambda t: -gains[t][0])
    best, second = ranked[0], ranked[1]
    total, wins = gains[best]
    need = MIN_SINGLE_GAIN if k == 1 else MIN_GAIN_PER_USE * k
    if code in ctx.report.abbreviation_marks:
        return None  # the document's own punctuation ("ค.ศ."): decided spot by spot (`punct_codes`)
    if not (total >= need and wins * 2 >= k and total > gains[second][0]):
        return None
    margin = total - gains[second][0]
    ctx.report.code_evidence[code] = (f"{uses} uses; dictionary score {total:+d} over {k} distinct "
                                      f"contexts (next best {second}: {gains[second][0]:+d})")
    if k < 3 or margin < k:
        ctx.report.flag(first.line + 1, NAME, lines[first.line].strip()[:60],
                        f"code {code!r} decoded as {best} on thin evidence ({k} contexts, margin {margin})")
    return best


LEARN_ROUNDS = 3  # a code learned can make another one readable ("หนEอไมi": ่ first, then ้)


def learn(lines: list[str], ctx: State) -> dict[str, str]:
    """Frequent codes one by one on plain dictionary scores (each decoded before the next is
    scored); then the rare ones together, scored after a trial repair of displaced marks
    because with few contexts a displaced mark nearby can hide the right answer ("ทีGสดุ").
    Codes left undecided are scored again on the text decoded so far while that learns more,
    so decoding the output again finds nothing new (repair is idempotent)."""
    abbrev = ctx.report.abbreviation_marks = abbreviation_marks(lines)
    by_code: dict[str, list[Spot]] = defaultdict(list)
    for s in find_spots(lines):
        if s.kind != "isolated":
            by_code[s.code].append(s)
    # the document's own abbreviation punctuation ("ค.ศ.") is decided spot by spot (`punct_codes`)
    paired = _paired(lines)
    pending = sorted((c for c in by_code if c not in abbrev and c not in paired),
                     key=lambda c: -len(by_code[c]))
    mapping: dict[str, str] = {}
    work = list(lines)
    for _ in range(LEARN_ROUNDS):
        seen: dict[str, list] = {}  # code -> the contexts it was scored in
        new = _learn_round(work, pending, by_code, lines, ctx, seen)
        if not new:
            break
        mapping.update(new)
        work = [decode_line(w, i, new, None) if any(c in w for c in new) else w
                for i, w in enumerate(work)]
        # only a code scored next to a newly decoded one can read differently now, or a dot
        # that looked like an abbreviation's next to a code ("ตpก.": ต์ก.)
        freed, abbrev = abbrev - abbreviation_marks(work), abbreviation_marks(work)
        ctx.report.abbreviation_marks = abbrev
        pending = [c for c in pending if c not in new and
                   any(n in "".join(chunk) for chunk in seen.get(c, ()) for n in new)]
        if freed:
            for sp in find_spots(work):
                if sp.code in freed and sp.kind != "isolated" and sp.code not in mapping:
                    by_code.setdefault(sp.code, []).append(sp)
            pending += sorted(c for c in freed if by_code.get(c))
    return mapping


PAIRS = ("()", "“”", "‘’", "[]", "«»")


def _paired(lines: list[str]) -> set[str]:
    """Brackets and quotes the document opens and closes in balance are punctuation: a mark
    code has no partner ("“อนาธิปไตย”" is a quotation, not โ…ะ)."""
    text = "\n".join(lines)
    out = set()
    for a, b in PAIRS:
        na, nb = text.count(a), text.count(b)
        if na and nb and abs(na - nb) <= max(1, 0.1 * max(na, nb)):
            out |= {a, b}
    n = text.count('"')
    if n >= 2 and sum(line.count('"') % 2 for line in lines) <= 0.1 * n:
        out.add('"')
    return out


def abbreviation_marks(lines: list[str]) -> set[str]:
    return {m.group(1) for line in lines for m in ABBREV_DOT.finditer(line)}


def _learn_round(work: list[str], order: list[str], by_code: dict[str, list[Spot]],
                 lines: list[str], ctx: State, seen: dict[str, list]) -> dict[str, str]:
    from . import displaced

    lex = ctx.lexicon
    mapping: dict[str, str] = {}
    work = list(work)
    rare = []
    for code in order:
        if len(by_code[code]) <= FEW:
            rare.append(code)
            continue
        sample = seen[code] = _sample(work, code)
        if not sample:
            continue
        # a quick look first: punctuation glued to Thai ("(", "“") gains nothing anywhere
        probe = sample[:PROBE]
        g = _gains(_score(lex, _trials(probe, code), code), len(probe))
        if max(v[0] for v in g.values()) <= 0:
            continue
        gains = _gains(_score(lex, _trials(sample, code), code), len(sample))
        best = _decide(code, sample, gains, len(by_code[code]), by_code[code][0], lines, ctx)
        if best:
            mapping[code] = best
            work = [decode_line(w, i, {code: best}, None) if code in w else w
                    for i, w in enumerate(work)]
    samples = {c: _sample(work, c) for c in rare}
    seen.update(samples)
    # plain scores first: a symbol that gains nothing anywhere (",", "(") needs no trial repair
    plain, spans = [], {}
    for c in rare:
        t = _trials(samples[c], c)
        spans[c] = (len(plain), len(t))
        plain += t
    values = _score_multi(lex, plain, spans)
    rare = [c for c in rare if samples[c] and max(
        v[0] for v in _gains(values[c], len(samples[c])).values()) > 0]
    texts, spans = [], {}
    for c in rare:
        t = [normalize_line(x)[0] for x in _trials(samples[c], c)]
        spans[c] = (len(texts), len(t))
        texts += t
    texts = displaced.apply(texts, ctx.snippets(texts)) if texts else texts
    values = lex.value_many(texts)
    for c in rare:
        a, n = spans[c]
        if not samples[c]:
            continue
        scores = [v - CODE_PENALTY * t.count(c) for v, t in zip(values[a:a + n], texts[a:a + n])]
        best = _decide(c, samples[c], _gains(scores, len(samples[c])), len(by_code[c]),
                       by_code[c][0], lines, ctx)
        if best:
            mapping[c] = best
    return mapping


def decode_line(line: str, li: int, mapping: dict[str, str], counts: Counter | None,
                kinds=("glued", "spaced")) -> str:
    if not any(c in line for c in mapping):
        return line
    spots = [s for s in find_spots([line]) if s.code in mapping and s.kind in kinds]
    if not spots:
        return line
    out, pos = [], 0
    for s in spots:
        if s.start < pos:
            continue
        thai = mapping[s.code]
        span = line[s.start:s.end]
        new = decoded(span, s.code, thai)
        out.append(line[pos:s.start])
        out.append(new)
        pos = s.end
        if counts is not None:
            counts[s.kind] += 1
    out.append(line[pos:])
    return "".join(out)


ESTABLISHED = 5   # uses that show a document prints marks as codes at all


def _established(mapping: dict[str, str], lines: list[str], ctx: State) -> dict[str, str]:
    """Rare codes are trusted only in a document that shows code damage elsewhere: in clean
    text a "/" or "S" next to Thai once or twice is punctuation or a Latin letter."""
    uses = Counter(s.code for s in find_spots(lines) if s.kind != "isolated")
    if any(uses[c] >= ESTABLISHED for c in mapping):
        return mapping
    ctx.learned["codes: too few uses"] = set(mapping)
    for code, thai in mapping.items():
        spot = next((s for s in find_spots(lines) if s.code == code), None)
        if spot is not None:
            ctx.report.flag(spot.line + 1, NAME, lines[spot.line].strip()[:60],
                            f"{code!r} could be {thai} ({uses[code]} uses) but the document shows no "
                            "other code damage: left as written")
    return {}


def apply(lines: list[str], ctx: State) -> list[str]:
    """Learn the map; decode glued and spaced codes (isolated ones wait for `isolated_codes`)."""
    mapping = _established(learn(lines, ctx), lines, ctx)
    ctx.report.code_map.update(mapping)
    counts: Counter = Counter()
    out = [decode_line(line, i, mapping, counts)
           for i, line in enumerate(lines)]
    for _ in range(LEARN_ROUNDS):  # a decoded mark can free a spot ("ตpก.": the dot after ต์ก)
        again = [decode_line(line, i, mapping, counts) if any(c in line for c in mapping) else line
                 for i, line in enumerate(out)]
        if again == out:
            break
        out = again
    for kind, n in counts.items():
        ctx.report.count(f"codes: {kind} code decoded", n)
    return out
