"""Character-level repair of PDF-extracted Thai text: one chain of named rules over one State.

    from typeset.repair import repair
    result = repair(raw_text)          # -> RepairResult
    result.lines    # list[str], SAME length as raw_text.splitlines(): line i repairs raw line i
    result.text     # "\\n".join(result.lines)
    result.report   # RepairReport: .counts, .decisions (what was decided for this document),
                    # .code_map, .digit_map, .uncertain (Notices), .coverage_before/_after, .to_markdown()

Only characters are repaired here: lines are never joined or split, so raw line numbers survive.
repair(text, skip=("spaces",)) leaves rules out; naming a rule the chain does not have is an
error. Each rule learns the document's damage from the document before it changes anything:

    pua        private-use shifted marks (U+F700-U+F71A) by the Thai PUA table, checked
    normalize  NFC, broken sara am (ํา, าํ) -> ำ, marks in typing order, no space before a mark,
               mathematical letters (𝑘, 𝑌) as the letters they are
    codes      the document's code -> Thai mark map (a substitution cipher scored by the
               dictionary), decoded, dropping the stray space some codes carry
    isolated_codes  a learned code alone after a Thai word ("ดังนี i"), decoded where it gains
    punct_codes  punctuation used as a mark code at one spot ("เปลี.ยน"), decided spot by spot
    vowels_clear  sara aa / sara am extracted one for the other, where the case is clear already
    letter_spaced  letter-spaced runs of justified lines joined (as the spaces rule would)
    shifted    marks carried one or two letters right past spaces inside a word ("ผใู ้ ช้")
    displaced  marks drawn one cell too far right moved back where the dictionary agrees
    legality   ั / ็ ending a run after a bare consonant ("คงั" = คัง): moved back by spelling rule
    vowels     sara aa / sara am extracted one for the other (either way, decided per document;
               again as vowels_joined after the spaces rule, with the same decision)
    dropped    tone marks / ์ the text layer lost, restored where the document shows that damage
    digits     private digit codes (¥¦ -> 20) and coded heading/chapter numbers from context
    spaces     spurious spaces inside words (typeset.repair.spaces)

Thai is never NFKC-normalised (it decomposes ำ).
"""
from __future__ import annotations

from . import (codes, digits, displaced, dropped, isolated_codes, legality, normalize, pua, shifted,
               punct_codes, spaces, vowels)
from .chain import Chain, UnknownRule
from .report import RepairReport, RepairResult
from .state import State

__all__ = ["repair", "chain", "RepairResult", "RepairReport", "State", "Chain",
           "UnknownRule", "RULES"]


def _spaces(lines: list[str], state: State) -> list[str]:
    # Clean Thai never has a space before a mark or a following vowel; a document whose raw text
    # has none, and no letter-spaced runs, has no spurious spaces to find: leave its spaces alone.
    if not spaces.space_damage(state.raw):
        return lines
    new, changes = spaces.remove_spurious_spaces(lines)
    for ch in changes:
        if ch.applied:
            state.report.count("spaces: space inside a word removed")
        if ch.unsure:
            verb = "removed" if ch.applied else "kept"
            state.report.flag(ch.line, "spaces", f"{ch.left} {ch.right}",
                              f"space {verb}, unsure ({ch.reason})")
    return list(new)


RULES = [
    ("pua", pua.apply),
    ("normalize", normalize.apply),
    ("codes", codes.apply),
    ("isolated_codes", isolated_codes.apply),
    ("punct_codes", punct_codes.apply),
    ("normalize_codes", normalize.apply),       # decoded marks in typing order
    ("vowels_clear", vowels.apply_clear),     # clear cases before the mark rules read the text
    ("letter_spaced", spaces.join_letter_spaced),
    ("shifted", shifted.apply),
    ("displaced", displaced.apply),
    ("normalize_moved", normalize.apply),       # moved marks in typing order
    ("legality", legality.apply),
    ("vowels", vowels.apply),
    ("dropped", dropped.apply),
    ("digits", digits.apply),
    ("spaces", _spaces),
    ("vowels_joined", vowels.apply),           # words the spaces rule joined, same decision
]


def chain() -> Chain:
    """A fresh chain of the repair rules (callers may add rules to their copy)."""
    return Chain(RULES)


def repair(text: str, skip: tuple[str, ...] = ()) -> RepairResult:
    """Repair raw text line by line; `skip` names rules to leave out (e.g. ("spaces",))."""
    lines = text.splitlines()
    state = State(list(lines), raw=list(lines))
    state.report.coverage_before = state.lexicon.coverage(lines)
    chain().run(state, skip)
    state.report.coverage_after = state.lexicon.coverage(state.lines)
    return RepairResult(lines=state.lines, report=state.report)
