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
