"""Multi-outlet corpora of any size: stories reported many times over, as a collection of news
from many outlets is.

Built on ``corpus.py`` (its stories, outlets and page layout), but where ``corpus.generate_pages``
repeats only about 2% of stories, here each story is reported by many outlets: story sizes are
log-normal around ``per_story`` reports (default 20; the largest stories have several hundred).
Each report after the first is one of

- a **wire copy** (30%): the same text on another outlet, under that outlet's own page;
- a **reprint** (10%): the same text and headline a day or two later;
- a **rewrite** (60%): the story edited (a paragraph dropped, added or reworded), with a new
  headline and author, and with some of its counts changed (outlets disagree on tolls: "12
  people" here, "14 people" there).

Every story has a central figure whose name each outlet spells its own way, consistently
(Mohammed / Muhammad / Mohamed al-Saadi / al-Sa'idi / Al Saadi...): the transliteration variants
name matching has to see through. Wire copies and reprints keep the spelling of the text they copy.
All names are invented. Reports of a story are interleaved with those of the stories around it.

Usage: ``python benchmarks/corpus.py OUT_DIR --n 10000 --stories`` or
``generate_story_pages(n, seed, per_story)``, which yields ``(file name, html)`` pairs.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from dataclasses import replace
from typing import Iterator

from corpus import (
    DATE_MODES,
    OUTLETS,
    START,
    Outlet,
    Story,
    _slug,
    _target_size,
    make_story,
    near_copy,
    render_page,
)

#: Spellings of the central figures' names, one list per name part.
FIRST_VARIANTS = [("Mohammed", "Muhammad", "Mohamed", "Mohammad"), ("Hussein", "Husayn", "Hussain"),
                  ("Qais", "Qays", "Kais"), ("Yusuf", "Youssef", "Yousef"),
                  ("Abdulrahman", "Abdul Rahman", "Abd al-Rahman"), ("Oleksandr", "Alexander",
                  "Olexandr"), ("Dmytro", "Dmitry", "Dmitri"), ("Khaled", "Khalid", "Chaled")]
LAST_VARIANTS = [("al-Saadi", "al-Sa'idi", "Al Saadi"), ("Zaidan", "Zeidan", "Zaydan"),
                 ("al-Hamdani", "Al-Hamadani", "Hamdani"), ("Kovalenko", "Kowalenko", "Kovalenco"),
                 ("Nasrallah", "Nasrullah", "Nasr Allah"), ("al-Tamimi", "Al Tamimi", "Tamimi"),
                 ("Shevchuk", "Schewtschuk", "Chevtchouk"), ("Haddad", "Hadad", "al-Haddad")]
ROLES = ["a spokesman for the interior ministry", "the provincial governor",
         "a commander of the local militia", "the head of the civil defence agency",
         "an adviser to the prime minister"]
FIGURE_LINES = [
    "{name}, {role}, said the authorities were still counting the victims.",
    "{name}, {role}, told reporters that more details would follow.",
    "\"We are doing everything we can,\" said {name}, {role}.",
]
FIGURE_LATER = ["{surname} declined to say who was responsible.",
                "{surname} added that the investigation would take weeks.",
                "According to {surname}, the area had been sealed off."]
#: Shares of the reports after a story's first.
KINDS = (("wire", 0.3), ("reprint", 0.1), ("rewrite", 0.6))
#: Stories whose reports are interleaved at any one time.
INTERLEAVE = 8
_COUNT = re.compile(r"(?<![\d.,])\b(\d{1,3})(?= (?:people|families|homes|schools|officers|"
                    r"civilians|soldiers|fighters|children|patients|residents|workers))")


class Figure:
    """A story's central figure: one name, spelled by each outlet in its own way."""

    def __init__(self, rng: random.Random):
        self.first = rng.choice(FIRST_VARIANTS)
        self.last = rng.choice(LAST_VARIANTS)
        self.role = rng.choice(ROLES)

    def spelled(self, outlet: Outlet) -> tuple[str, str]:
        """The full name and surname as ``outlet`` writes them (stable per outlet)."""
        key = sum(map(ord, outlet.domain))
        last = self.last[key % len(self.last)]
        return f"{self.first[(key // 7) % len(self.first)]} {last}", last


def _with_figure(rng: random.Random, story: Story, figure: Figure, outlet: Outlet) -> Story:
    name, surname = figure.spelled(outlet)
    paragraphs = list(story.paragraphs)
    line = rng.choice(FIGURE_LINES).format(name=name, role=figure.role)
    paragraphs.insert(1, line + " " + rng.choice(FIGURE_LATER).format(surname=surname))
    return replace(story, paragraphs=paragraphs)


def _other_counts(rng: random.Random, story: Story) -> Story:
    """The story with some of its counts changed, as a second outlet's figures would be."""
    def change(match: re.Match) -> str:
        value = int(match.group(1))
        if rng.random() < 0.5:
            return match.group(1)
        return str(max(1, value + rng.choice([-3, -2, -1, 1, 2, 4])))
    return replace(story, paragraphs=[_COUNT.sub(change, p) for p in story.paragraphs])


def _report(rng: random.Random, kind: str, first: Story, figure: Figure,
            outlet: Outlet) -> Story:
    """One more report of the story whose first report is ``first``."""
    if kind == "wire":
        return first
    if kind == "reprint":
        return replace(first, published=first.published + dt.timedelta(hours=rng.randint(20, 60)))
    rewrite = near_copy(rng, replace(first, paragraphs=first.paragraphs[:1] + first.paragraphs[2:]))
    return _other_counts(rng, _with_figure(rng, rewrite, figure, outlet))


def _reports(rng: random.Random, per_story: int) -> Iterator[tuple[Story, Outlet]]:
    """Every report of one story, the first one first."""
    size = max(1, round(rng.lognormvariate(math.log(per_story) - 0.5, 1.0)))
    figure = Figure(rng)
    outlet = rng.choice(OUTLETS)
    first = _with_figure(rng, make_story(rng, START), figure, outlet)
    yield first, outlet
    kinds, weights = zip(*KINDS)
    for _ in range(size - 1):
        outlet = rng.choice(OUTLETS)
        yield _report(rng, rng.choices(kinds, weights)[0], first, figure, outlet), outlet


def generate_story_pages(n: int, seed: int, per_story: int = 20) -> Iterator[tuple[str, str]]:
    """``n`` pages of stories reported by many outlets, the same for the same seed."""
    rng = random.Random(seed)
    modes, weights = zip(*DATE_MODES)
    active: list[Iterator[tuple[Story, Outlet]]] = []
    for index in range(n):
        while len(active) < INTERLEAVE:
            active.append(_reports(rng, per_story))
        pick = rng.randrange(len(active))
        report = next(active[pick], None)
        while report is None:
            active[pick] = _reports(rng, per_story)
            report = next(active[pick])
        story, outlet = report
        html = render_page(rng, outlet, story, rng.choices(modes, weights)[0], _target_size(rng))
        yield f"{index:06d}-{_slug(outlet.name, 20)}-{_slug(story.headline, 50)}.html", html
