"""Language identification with py3langid (the langid.py model, shipped in the package)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Characters of text given to the identifier: enough for a confident answer, bounded cost.
SAMPLE_CHARS = 800
#: Below this probability the identifier's answer yields to a language the document declares.
MIN_CONFIDENCE = 0.80
#: The language the analysis pipeline reads.
ANALYSED_LANGUAGE = "en"


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str, declared: str | None = None) -> tuple[str | None, float | None]:
    """The language of ``text`` as an ISO 639-1 code with its probability.

    A declared language (``<html lang>``, a feed's or a dump's field) is used only when the text is
    too short or too mixed for a confident identification."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return (declared.lower()[:2] if declared else None), None
    language, probability = _identifier().classify(sample)
    if probability < MIN_CONFIDENCE and declared:
        return declared.lower()[:2], round(float(probability), 4)
    return language, round(float(probability), 4)
