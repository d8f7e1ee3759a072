"""Speed and memory of story clustering on a generated stream of 100,000 articles.

A small deterministic generator (inside this file, no real text) writes a news stream: one
story per 50 articles (2,000 stories for 100,000 articles, 2.7 new stories a day over two
years) with log-normal sizes (for 100,000: median 31 articles, 10% over 113, the largest
1,146), each reported by many outlets in different words from word lists, and repeated as
news is: wire copies (same text, another outlet and headline), reprints (same text and
headline, a day or two later) and near-copies (a few sentences dropped, replaced or reworded).
Stories of a topic share its vocabulary and a pool of prominent people, so names alone do not
tell stories apart; about 5% of articles are undated. Texts are about 300 words.

Features come from tokens only: spaCy is skipped here (the real pipeline computes lemmas and
mentions once, in the annotation stage, and those costs are measured by
``annotate_throughput.py``). Mentions of the people and organisations the generator wrote are
given as the annotation stage would give them, so actor overlap is exercised.

Timed separately, per corpus size (10,000, 50,000 and 100,000 articles by default, each in a
fresh process so that peak memory is its own):
- features: tokenising and counting every article (no spaCy);
- duplicates: MinHash signatures of every text and an incremental LSH index queried chunk by
  chunk (``crossbearing.corpus.duplicates``), as ``crossbearing corpus`` does for new articles;
- stories: ``StoryClusterer.count`` over all features, then ``add`` in canonical order and
  ``refine`` and ``consolidate`` (what ``cluster`` does: the corpus stage's clustering, without
  the store);
and printed: articles per second, peak resident memory (``ru_maxrss``), and the quality against
the generator's stories (pairwise and B-cubed F1, from the contingency table).

Usage: .venv/bin/python benchmarks/stories_scale.py [--sizes 10000 50000 100000] [--seed 1]
       [--per-story 50]   (e.g. 5 for a stream of many small stories: 20,000 per 100k)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import Iterator

from crossbearing.corpus.duplicates import DuplicateIndex, find_duplicates, signature
from crossbearing.corpus.stories import StoryClusterer, canonical_order, features
from crossbearing.ids import normalise_text, sha256_hex
from crossbearing.model import Article, DateValue, Mention

ARTICLES_PER_STORY = 50
STORIES_PER_DAY = 2000 / 730
EPOCH = 738000  # a day ordinal (2021-07-30): the stream starts here

# --- word lists ----------------------------------------------------------------------------
FIRST = ("Amira Omar Layla Hassan Nadia Karim Yusuf Mariam Tariq Salma Daniel Sarah Michael Emily "
         "James Hannah Robert Claire Thomas Laura Olena Dmytro Iryna Piotr Sofia Luca Giulia "
         "Pierre Camille Isabel Javier Lucia Mateo Ana Joao Chinedu Ngozi Kwame Ama Wanjiru Thabo "
         "Aisha Ibrahim Arjun Priya Rahul Meera Kenji Yuki Wei Mei Anh Siti Mehmet Elif "
         "Reza").split()
LAST = ("Haddad Saleh Mansour Khalil Nasser Rahimi Aziz Barzani Hamdan Othman Jaber Darwish Yilmaz "
        "Demir Kaya Carter Whitfield Morrison Brennan Okafor Adeyemi Mensah Kamau Otieno Ndlovu "
        "Dlamini Kovalenko Bondarenko Nowak Kowalski Rossi Bianchi Moreau Lefevre Garcia Ortega "
        "Silva Pereira Schneider Hoffmann Lindqvist Virtanen Walsh Sharma Patel Iyer Qureshi "
        "Rahman Tanaka Nakamura Kim Park Chen Wang Nguyen Santoso Reyes Mendoza Campbell").split()
PLACES = ("Baghdad Basra Erbil Damascus Beirut Amman Cairo Riyadh Doha Muscat Sanaa Tehran Ankara "
          "Kyiv Kharkiv Odesa Warsaw Berlin Hamburg Paris Marseille Madrid Lisbon Rome Naples "
          "Athens Vienna Brussels Stockholm Oslo Helsinki London Dublin Ottawa Toronto Bogota Lima "
          "Santiago Lagos Abuja Nairobi Khartoum Kinshasa Dakar Accra Karachi Mumbai Dhaka Colombo "
          "Jakarta Manila Hanoi Bangkok Seoul Tokyo Osaka Beijing Shanghai Taipei Sydney "
          "Auckland").split()
ORG_ADJ = ("National Northern Central United Federal Coastal Western Eastern Independent "
           "Joint").split()
ORG_NOUN = ("Grain Energy Water Transport Health Labour Trade Rail Port Mining Farmers Teachers "
            "Pilots Doctors Steel Housing Shipping Fisheries Textile Telecom").split()
ORG_KIND = "Council Union Authority Agency Association Commission Board Federation".split()
SYLLABLES = ("ka ri to ne sa lo mi ver an dor tel bra shi quon za pe lu vo gan tri mel sor "
             "fen dal kir nor pa tes ul yam").split()

TOPICS = {
    "security": "troops convoy militia ceasefire shelling drone rocket border checkpoint patrol "
                "commander garrison airstrike casualties insurgents barracks ammunition offensive "
                "evacuation hostages raid frontline artillery mortar curfew",
    "politics": "parliament coalition ballot lawmakers minister cabinet election opposition vote "
                "constitution referendum campaign candidate reform amendment speaker decree "
                "mandate resignation polls majority veto senate assembly",
    "economy": "inflation currency exports tariff budget deficit bonds investors bank interest "
               "subsidy prices wages growth recession market shares debt lenders revenue "
               "factory output retail",
    "health": "hospital vaccine outbreak patients clinic doctors infection virus treatment "
              "ward nurses epidemic symptoms quarantine medicine cases testing surgery "
              "ambulance pharmacy disease",
    "climate": "flood drought wildfire rainfall heatwave emissions glacier storm harvest "
               "reservoir cyclone landslide evacuees temperatures coastline crops river "
               "rescue damage forecast",
    "courts": "judge trial verdict prosecutors defendant appeal sentence lawyers testimony "
              "charges jury ruling bail acquittal indictment court witness hearing conviction "
              "fraud",
    "technology": "software network outage hackers data breach satellite chip smartphone "
                  "platform startup algorithm encryption servers cloud launch regulator privacy "
                  "devices upgrade",
    "labour": "strike workers union wages picket shift employers walkout overtime dockers "
              "contract pension bargaining stoppage factory miners drivers negotiations layoffs",
}
TOPICS = {name: words.split() for name, words in TOPICS.items()}
FILLER = ("officials statement government week announced expected according meeting local "
          "spokesperson reporters plans public country region month response situation "
          "process measures support decision authorities sources earlier later morning evening "
          "sides comments concerns pressure questions details").split()
SAID = ("said", "told reporters", "stated", "added", "noted", "insisted", "warned")
TEMPLATES = (
    "{p1} {said} that the {t1} in {place} would continue despite the {t2}.",
    "The {key} {t1} near {place} drew a response from {org}, which called it a {t2}.",
    "{org} {said} the {t1} had affected {num} people and that the {t2} was under review.",
    "In {place}, {p2} described the {key} {t1} as a turning point for the {t2}.",
    "According to {org}, at least {num} {t1} were reported after the {key} {t2}.",
    "{p1}, speaking in {place}, {said} the {t1} and the {t2} were linked to {key}.",
    "Critics of {p2} {said} the {key} decision ignored the {t1} and the {t3}.",
    "The {t1} began on {weekday} in {place}, {p1} {said}, and the {t2} followed.",
    "{p2} and {p1} met to discuss the {key} {t1}, while {org} monitored the {t3}.",
    "Residents of {place} {said} the {t1} left {num} {t2} without support.",
    "{org} {said} the {key} {t2} would be examined by {p2} next {weekday}.",
    "Observers {said} the {t1} in {place} was the largest {t3} since {key} began.",
    "A {filler} from {org} {said} the {t1} was {filler2} and the {t2} remained.",
    "The {filler} about the {t1} raised {filler2} among {t2} in {place}.",
    "{p1} {said} {num} {t1} were involved, calling the {key} {t2} unacceptable.",
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True)
class StorySpec:
    """What every report of a story draws on: its topic, people, organisation, place, names."""

    index: int
    topic: str
    day: int
    people: tuple[str, ...]
    org: str
    place: str
    keys: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """One generated article: its id, gold story, date, headline, text and actor mentions."""

    id: str
    story: int
    day: int | None
    title: str
    text: str
    actors: tuple[tuple[str, str], ...]   # (name, label)


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def make_stories(n_stories: int, seed: int) -> list[StorySpec]:
    """Stories spread over the stream at a steady rate; each topic has 40 prominent people
    who appear in many of its stories. Every story has its own names (people, organisation,
    four proper names) and words: six of its topic's and eight from a lexicon of invented words,
    standing for the specific vocabulary of an event (what real reports share most)."""
    rng = random.Random(seed)
    prominent = {topic: [_person(rng) for _ in range(40)] for topic in TOPICS}
    lexicon = sorted({_pseudo_word(rng).lower() for _ in range(6000)})
    days = max(1, int(n_stories / STORIES_PER_DAY))
    stories = []
    for index in range(n_stories):
        topic = rng.choice(sorted(TOPICS))
        people = (rng.choice(prominent[topic]), _person(rng), _person(rng))
        org = f"the {rng.choice(ORG_ADJ)} {rng.choice(ORG_NOUN)} {rng.choice(ORG_KIND)}"
        words = tuple(rng.sample(TOPICS[topic], 6) + rng.sample(lexicon, 8))
        keys = tuple(_pseudo_word(rng) for _ in range(4))
        stories.append(StorySpec(index, topic, EPOCH + rng.randrange(days), people, org,
                                 rng.choice(PLACES), keys, words))
    return stories


def write_report(story: StorySpec, rng: random.Random) -> tuple[str, str, list]:
    """Headline, ~300-word text and actor mentions of one outlet's report of ``story``."""
    sentences, actors = [], []
    while sum(len(s.split()) for s in sentences) < 300:
        sentence = _fill(rng.choice(TEMPLATES), story, rng, actors)
        sentences.append(sentence[0].upper() + sentence[1:])
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    title = _fill(rng.choice(("{key} {t1}: {p1} {said} {place} {t2}",
                              "{org} and the {key} {t1} in {place}",
                              "{p2} on {t1} in {place} after {key} {t2}")), story, rng, [])
    return title[0].upper() + title[1:], "\n\n".join(paragraphs), actors


def _fill(template: str, story: StorySpec, rng: random.Random, actors: list) -> str:
    values = {
        "p1": rng.choice(story.people[:2]), "p2": rng.choice(story.people[1:]),
        "org": story.org, "place": story.place, "key": rng.choice(story.keys),
        "t1": rng.choice(story.words), "t2": rng.choice(story.words),
        "t3": rng.choice(TOPICS[story.topic]), "said": rng.choice(SAID),
        "num": str(rng.randint(3, 900)), "weekday": rng.choice(WEEKDAYS),
        "filler": rng.choice(FILLER), "filler2": rng.choice(FILLER)}
    for slot, label in (("p1", "PERSON"), ("p2", "PERSON"), ("org", "ORG")):
        if "{" + slot + "}" in template:
            actors.append((values[slot].removeprefix("the "), label))
    return template.format(**values)


def near_copy(text: str, story: StorySpec, rng: random.Random) -> str:
    """A lightly edited version: a few sentences dropped or replaced, some words swapped."""
    paragraphs = text.split("\n\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(paragraphs))
        if rng.random() < 0.5 and len(paragraphs) > 3:
            del paragraphs[i]
        else:
            paragraphs[i] = _fill(rng.choice(TEMPLATES), story, rng, [])
    text = "\n\n".join(paragraphs)
    for said in rng.sample(SAID, 2):
        text = text.replace(" said ", f" {said} ", 2)
    return text


def generate(n: int, seed: int, per_story: int = ARTICLES_PER_STORY) -> Iterator[Report]:
    """``n`` reports: originals, wire copies, reprints and near-copies, story by story."""
    stories = make_stories(max(1, n // per_story), seed)
    rng = random.Random(seed + 1)
    # How much news each story makes varies (log-normal): a few big stories, many small ones.
    weights = list(accumulate(rng.lognormvariate(0, 1) for _ in stories))
    count = 0
    while count < n:
        [story] = rng.choices(stories, cum_weights=weights)
        title, text, actors = write_report(story, rng)
        day = story.day + min(int(rng.expovariate(0.7)), 10)
        copies = [(title, text, day)]
        if rng.random() < 0.3:
            copies.append((_fill("{key} {t1} in {place}", story, rng, []), text, day))   # wire
        if rng.random() < 0.25:
            copies.append((title, text, day + rng.randint(1, 2)))                         # reprint
        if rng.random() < 0.35:
            copies.append((title, near_copy(text, story, rng), day + rng.randint(0, 1)))  # edit
        for title_, text_, day_ in copies[: n - count]:
            undated = rng.random() < 0.05
            yield Report(_id(seed, count), story.index, None if undated else day_, title_,
                         text_, tuple(actors))
            count += 1


def _id(seed: int, count: int) -> str:
    return hashlib.blake2b(f"{seed}:{count}".encode(), digest_size=8).hexdigest()


def to_features(report: Report):
    """Features from tokens (no spaCy) and the mentions the generator wrote."""
    date = (DateValue(_iso(report.day), "day", "generated") if report.day is not None else None)
    article = Article(id=report.id, text=report.text, title=report.title, outlet=None,
                      outlet_source=None, url=None, domain=None, published=date, authors=(),
                      language="en", language_score=1.0, analysable=True, skip_reason=None,
                      external_id=None, source_path="generated", locator="", format="text",
                      text_sha256="", raw_sha256="")
    mentions = [Mention(report.id, 0, 0, name, label, None, name, name.lower(), "model")
                for name, label in set(report.actors)]
    return features(article, (), mentions)


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def find_copies(chunk: list[Report], index: DuplicateIndex) -> list:
    """Exact and near duplicates of a chunk of reports among everything indexed so far (and
    within the chunk), which then joins the index."""
    rows = [(r.id, sha256_hex(normalise_text(r.text)), signature(r.text)) for r in chunk]
    return find_duplicates(rows, index)


def quality(found: dict[str, str], gold: dict[str, int]) -> dict[str, float]:
    """Pairwise and B-cubed F1 from the contingency table (no pair enumeration)."""
    cells = Counter((found[a], gold[a]) for a in gold)
    sizes_found, sizes_gold = Counter(found[a] for a in gold), Counter(gold.values())
    pairs = lambda k: k * (k - 1) / 2  # noqa: E731
    tp = sum(pairs(k) for k in cells.values())
    p = tp / max(1, sum(pairs(k) for k in sizes_found.values()))
    r = tp / max(1, sum(pairs(k) for k in sizes_gold.values()))
    bp = sum(k * k / sizes_found[f] for (f, _), k in cells.items()) / len(gold)
    br = sum(k * k / sizes_gold[g] for (_, g), k in cells.items()) / len(gold)
    f1 = lambda x, y: 2 * x * y / (x + y) if x + y else 0.0  # noqa: E731
    return {"pairwise_p": p, "pairwise_r": r, "pairwise_f1": f1(p, r), "bcubed_f1": f1(bp, br)}


def _rss() -> float:
    """Resident memory now, in MB (Linux)."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def run_size(n: int, seed: int, per_story: int) -> None:
    """Generate, featurise, cluster and report one corpus size (in this process)."""
    gold: dict[str, int] = {}
    items: list = []
    generated = featured = deduplicated = 0.0
    index, copies = DuplicateIndex(), 0
    stream = generate(n, seed, per_story)
    while len(items) < n:  # in chunks, so that the texts never pile up in memory
        start = time.perf_counter()
        chunk = list(islice(stream, 1000))
        gold.update((r.id, r.story) for r in chunk)
        middle = time.perf_counter()
        items.extend(to_features(r) for r in chunk)
        end = time.perf_counter()
        copies += len(find_copies(chunk, index))
        deduplicated += time.perf_counter() - end
        generated, featured = generated + middle - start, featured + end - middle
    rss_features = _rss()
    start = time.perf_counter()
    clusterer = StoryClusterer()
    clusterer.count(items)
    for item in canonical_order(items):
        clusterer.add(item)
    moves = clusterer.refine()
    merges = clusterer.consolidate()
    stories = clusterer.stories()
    clustered = time.perf_counter() - start
    rss_stories = _rss()
    found = {m: s.id for s in stories for m in s.members}
    q = quality(found, gold)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>7,} articles, {len(set(gold.values())):,} gold stories: generated in "
          f"{generated:.1f} s (not timed)")
    print(f"  features (tokens, no spaCy) {featured:6.1f} s   {n / featured:8.0f} articles/s")
    print(f"  duplicates                  {deduplicated:6.1f} s   {n / deduplicated:8.0f} articles/s"
          f"   {copies:,} duplicate pairs")
    print(f"  stories                     {clustered:6.1f} s   {n / clustered:8.0f} articles/s   "
          f"{1000 * clustered / n:.2f} ms/article")
    print(f"  duplicates and stories      {deduplicated + clustered:6.1f} s   (targets: 100,000 "
          "in under 10 minutes; stories alone under 5 minutes and 2 GB)")
    print(f"  {len(stories):,} stories ({moves} members moved by refine, {merges} merged by "
          f"consolidate); pairwise P "
          f"{q['pairwise_p']:.3f} R {q['pairwise_r']:.3f} F1 {q['pairwise_f1']:.3f}; B-cubed F1 "
          f"{q['bcubed_f1']:.3f}")
    print(f"  RSS with all features held {rss_features:,.0f} MB; after stories "
          f"{rss_stories:,.0f} MB (clusterer {rss_stories - rss_features:+,.0f} MB); peak RSS "
          f"{peak:,.0f} MB")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-story", type=int, default=ARTICLES_PER_STORY,
                        help="articles per story on average (default 50: 2,000 stories per 100k)")
    parser.add_argument("--here", action="store_true", help="run in this process (one size)")
    args = parser.parse_args()
    if args.here or len(args.sizes) == 1:
        for n in args.sizes:
            run_size(n, args.seed, args.per_story)
        return 0
    for n in args.sizes:  # a fresh process per size: its own peak memory
        subprocess.run([sys.executable, __file__, "--here", "--sizes", str(n), "--seed",
                        str(args.seed), "--per-story", str(args.per_story)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
