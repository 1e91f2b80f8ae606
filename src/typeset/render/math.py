"""$…$ and $$…$$ -> LaTeX math (unicode-math), with the student's TeX treated as data.

Math is the one place where what the student writes is TeX, so it is checked, not trusted:
every command must be a math command (the unicode-math symbol table plus the structural
commands below); no \\def, \\input, \\write, \\catcode, ^^ escapes, environments other than the
math ones, or unbalanced braces that would swallow the text after the formula. `%` and `#` are
escaped (a percent sign, not a comment). Thai outside \\text{…} is put inside it, so it is set
in the Thai text font (the math font has no Thai); the argument of \\text{…} is escaped as text.
"""
from __future__ import annotations

import re
import subprocess
from functools import lru_cache
from pathlib import Path

from typeset.errors import UserError

# commands that take a text-mode argument: its content is escaped like body text
TEXT_COMMANDS = {"text", "textrm", "textbf", "textit", "textsf", "texttt", "textup", "mbox"}
ENVIRONMENTS = {"aligned", "alignedat", "gathered", "split", "cases", "matrix", "pmatrix",
                "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array", "subarray"}
# amsmath/LaTeX math commands that are not symbols in unicode-math's table
STRUCTURE = set("""
frac dfrac tfrac cfrac binom dbinom tbinom genfrac sqrt root of left right middle big Big bigg Bigg
bigl bigr Bigl Bigr biggl biggr Biggl Biggr bigm Bigm begin end
sum prod int iint iiint oint lim limsup liminf sup inf max min arg det dim exp gcd hom ker lg ln log
Pr sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan deg mod bmod pmod pod
operatorname mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak mathscr mathnormal boldsymbol
symrm symbf symit symsf symtt symcal symbb symfrak symscr symup symbfit
mathup mathbfit displaystyle textstyle scriptstyle scriptscriptstyle
overline underline overbrace underbrace overset underset stackrel widehat widetilde
overrightarrow overleftarrow xrightarrow xleftarrow hat bar vec tilde dot ddot acute grave breve
check mathring not
quad qquad enspace thinspace medspace thickspace negthinspace hspace phantom hphantom vphantom
cdot cdots ldots dots dotsb dotsc dotsi dotsm dotso vdots ddots colon
limits nolimits substack
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi
varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi
Pi Sigma Upsilon Phi Psi Omega
infty partial nabla pm mp times div leq geq neq approx equiv sim propto in notin subset supset
cup cap forall exists to rightarrow leftarrow Rightarrow Leftarrow iff implies le ge ne ell
""".split())
# control symbols with a meaning in math; \( \) \[ \] would end the formula early
SYMBOLS = set(",;:!> \n\\{}|%#&$_")
TOKEN = re.compile(r"\\([A-Za-z]+)|\\(.)|([{}])|(\^\^)|([%#$])|(&)|([\u0e00-\u0e7f][\u0e00-\u0e7f ]*)|(.)", re.S)


@lru_cache(maxsize=1)
def allowed() -> frozenset:
    """Command names allowed in math: the structural ones and unicode-math's symbol table."""
    names = set(STRUCTURE) | TEXT_COMMANDS
    table = _unicode_math_table()
    if table:
        names.update(re.findall(r"\\UnicodeMathSymbol\{[^}]*\}\{\\([A-Za-z]+)", table))
    return frozenset(names)


def _unicode_math_table() -> str:
    try:
        path = subprocess.run(["kpsewhich", "unicode-math-table.tex"], capture_output=True,
                              text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return Path(path).read_text(encoding="utf-8", errors="replace") if path else ""


def math_tex(tex: str, where: str, text) -> str:
    """Checked LaTeX for one formula. `text` escapes text-mode content (the render Escaper)."""
    out: list[str] = []
    depth, envs = 0, []
    text_at: list[int] = []          # brace depths at which a \text{…} argument is open
    pending_text = False
    buf = ""                         # text collected inside \text{…}
    # a blank line would end the formula's paragraph (TeX: "Missing $ inserted")
    tex = re.sub(r"\n\s*\n", "\n", tex.strip())
    if "^^" in tex:   # TeX reads ^^5c as a backslash: a way to spell any command
        raise UserError("'^^' character codes are not allowed in a formula", where)
    for m in TOKEN.finditer(tex):
        word, sym, brace, hats, special, amp, thai, other = m.groups()
        if text_at:                  # inside \text{…}: collect until its closing brace
            if brace == "}" and depth == text_at[-1]:
                out.append(text(buf) + "}")
                buf, depth = "", depth - 1
                text_at.pop()
                continue
            if brace or word or sym or hats:
                raise UserError(f"only plain text may go inside \\text{{…}} in math, not '{m.group(0)}'",
                                where)
            buf += m.group(0)
            continue
        if pending_text and not (brace == "{" or (other and other.isspace())):
            raise UserError("\\text needs its text in braces: \\text{…}", where)
        if word is not None:
            if word not in allowed():
                raise UserError(f"'\\{word}' is not allowed in a formula (math may use math "
                                "commands only; text goes in \\text{…})", where)
            if word in ("begin", "end"):
                env = re.match(r"\s*\{([A-Za-z*]+)\}", tex[m.end():])
                if not env or env.group(1) not in ENVIRONMENTS:
                    raise UserError(f"\\{word} in a formula takes one of: "
                                    f"{', '.join(sorted(ENVIRONMENTS))}", where)
                if word == "begin":
                    envs.append(env.group(1))
                elif not envs or envs.pop() != env.group(1):
                    raise UserError(f"\\end{{{env.group(1)}}} without its \\begin", where)
            out.append("\\" + word)
            pending_text = word in TEXT_COMMANDS
        elif sym is not None:
            if sym not in SYMBOLS:
                raise UserError(f"'\\{sym}' is not allowed in a formula", where)
            out.append("\\" + sym)
        elif brace == "{":
            depth += 1
            out.append("{")
            if pending_text:
                text_at.append(depth)
                pending_text = False
        elif brace == "}":
            if depth == 0:
                raise UserError("a '}' in the formula has no '{' before it", where)
            depth -= 1
            out.append("}")
        elif hats:
            raise UserError("'^^' character codes are not allowed in a formula", where)
        elif special:
            out.append("\\" + special)
        elif amp:
            if not envs:
                raise UserError("'&' in a formula only inside \\begin{aligned} … \\end{aligned} "
                                "(or cases, matrix)", where)
            out.append("&")
        elif thai:
            # Thai is text: the math font has none; trailing spaces stay math spaces
            core = thai.rstrip(" ")
            out.append("\\text{" + text(core) + "}" + thai[len(core):])
        else:
            out.append(other)
    if depth or text_at:
        raise UserError("a '{' in the formula is never closed", where)
    if envs:
        raise UserError(f"\\begin{{{envs[-1]}}} in the formula is never ended", where)
    if pending_text:
        raise UserError("\\text needs its text in braces: \\text{…}", where)
    return "".join(out)
