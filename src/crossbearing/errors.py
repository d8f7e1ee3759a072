"""Every exception Crossbearing raises on purpose, in one tree.

``CrossbearingError``
 ├── ``UsageError``     a bad argument, path or setting (CLI exit status 2)
 ├── ``StoreError``     the database cannot be opened, migrated or written
 ├── ``ExecutorError``  a batch of an article stage could not be computed (workers kept dying)
 │    └── ``NotFound``  no record with that id
 └── ``InputError``     one input cannot become an article (recorded as a rejection; never raised
      │                 out of a batch)
      ├── ``DecodeError`` no encoding gives readable text
      └── ``FormatError`` the bytes are not what they claim to be (corrupt, truncated)
           ├── ``EmptyInput``   nothing but white space
           └── ``BinaryInput``  an image, archive, executable or other non-text file
"""

from __future__ import annotations


class CrossbearingError(Exception):
    """Base of every error Crossbearing raises on purpose."""


class UsageError(CrossbearingError):
    """A bad argument, path or setting."""


class StoreError(CrossbearingError):
    """The database cannot be opened, migrated or written."""


class NotFound(StoreError):
    """No record matches the id asked for."""


class InputError(CrossbearingError):
    """One input cannot become an article. ``reason`` is a short stable code for the rejection."""

    reason = "unreadable"


class DecodeError(InputError):
    reason = "undecodable"


class FormatError(InputError):
    reason = "corrupt"


class EmptyInput(FormatError):
    reason = "empty"


class BinaryInput(FormatError):
    reason = "binary"


class ExecutorError(CrossbearingError):
    """A batch could not be computed: the workers it was given to kept dying. ``batch`` is the
    batch given up, so that the caller can record what it held as failed and go on."""

    def __init__(self, message: str, *, batch: object = None) -> None:
        super().__init__(message)
        self.batch = batch
