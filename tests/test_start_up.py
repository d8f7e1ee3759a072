"""What a command's process imports before it has work for them: the process that runs
``analyze`` (ingest, hands out annotate's batches, saves their results, the corpus stages) loads
no language model library; spaCy is imported where articles are parsed (annotate's workers, or
this process when it annotates itself)."""

import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc")


@pytest.mark.parametrize("module", ["crossbearing.analysis", "crossbearing.annotate.run",
                                    "crossbearing.annotate.results", "crossbearing.corpus.run"])
def test_the_stages_modules_import_no_language_model_library(module):
    script = (f"import sys, {module}\n"
              f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == ""


@pytest.mark.slow  # a process of its own
def test_the_annotators_still_import_it_where_they_parse():
    script = ("import sys, crossbearing.annotate.stage\n"
              "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "True"
