"""The words that tell the police: a title before a person's name ("Officer Betty Shelby",
"Tulsa police officer Betty Shelby", "Trooper Ray Lee") and the police as a participant's head
noun ("a police officer", "state troopers", "sheriff's deputies"). The annotate stage keeps a
person's title in the event argument's text; the ACLED export reads that text as the police.
One list for both, with no heavy import (the export runs without the parser).
"""

from __future__ import annotations

import re

#: A police title before a name.
TITLE = (r"(?:\b[Pp]olice\s+(?:officer|sergeant|detective|lieutenant|captain|chief)"
         r"|\b(?:Officer|Patrolman|Patrolwoman|Trooper|Sheriff|Constable|Detective"
         r"|[Pp]olicem[ae]n|[Pp]olicewom[ae]n))")
#: A title right before where a name begins (searched in the text before the name).
TITLE_BEFORE_NAME = re.compile(TITLE + r"\s+$")
#: A text that holds a title and a name after it ("Officer Betty Shelby").
TITLE_AND_NAME = re.compile(TITLE + r"\s+[A-Z]")
#: A capitalised word right before "Officer" or "Detective" makes it another office's ("Petty
#: Officer", "Chief Executive Officer", "Probation Officer", "Private Detective"); "Tulsa police
#: officer" is written with "police", and "Arizona Sheriff Joe Arpaio" is a sheriff.
_OTHER_OFFICE = re.compile(r"\b[A-Z][\w.]*\s+$")
_SHARED_TITLES = ("Officer", "Detective")
#: The police as the head noun of a participant's text.
HEAD_NOUN = re.compile(r"\b(?:police(?:\s+(?:officers?|forces?|department|sergeants?|"
                       r"detectives?))?|policem[ae]n|policewom[ae]n|(?:state\s+)?troopers?|"
                       r"sheriff'?s?\s+deput(?:y|ies)|constables?|patrolm[ae]n)$", re.IGNORECASE)


def title_start(text: str, name_start: int) -> int | None:
    """Where the police title right before a name at ``name_start`` begins, or None."""
    found = TITLE_BEFORE_NAME.search(text, max(0, name_start - 40), name_start)
    if found is None or _another_office(text, found.start()):
        return None
    return found.start()


def written_as_police(text: str) -> bool:
    """Whether a participant's text names the police: a titled name or the police as its head
    (not the military police, which ACLED codes as the military)."""
    if "military" in text.lower():
        return False
    title = TITLE_AND_NAME.search(text)
    return bool(HEAD_NOUN.search(text) or title and not _another_office(text, title.start()))


def _another_office(text: str, start: int) -> bool:
    return text.startswith(_SHARED_TITLES, start) and bool(
        _OTHER_OFFICE.search(text, max(0, start - 30), start))
