"""The one fatal error type: a usage, config, rule or consent-register problem."""

from __future__ import annotations


class DsgvoCheckError(Exception):
    """A problem in what the user configured; the CLI prints it as one line and exits 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        return f"{where}: {self.message}" if where else self.message
