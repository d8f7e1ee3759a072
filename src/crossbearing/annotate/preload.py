"""Imported once by the forkserver the annotate stage's process pool starts its workers from
(``executors.ProcessExecutor``): the stage's modules are imported and the bundled pipeline built
there, so that every worker, a fork of it, starts with them instead of importing spaCy and
building the pipeline itself (about 1.5 s of CPU a worker). It opens no file or database the
workers would then share.
"""

from __future__ import annotations

import logging

try:
    from crossbearing.annotate import stage  # noqa: F401  (what a worker runs)
    from crossbearing.annotate.nlp import pipeline

    pipeline()
except Exception:  # no model installed, say: each worker meets the error again and reports it
    logging.getLogger(__name__).debug("the pipeline was not built ahead", exc_info=True)
