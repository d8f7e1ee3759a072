"""Keeping a failure to what caused it: one article, one story, one corpus step, one section.

A stage that works over many things runs each one's work through :func:`isolated`: an exception
the work raises becomes a :class:`~crossbearing.model.Failure` (logged with its traceback, which
``crossbearing -v`` shows) and the stage goes on with the next. Errors that no input causes stop
the run instead (:func:`is_fatal`): the database refusing a write, a full disk, memory running
out, an interrupt. Those are not a fault of the article at hand, and going on would only fail the
same way everywhere after it.
"""

from __future__ import annotations

import logging
from typing import Callable, TypeVar

from crossbearing.errors import StoreError
from crossbearing.model import Failure

log = logging.getLogger(__name__)

T = TypeVar("T")


def is_fatal(error: BaseException, driver_error: type[BaseException] | tuple = ()) -> bool:
    """Whether ``error`` means the run itself cannot go on (``driver_error``: the database
    driver's base exception class)."""
    if not isinstance(error, Exception):  # an interrupt, an exit
        return True
    return isinstance(error, (StoreError, OSError, MemoryError)) or isinstance(error, driver_error)


def isolated(work: Callable[[], T], failures: list[Failure], *, stage: str, target: str,
             target_kind: str, version: str,
             driver_error: type[BaseException] | tuple = ()) -> T | None:
    """``work()``; if it raises an error of its own, the failure is appended to ``failures`` and
    None returned. Fatal errors (:func:`is_fatal`) propagate."""
    try:
        return work()
    except Exception as error:
        if is_fatal(error, driver_error):
            raise
        log.info("%s failed on %s %s", stage, target_kind, target or "(all)", exc_info=True)
        failures.append(Failure.of(stage, target, target_kind, version, error))
        return None
