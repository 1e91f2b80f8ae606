"""The one error type users see: a one-line message, exit code 2."""


class UserError(Exception):
    """Bad input, a missing tool or a failed build: printed as one line, exit code 2.

    `where` is an optional "file:line" prefix so editors can jump to the spot.
    """

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def shown(message: str, folder) -> str:
    """A message that starts with a path inside the thesis folder ("chapters/02-x.md:23: …"),
    with the path as the user can open it from where they ran the command ("bad/chapters/…")."""
    import re
    from pathlib import Path

    m = re.match(r"([^\s:][^:\n]*?)(:\d+)?: ", message)
    folder = Path(folder)
    if not m or str(folder) in ("", "."):
        return message
    file = m.group(1)
    if Path(file).is_absolute() or Path(file).parts[:len(folder.parts)] == folder.parts:
        return message   # already named from where the user is (bad/thesis.yaml:4)
    if not (folder / file).exists():
        return message
    return f"{folder / file}{message[m.end(1):]}"
