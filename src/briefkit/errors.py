"""briefkit's errors: each names the file and the reason.

>>> str(EmptyFileError("briefs/a.txt", "the file is empty"))
'briefs/a.txt: the file is empty'
"""

from __future__ import annotations

import os


class BriefkitError(Exception):
    """Base class: something about an input that briefkit cannot use."""

    def __init__(self, path: str | os.PathLike | None, reason: str):
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class MissingPathError(BriefkitError, FileNotFoundError):
    """The path does not exist."""


class UnreadableFileError(BriefkitError):
    """The path exists but cannot be read as a file: a folder, a pipe or device, a
    symbolic link loop, no permission."""


class EmptyFileError(BriefkitError):
    """The file is empty or holds only whitespace."""


class BinaryFileError(BriefkitError):
    """The file holds binary data, not text."""


class DecodeError(BriefkitError):
    """The bytes are not text in any encoding briefkit reads."""


class FileTooLargeError(BriefkitError):
    """The file is over the size limit (``max_bytes``)."""


class UnsupportedFormatError(BriefkitError):
    """The file's format is not one briefkit reads (or needs an optional extra)."""


class ParseError(BriefkitError):
    """The file is of a known format but its content is malformed."""


class NoBriefsError(BriefkitError):
    """A folder (or list of paths) in which not one file could be read as a brief."""


class DuplicateBriefError(BriefkitError):
    """The file's content is the same as a brief already loaded."""


class DataError(BriefkitError):
    """A reference table (gazetteer, lexicon, annotations) is malformed."""
