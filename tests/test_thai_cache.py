"""Speed-ups of the Thai segmenter decide exactly what the plain computation decides.

- the lexicon (our words over PyThaiNLP's, prefixes from a set of word prefixes) finds the
  same prefixes as one PyThaiNLP trie of both;
- the pruned search for a name's Latin pairing picks what trying every candidate picks;
- the persistent cache gives back what segmenting gives, is ignored when corrupt, and a
  result is not reused when a word that occurs in the text is added.
"""
from __future__ import annotations

import random
import shutil
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from typeset.render import thai
from typeset.render.segcache import SegmentCache
from typeset.render.thai import Segmenter, learn_words
from typeset.thai import names, words

MINI = Path(__file__).parent / "fixtures" / "render" / "mini"
DOC = [
    "ต่อมาในสมัยของบอริส เยลต์ซิล (Boris Yeltsin) ได้มีท่าทีที่เปลี่ยนไป",
    "ประธานาธิบดีวลาดิมีร์ ปูติน (Vladimir Putin) กล่าวว่าการเจรจาของรัสเซียยังคงดำเนินต่อไป",
    "ปฏิบัติการทางทหารพิเศษ (Special Military Operation) ต่อเนื่อง",
    "ท่านผู้นำจองอึนกล่าวว่า", "จากนั้นจองอึนเดินทาง", "แต่จองอึนไม่ตอบ",
]


def test_lexicon_has_the_prefixes_of_one_trie_of_all_words():
    from pythainlp.util import Trie

    extra = {"วลาดิมีร์", "ปูติน", "จองอึน", "กา", "การเจรจาของรัส"}
    plain = Trie(words.base_words() | extra)
    layered = words.word_list({"วลาดิมีร์", "ปูติน"})
    layered.add("จองอึน")
    layered.add("กา")
    layered.add("การเจรจาของรัส")
    for text in DOC:
        for i in range(len(text)):
            assert layered.prefixes(text, i) == plain.prefixes(text, i), (text, i)
    assert "จองอึน" in layered and "การ" in layered and "จองอึนx" not in layered
    assert len(layered) == len(plain)


def test_romanized_length_lower_bound_holds_on_dictionary_words():
    from pythainlp.transliterate import romanize

    known = sorted(words.base_words())[::97]
    rng = random.Random(3)
    known += ["".join(rng.sample(known, 3)) for _ in range(100)]
    for w in known:
        assert names.min_romanized(w) <= len(romanize(w)), w
    assert names.min_romanized("กรุงเทพ") == 4          # ก ง ท พ; ร not counted
    assert names.min_romanized("จันทร์") == 2             # ท ร silenced by ์


def _exhaustive(thai_text: str, latin: str, known: set[str]) -> set[str]:
    """_paired_names without pruning: every candidate romanized, the first best kept."""
    import re

    from pythainlp.tokenize import tcc
    from pythainlp.transliterate import romanize

    latin_words = [w.lower() for w in re.split(r"[ \-]", latin) if w]
    chunks = thai_text.split()
    out: set[str] = set()
    if len(latin_words) > len(chunks):
        return out
    for lat, chunk in zip(reversed(latin_words), reversed(chunks)):
        cuts = tcc.segment(chunk)
        best, score = "", 0.0
        for i in range(len(cuts)):
            cand, prefix = "".join(cuts[i:]), "".join(cuts[:i])
            if names.letters(cand) < 2 or (prefix and not names.all_known(prefix, known)):
                continue
            s = SequenceMatcher(None, romanize(cand), lat).ratio()
            if s > score:
                best, score = cand, s
        if score < names.NAME_MATCH:
            return out
        if best not in known:
            out.add(best)
    return out


def test_pruned_name_pairing_decides_as_trying_every_candidate():
    known = set(words.base_words())
    seen = 0
    for text in DOC + ["ผู้นำสหภาพโซเวียตคนสุดท้ายมีฮาอิล กอร์บาชอฟ (Mikhail Gorbachev) ลาออก",
                       "รัฐมนตรีต่างประเทศของรัสเซียเซอร์เกย์ ลาฟรอฟ (Sergey Lavrov) เดินทางไปจีน"]:
        for m in names.PAIRED.finditer(text):
            seen += 1
            assert names.paired_names(m.group(1), m.group(2), known) == _exhaustive(
                m.group(1), m.group(2), known), m.group(0)
    assert seen >= 4


def test_cached_results_are_the_computed_ones_and_are_reused(tmp_path, monkeypatch):
    file = tmp_path / "cache.json"
    texts = DOC + ["วันนี้จองอึนมาถึงกรุงมอสโก", "สมัยของบอริสมีการเปลี่ยนแปลง"]
    fresh = Segmenter(document=DOC)
    cache = SegmentCache(file)
    first = Segmenter(document=DOC, cache=cache)
    assert first.learned == fresh.learned == learn_words(DOC)
    assert [first.split(t) for t in texts] == [fresh.split(t) for t in texts]
    cache.save()
    assert file.is_file()

    # a second build reads everything back: no learning, no segmenting
    def boom(*a, **k):
        raise AssertionError("recomputed a cached result")

    monkeypatch.setattr(thai, "learn_words", boom)
    monkeypatch.setattr(Segmenter, "_split", boom)
    again = Segmenter(document=DOC, cache=SegmentCache(file))
    assert again.learned == fresh.learned
    assert [again.split(t) for t in texts] == [fresh.split(t) for t in texts]


def test_a_word_added_to_the_text_s_vocabulary_is_not_answered_from_the_cache(tmp_path):
    file = tmp_path / "cache.json"
    text = "การเดินทางของวลาดิมีร์ไปยังกรุงมอสโก"
    cache = SegmentCache(file)
    Segmenter(cache=cache).split(text)
    cache.save()
    with_word = Segmenter(["ทางของวลา"], cache=SegmentCache(file)).split(text)
    assert with_word == Segmenter(["ทางของวลา"]).split(text)
    assert any("ทางของวลา" in c for c in with_word)


@pytest.mark.parametrize("junk", [b"", b"{not json", b'{"salt": "other", "data": {}}', b"[1, 2]",
                                  b'{"salt": null, "data": 5}', b"\xff\xfe"])
def test_a_corrupt_cache_file_is_ignored(tmp_path, junk):
    file = tmp_path / "cache.json"
    file.write_bytes(junk)
    cache = SegmentCache(file)
    seg = Segmenter(document=DOC, cache=cache)
    assert seg.split(DOC[1]) == Segmenter(document=DOC).split(DOC[1])
    cache.save()
    assert SegmentCache(file).data   # rewritten whole


def test_rebuild_from_the_cache_writes_the_same_tex(tmp_path):
    src = Path(shutil.copytree(MINI, tmp_path / "mini"))
    out = tmp_path / "out"

    def build():
        proc = subprocess.run([sys.executable, "-m", "typeset.cli", "build", str(src), "-o", str(out),
                               "--tex-only"], capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        return {p.name: p.read_bytes() for p in sorted((out / "tex").glob("*.tex"))}

    first = build()
    cache = out / ".typeset-cache" / "thai-segments.json"
    assert cache.is_file()
    shutil.rmtree(out / "tex")
    assert build() == first
    cache.write_text("{broken", encoding="utf-8")
    shutil.rmtree(out / "tex")
    assert build() == first
    assert cache.read_text(encoding="utf-8").startswith("{\"salt\"")


def test_paired_matches_are_the_regex_matches():
    rng = random.Random(11)
    alphabet = ["ก", "า", "บอริส", " ", " ", "\u00a0", "(", ")", "Boris", "b", ",", "-", "'", "1", "."]
    texts = DOC + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts.append("คำไทยยาวต่อเนื่อง " * 300 + "เยลต์ซิน (Yeltsin) และ (x")
    sig = lambda m: (m.span(), m.groups())  # noqa: E731
    found = 0
    for t in texts:
        want = [sig(m) for m in names.PAIRED.finditer(t)]
        assert [sig(m) for m in names.paired_matches(t)] == want, t
        found += len(want)
    assert found > 40          # the generated strings hold pairings to find


def test_words_in_finds_what_testing_each_word_finds():
    words_list = sorted(words.base_words())
    rng = random.Random(2)
    for k in (5, 40, 500):                      # an `in` test each, then a prefix walk
        some = set(rng.sample(words_list, k)) | {"จองอึน"}
        stems = words.prefixes_of(some)
        for _ in range(200):
            text = "".join(rng.sample(words_list, 20)) + rng.choice(["จองอึน", ""])
            assert sorted(words.words_in(text, some, stems)) == sorted(w for w in some if w in text)
