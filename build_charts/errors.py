"""Errors the pipeline raises: each names the file, line, field and reason."""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """A problem an author must fix; the message reads `file:line: field: reason`."""

    def __init__(self, path: Path | str | None, line: int | None, field: str | None, reason: str):
        self.path, self.line, self.field, self.reason = path, line, field, reason
        where = _short(path) if path is not None else ""
        if line is not None:
            where += f":{line}" if where else f"line {line}"
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}{field + ': ' if field else ''}{reason}")


class DataError(PipelineError):
    """A data or metadata file is broken."""


class ChartError(PipelineError):
    """A chart id is unknown, or a chart module failed to build."""


def _short(path: Path | str) -> str:
    """Show paths relative to the working directory when they are inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
