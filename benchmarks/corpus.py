"""Synthetic news pages for benchmarks: realistic HTML, deterministic from a seed.

Each page looks like a saved article page of a news site: a doctype, a head with title, meta
description, Open Graph and article metadata, a canonical link on the outlet's domain, inline
styles and scripts (analytics, page state, sometimes JSON-LD), a navigation menu, a site header,
an ``<article>`` with an ``<h1>`` headline, byline and 5-15 paragraphs, share buttons, a
"Related Articles" list, a comment form and a footer with a copyright line.

The article text is composed from sentence templates and word lists (institutions, people,
places, events, numbers, dates and quotes), so that every story is different. About 2% of pages
repeat an earlier story, as real collections do: the same page saved twice, a wire story carried
by another outlet, or a lightly edited version of an earlier story. Page sizes range from about
8 to 60 KB, mostly because of inline scripts and styles, as on real sites.

Most pages give their date in ``article:published_time``; some only in a ``<time>`` element, and
a few give no date at all. Outlet names and domains are those of real outlets, plus a few
invented regional ones; all text is generated.

Use as a module::

    from corpus import generate_pages
    for name, html in generate_pages(100, seed=1):
        ...

or from the command line::

    python benchmarks/corpus.py OUT_DIR --n 10000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import Callable, Iterator

# --------------------------------------------------------------------------------------------
# Outlets
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    """A news site: its name, domain and the way its pages are laid out."""

    name: str
    domain: str
    layout: str          # "classic", "modern", "wire" or "magazine"
    title_sep: str       # between headline and site name in <title>
    dated_urls: bool     # whether article URLs carry /YYYY/MM/DD/
    accent: str          # the site's colour, used in its inline CSS


_OUTLET_ROWS = [
    # name, domain: real outlets (all in the bundled outlet table) and a few invented regional ones
    ("Reuters", "reuters.com"), ("Associated Press", "apnews.com"), ("BBC", "bbc.com"),
    ("The Guardian", "theguardian.com"), ("The Telegraph", "telegraph.co.uk"),
    ("The Independent", "independent.co.uk"), ("Sky News", "news.sky.com"),
    ("Middle East Eye", "middleeasteye.net"), ("The Irish Times", "irishtimes.com"),
    ("France 24", "france24.com"), ("The Moscow Times", "themoscowtimes.com"),
    ("The Kyiv Independent", "kyivindependent.com"), ("Al Jazeera", "aljazeera.com"),
    ("Al Arabiya English", "english.alarabiya.net"), ("Arab News", "arabnews.com"),
    ("The Times of Israel", "timesofisrael.com"), ("Rudaw", "rudaw.net"),
    ("Kurdistan24", "kurdistan24.net"), ("Shafaq News", "shafaq.com"),
    ("The National", "thenationalnews.com"), ("Daily Sabah", "dailysabah.com"),
    ("The Hindu", "thehindu.com"), ("Dawn", "dawn.com"), ("South China Morning Post", "scmp.com"),
    ("The Japan Times", "japantimes.co.jp"), ("The Straits Times", "straitstimes.com"),
    ("ABC News", "abc.net.au"), ("CBC News", "cbc.ca"), ("The Globe and Mail", "theglobeandmail.com"),
    ("Premium Times", "premiumtimesng.com"), ("Daily Maverick", "dailymaverick.co.za"),
    ("The New York Times", "nytimes.com"), ("The Washington Post", "washingtonpost.com"),
    ("NPR", "npr.org"), ("Politico", "politico.com"), ("Voice of America", "voanews.com"),
    ("Anadolu Agency", "aa.com.tr"),
    ("The Riverside Courier", "riversidecourier.com"), ("Northern Ledger", "northernledger.co.uk"),
    ("Gulf Dispatch", "gulfdispatch.net"), ("Coastline Post", "coastlinepost.com.au"),
]
_LAYOUTS = ("classic", "modern", "wire", "magazine")
_SEPARATORS = (" | ", " - ", " — ", " : ")
_ACCENTS = ("#c00000", "#0a3d62", "#1e6b52", "#222222", "#8a1538", "#005689", "#b35c00", "#4b2a7b")


def _outlets() -> tuple[Outlet, ...]:
    """The outlet list, each with a fixed layout and style (independent of the seed)."""
    outlets = []
    for i, (name, domain) in enumerate(_OUTLET_ROWS):
        outlets.append(Outlet(name, domain, _LAYOUTS[i % 4], _SEPARATORS[(i * 7) % 4],
                              i % 3 != 1, _ACCENTS[(i * 5) % len(_ACCENTS)]))
    return tuple(outlets)


OUTLETS = _outlets()

# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

PLACES = [
    ("Baghdad", "Iraq"), ("Basra", "Iraq"), ("Erbil", "Iraq"), ("Mosul", "Iraq"),
    ("Damascus", "Syria"), ("Aleppo", "Syria"), ("Beirut", "Lebanon"), ("Tripoli", "Libya"),
    ("Amman", "Jordan"), ("Cairo", "Egypt"), ("Alexandria", "Egypt"), ("Riyadh", "Saudi Arabia"),
    ("Jeddah", "Saudi Arabia"), ("Doha", "Qatar"), ("Dubai", "the United Arab Emirates"),
    ("Muscat", "Oman"), ("Sanaa", "Yemen"), ("Aden", "Yemen"), ("Tehran", "Iran"),
    ("Isfahan", "Iran"), ("Ankara", "Turkey"), ("Istanbul", "Turkey"), ("Kyiv", "Ukraine"),
    ("Kharkiv", "Ukraine"), ("Odesa", "Ukraine"), ("Warsaw", "Poland"), ("Berlin", "Germany"),
    ("Hamburg", "Germany"), ("Paris", "France"), ("Marseille", "France"), ("Madrid", "Spain"),
    ("Lisbon", "Portugal"), ("Rome", "Italy"), ("Naples", "Italy"), ("Athens", "Greece"),
    ("Vienna", "Austria"), ("Brussels", "Belgium"), ("Amsterdam", "the Netherlands"),
    ("Stockholm", "Sweden"), ("Oslo", "Norway"), ("Helsinki", "Finland"), ("London", "Britain"),
    ("Manchester", "Britain"), ("Glasgow", "Britain"), ("Dublin", "Ireland"),
    ("Washington", "the United States"), ("Chicago", "the United States"),
    ("Houston", "the United States"), ("Miami", "the United States"), ("Ottawa", "Canada"),
    ("Toronto", "Canada"), ("Mexico City", "Mexico"), ("Bogota", "Colombia"), ("Lima", "Peru"),
    ("Santiago", "Chile"), ("Buenos Aires", "Argentina"), ("Sao Paulo", "Brazil"),
    ("Lagos", "Nigeria"), ("Abuja", "Nigeria"), ("Nairobi", "Kenya"), ("Addis Ababa", "Ethiopia"),
    ("Khartoum", "Sudan"), ("Kinshasa", "Congo"), ("Johannesburg", "South Africa"),
    ("Dakar", "Senegal"), ("Accra", "Ghana"), ("Karachi", "Pakistan"), ("Islamabad", "Pakistan"),
    ("New Delhi", "India"), ("Mumbai", "India"), ("Dhaka", "Bangladesh"), ("Colombo", "Sri Lanka"),
    ("Kathmandu", "Nepal"), ("Jakarta", "Indonesia"), ("Manila", "the Philippines"),
    ("Hanoi", "Vietnam"), ("Bangkok", "Thailand"), ("Seoul", "South Korea"), ("Tokyo", "Japan"),
    ("Osaka", "Japan"), ("Beijing", "China"), ("Shanghai", "China"), ("Taipei", "Taiwan"),
    ("Sydney", "Australia"), ("Melbourne", "Australia"), ("Auckland", "New Zealand"),
]

FIRST_NAMES = [
    "Amira", "Omar", "Layla", "Hassan", "Nadia", "Karim", "Yusuf", "Mariam", "Tariq", "Salma",
    "Daniel", "Sarah", "Michael", "Emily", "James", "Hannah", "Robert", "Claire", "Thomas", "Laura",
    "Olena", "Dmytro", "Iryna", "Andriy", "Katarzyna", "Piotr", "Jan", "Sofia", "Luca", "Giulia",
    "Pierre", "Camille", "Jean-Marc", "Isabel", "Javier", "Lucia", "Mateo", "Ana", "Joao", "Beatriz",
    "Chinedu", "Ngozi", "Kwame", "Ama", "Wanjiru", "Tendai", "Thabo", "Aisha", "Ibrahim", "Fatima",
    "Arjun", "Priya", "Rahul", "Meera", "Imran", "Ayesha", "Kenji", "Yuki", "Min-jun", "Ji-woo",
    "Wei", "Li", "Mei", "Anh", "Siti", "Rizal", "Mehmet", "Elif", "Reza", "Parisa",
]

LAST_NAMES = [
    "Haddad", "Al-Amin", "Saleh", "Mansour", "Khalil", "Nasser", "Rahimi", "Karimi", "Aziz",
    "Barzani", "Hamdan", "Othman", "Fawzi", "Jaber", "Darwish", "Yilmaz", "Demir", "Kaya",
    "Carter", "Whitfield", "Morrison", "Brennan", "Okafor", "Adeyemi", "Mensah", "Kamau", "Otieno",
    "Ndlovu", "Dlamini", "Mokoena", "Kovalenko", "Shevchenko", "Bondarenko", "Nowak", "Kowalski",
    "Novak", "Rossi", "Bianchi", "Moreau", "Lefevre", "Garcia", "Fernandez", "Ortega", "Silva",
    "Pereira", "Schneider", "Hoffmann", "Lindqvist", "Johansson", "Virtanen", "O'Connell", "Walsh",
    "Sharma", "Patel", "Iyer", "Qureshi", "Siddiqui", "Rahman", "Tanaka", "Sato", "Nakamura",
    "Kim", "Park", "Chen", "Wang", "Liu", "Nguyen", "Santoso", "Reyes", "Mendoza", "Campbell",
]

TOPICS = {
    "security": {
        "section": "World",
        "institutions": ["the defence ministry", "the army", "the interior ministry", "border guards",
                         "the police", "the coast guard", "air defence units", "the joint operations command",
                         "militia commanders", "the security services", "the national guard"],
        "events": ["a drone strike", "an artillery barrage", "a car bombing", "an exchange of fire",
                   "an air raid", "a rocket attack", "an ambush on a supply convoy", "a raid on a compound",
                   "a mortar attack", "a roadside bombing", "overnight shelling"],
        "objects": ["the ceasefire", "the border crossing", "the supply route", "the air base",
                    "the prisoner exchange", "the weapons depot", "the buffer zone", "the checkpoint",
                    "the security agreement", "the troop withdrawal", "the no-fly zone"],
        "groups": ["residents", "displaced families", "aid workers", "soldiers", "local officials",
                   "farmers", "shopkeepers", "hospital staff", "tribal elders"],
        "goals": ["restoring calm", "protecting civilians", "securing the border",
                  "bringing those responsible to justice", "preventing a wider war",
                  "keeping the roads open"],
        "roles": ["a spokesman for {inst}", "a senior commander", "a security official",
                  "the provincial governor", "a local council member", "a military analyst"],
    },
    "politics": {
        "section": "Politics",
        "institutions": ["the government", "the prime minister's office", "parliament",
                         "the ruling coalition", "opposition lawmakers", "the electoral commission",
                         "the presidency", "the foreign ministry", "the constitutional court",
                         "the cabinet", "the upper house"],
        "events": ["a confidence vote", "a cabinet reshuffle", "a snap election", "budget talks",
                   "a walkout by opposition members", "a disputed recount", "a leadership contest",
                   "a state visit", "emergency consultations", "a televised debate"],
        "objects": ["the draft budget", "the electoral law", "the coalition agreement",
                    "the new constitution", "the reform package", "the referendum",
                    "the candidate list", "the emergency decree", "the trade agreement"],
        "groups": ["voters", "party members", "civil servants", "protesters", "diplomats",
                   "regional leaders", "young voters", "pensioners"],
        "goals": ["forming a stable government", "ending the deadlock", "restoring public trust",
                  "holding the vote on time", "protecting the constitution", "passing the budget"],
        "roles": ["a spokeswoman for {inst}", "a senior lawmaker", "the speaker of parliament",
                  "an opposition leader", "a political analyst", "a government minister"],
    },
    "economy": {
        "section": "Business",
        "institutions": ["the central bank", "the finance ministry", "the statistics office",
                         "the stock exchange", "exporters", "the state oil company", "the IMF mission",
                         "the ratings agency", "the chamber of commerce", "the energy regulator"],
        "events": ["a sharp fall in the currency", "an unexpected rate rise", "a fuel price increase",
                   "a run on bank deposits", "a strike at the port", "a default on foreign debt",
                   "a sell-off in bond markets", "a slump in factory output"],
        "objects": ["interest rates", "the inflation target", "the fuel subsidy", "the bailout package",
                    "the exchange rate", "the debt restructuring", "the minimum wage",
                    "import tariffs", "the gas contract", "the privatisation plan"],
        "groups": ["savers", "importers", "small businesses", "farmers", "factory workers",
                   "investors", "households", "bank customers"],
        "goals": ["bringing inflation down", "stabilising the currency", "protecting jobs",
                  "attracting investment", "keeping prices in check", "meeting the fiscal target"],
        "roles": ["the governor of {inst}", "a senior economist", "a currency trader",
                  "a finance ministry official", "the head of a business association",
                  "a market analyst"],
    },
    "health": {
        "section": "Health",
        "institutions": ["the health ministry", "hospital officials", "the public health agency",
                         "the medical association", "the drug regulator", "district health teams",
                         "the national vaccination programme", "emergency doctors"],
        "events": ["an outbreak of cholera", "a measles outbreak", "a shortage of insulin",
                   "a strike by junior doctors", "a surge in hospital admissions",
                   "a contaminated batch of medicine", "a heatwave", "a dengue outbreak"],
        "objects": ["the vaccination campaign", "the hospital budget", "the waiting lists",
                    "the drug supply", "the screening programme", "the quarantine rules",
                    "emergency wards", "the health insurance scheme"],
        "groups": ["patients", "nurses", "parents", "pharmacists", "the elderly", "rural clinics",
                   "pregnant women", "health workers"],
        "goals": ["containing the outbreak", "reducing waiting times", "keeping clinics open",
                  "reaching every district", "protecting the most vulnerable"],
        "roles": ["a spokesperson for {inst}", "a senior doctor", "the director of a regional hospital",
                  "an epidemiologist", "a nurses' union leader", "the deputy health minister"],
    },
    "climate": {
        "section": "Environment",
        "institutions": ["the disaster management agency", "the meteorological office",
                         "the environment ministry", "civil defence teams", "the water authority",
                         "rescue services", "the forestry service", "the energy ministry"],
        "events": ["flash floods", "a wildfire", "a prolonged drought", "a tropical storm",
                   "a landslide", "a heatwave", "a dust storm", "record rainfall", "a dam breach"],
        "objects": ["the evacuation plan", "the flood defences", "the emissions target",
                    "the reconstruction fund", "water rationing", "the coal phase-out",
                    "the early warning system", "the reforestation programme"],
        "groups": ["villagers", "farmers", "fishermen", "residents of low-lying areas",
                   "volunteers", "herders", "schoolchildren"],
        "goals": ["getting aid to stranded families", "rebuilding homes before winter",
                  "cutting emissions", "securing water supplies", "preventing further losses"],
        "roles": ["the head of {inst}", "a climate scientist", "a local mayor", "a rescue coordinator",
                  "an environmental campaigner", "a hydrologist"],
    },
    "courts": {
        "section": "Law",
        "institutions": ["prosecutors", "the supreme court", "defence lawyers", "the justice ministry",
                         "an appeals court", "the anti-corruption bureau", "a military tribunal",
                         "the bar association"],
        "events": ["a landmark ruling", "the arrest of a former minister", "a mass trial",
                   "a corruption investigation", "the collapse of a trial", "a surprise acquittal",
                   "a jailbreak", "a contempt hearing"],
        "objects": ["the verdict", "the extradition request", "the appeal", "the sentencing",
                    "the plea deal", "the new penal code", "the asset freeze", "the witness testimony"],
        "groups": ["the families of the victims", "rights groups", "the defendants", "journalists",
                   "court observers", "lawyers"],
        "goals": ["a fair trial", "accountability", "the rule of law", "protecting witnesses",
                  "ending impunity"],
        "roles": ["a lawyer for the defendants", "the chief prosecutor", "a legal scholar",
                  "a spokesman for {inst}", "a former judge", "a rights researcher"],
    },
    "technology": {
        "section": "Technology",
        "institutions": ["the telecoms regulator", "the data protection authority",
                         "the communications ministry", "the state broadband company",
                         "a consortium of chipmakers", "the cyber security centre",
                         "the competition authority"],
        "events": ["a nationwide internet outage", "a cyber attack on the tax office",
                   "a data breach at a bank", "the launch of a new satellite",
                   "a ban on a messaging app", "a failure of the payments network"],
        "objects": ["the data protection law", "the spectrum auction", "the chip factory",
                    "the social media rules", "the digital identity scheme", "the undersea cable",
                    "the licensing regime"],
        "groups": ["users", "start-ups", "banks", "telecom operators", "online shoppers",
                   "software engineers"],
        "goals": ["protecting user data", "keeping networks running", "closing the digital divide",
                  "building a domestic industry"],
        "roles": ["a spokesman for {inst}", "a security researcher", "a telecoms analyst",
                  "the chief executive of an operator", "a digital rights advocate"],
    },
}

SAY = ["said", "told reporters", "said in a statement", "told a news conference",
       "wrote on social media", "said in a televised address", "told local media",
       "said on condition of anonymity", "told the outlet"]
ADJECTIVES = ["serious", "unacceptable", "worrying", "unprecedented", "difficult", "dangerous",
              "encouraging", "complicated", "urgent", "fragile", "significant", "long overdue"]
TIME_AGO = ["two days", "less than a week", "a month", "three weeks", "barely 48 hours",
            "several months", "a year", "ten days"]
TRENDS = ["a rise in violence", "repeated power cuts", "mounting debt", "a wave of protests",
          "growing tension with its neighbours", "a steady decline in investment",
          "a sharp increase in prices", "years of political deadlock", "a string of attacks"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"]

QUOTES = [
    "We will not accept {object} in its current form",
    "This is a {adj} moment for {group}",
    "Our priority is {goal}",
    "{Group} deserve answers, and they deserve them now",
    "Nobody expected {event} on this scale",
    "We have been warning about {object} for {time_ago}",
    "The situation in {place} is {adj}, but it is under control",
    "There can be no {goal_noun} without {goal}",
    "We are doing everything we can for {group}",
    "What happened in {place} was {adj} and must not be repeated",
    "The numbers speak for themselves: {n} cases in {time_ago}",
    "I have spoken to {group} in {place}, and they are angry",
    "It is too early to say what caused {event}",
    "Anyone who thinks {object} will fix this is mistaken",
    "We asked for help {time_ago} ago and nothing came",
    "Frankly, the response to {event} has been {adj}",
]
GOAL_NOUNS = ["progress", "peace", "recovery", "trust", "stability", "justice", "reform"]

LEDES = [
    "{Inst} {say} on {weekday} that {event} in {place} had {outcome}.",
    "{Event} hit {place} on {weekday}, {outcome_participle}, {source_attr}.",
    "At least {n} people were {hurt} in {place} on {weekday} after {event}, {source_attr}.",
    "{Inst} moved on {weekday} to {policy_verb} {object}, {time_ago} after {event} in {place}.",
    "{Group} in {place} were counting the cost on {weekday} of {event} that {outcome_rel}.",
    "{Inst} in {country} said it would {policy_verb} {object} after {event} in {place} "
    "{outcome_participle}.",
]
FACTS = [
    "{Inst} said {n} people had been {hurt}, a figure that could not be independently verified.",
    "{Source} put the number at {n}, while {source2} said it was closer to {n2}.",
    "The {object_bare} was due to be discussed at a meeting in {place2} on {weekday}.",
    "Officials said the damage would cost at least {money} to repair.",
    "Figures released by {inst} showed a rise of {pct} percent compared with the same period last year.",
    "According to {inst}, {big} people have been affected across {n_word} provinces.",
    "{Event} came {time_ago} after {event2} in {place2}.",
    "Witnesses described {event} that lasted for about {n} minutes.",
    "{Inst} has set aside {money} for {goal}.",
    "Roads into {place} were closed for much of the day, and {group} were told to stay indoors.",
    "The {object_bare} affects an estimated {big} people, according to {inst}.",
    "{Inst} said a committee would report within {n_word} weeks.",
    "On {weekday}, {n} members of {inst} met {group} in {place}.",
    "A statement from {inst} said {object} would be reviewed by the end of {month}.",
    "It was the {ordinal} such incident in {place} since {month}.",
    "Television footage showed {group} gathering outside government buildings in {place}.",
    "{Inst} said it had opened an investigation and would publish its findings by {month}.",
    "Prices of basic goods in {place} have risen by {pct} percent since {month}.",
    "More than {big} people signed a petition calling on {inst} to {policy_verb} {object}.",
    "Schools in {n_word} districts of {place} stayed closed on {weekday}.",
    "{Inst} said about {pct} percent of the budget for {goal} had been spent.",
    "A delegation from {place2} is expected in {place} next week to discuss {object}.",
    "The {object_bare} was approved by {n} votes to {n2} in a late-night session.",
]
REACTIONS = [
    "{Speaker_subj} {say} that {object} would not be enough to reassure {group}.",
    "\u201c{quote},\u201d {speaker} {say}.",
    "\u201c{quote},\u201d {say_verb} {speaker}. \u201c{quote}.\u201d",
    "\u201c{quote}.\u201d",
    "{Speaker_subj} called {event} \u201c{adj}\u201d and urged {inst} to act.",
    "Asked about {object}, {speaker_subj} said: \u201c{quote}.\u201d",
    "{Speaker_subj} said {inst} had failed {group} and called for an inquiry.",
    "{Inst} did not respond to a request for comment.",
    "{Speaker_subj} said the decision on {object} was {adj}.",
    "\u201c{quote},\u201d {speaker} said, adding that {group} had been consulted.",
]
BACKGROUND = [
    "{Country} has seen {trend} since {year}, when {event2} shook {place2}.",
    "{Place} has long been at the centre of disputes over {object}.",
    "The {object_bare} was first proposed in {year} but stalled amid objections from {group}.",
    "Critics say {inst} has done too little to address {trend}.",
    "Analysts say the outcome will depend largely on {goal}.",
    "The last time {place} faced {event2}, in {year}, it took {time_ago} to recover.",
    "Previous attempts to settle {object} collapsed in {year} and again in {year2}.",
    "{Group} have complained for years about {trend}.",
    "The region is home to about {big} people, many of whom depend on {object}.",
    "It remains unclear whether {inst} will accept {object}.",
    "It was not immediately clear who was behind {event}.",
    "Since {year2}, {inst} has been led by officials who promised {goal}.",
    "Earlier this year, {group} staged a series of protests over {object}.",
    "Observers in {place2} have warned that {trend} could spread across the region.",
    "The dispute over {object} has divided {group} for more than a decade.",
]

HEADLINES = [
    "{Event_cap} in {place} leaves {n} {hurt}",
    "{Inst_cap} {head_verb} {object} after {event}",
    "{Place}: {group} {head_verb2} {object}",
    "What we know about {event} in {place}",
    "{Speaker_last} says {place} must focus on {goal}",
    "{Inst_cap} under pressure over {object}",
    "{Country_cap} {head_verb} {object} as {group} protest",
    "{n} {hurt} as {event} hits {place}",
    "Inside {place}'s struggle with {trend}",
    "{Inst_cap} and {inst2} clash over {object}",
]
HEAD_VERBS = ["warns over", "moves to scrap", "rejects", "backs", "pledges action on", "defends",
              "announces review of", "delays", "suspends", "approves", "signals shift on"]
HEAD_VERBS2 = ["push back against", "demand answers on", "rally against", "welcome",
               "brace for", "question"]
OUTCOMES = ["killed {n} people", "left {n} people injured", "destroyed {n} homes",
            "cut power to {big} households", "forced {big} people from their homes",
            "caused losses of about {money}"]
OUTCOME_PARTICIPLES = ["killing at least {n} people", "injuring {n} people",
                       "forcing {big} people to leave their homes", "damaging {n} buildings",
                       "cutting off {big} residents"]
OUTCOME_RELS = ["killed {n} people", "left {big} homes without power", "damaged {n} schools",
                "displaced {big} families"]
HURT = ["killed", "injured", "wounded", "hurt", "detained", "displaced", "evacuated"]
POLICY_VERBS = ["suspend", "review", "extend", "tighten", "scrap", "fast-track", "revise",
                "challenge", "freeze"]
SOURCES = ["officials", "local media", "a hospital source", "the civil defence agency",
           "witnesses", "the United Nations", "a monitoring group", "medical staff"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "latest"]
CURRENCIES = ["dollars", "euros", "pounds"]

# --------------------------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------------------------


@dataclass
class Person:
    """Someone quoted in a story."""

    first: str
    last: str
    role: str
    mentioned: bool = False

    def name(self, subject: bool) -> str:
        """Full name and role on first mention, surname afterwards."""
        if self.mentioned:
            return self.last
        self.mentioned = True
        return f"{self.first} {self.last}, {self.role}" + ("," if subject else "")


@dataclass
class Story:
    """An article's content: what the page shows, independent of the site that shows it."""

    topic: str
    headline: str
    summary: str
    paragraphs: list[str]
    place: str
    country: str
    published: dt.datetime
    author: str
    tags: list[str] = field(default_factory=list)


_SLOT = re.compile(r"\{(\w+)\}")


class _Filler:
    """Fills template slots for one story, so that its sentences share a place, people and event."""

    def __init__(self, rng: random.Random, topic: str, place: str, country: str):
        self.rng = rng
        self.vocab = TOPICS[topic]
        self.place, self.country = place, country
        self.event = rng.choice(self.vocab["events"])
        self.inst = rng.choice(self.vocab["institutions"])
        self.people = [self._person() for _ in range(rng.randint(2, 4))]
        self.simple = self._slots()
        self.decks: dict[int, list[str]] = {}

    def _person(self) -> Person:
        role = self.rng.choice(self.vocab["roles"]).format(inst=self.rng.choice(self.vocab["institutions"]))
        return Person(self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES), role)

    def fill(self, template: str) -> str:
        """The template with every ``{slot}`` replaced; a capitalised slot name capitalises."""
        return _SLOT.sub(lambda m: self._slot(m.group(1)), template)

    def draw(self, templates: list[str]) -> str:
        """A template from ``templates``, not repeated in this story until all have been used."""
        deck = self.decks.get(id(templates))
        if not deck:
            deck = self.decks[id(templates)] = self.rng.sample(templates, len(templates))
        return deck.pop()

    def sentence(self, templates: list[str]) -> str:
        """A filled template drawn from ``templates``."""
        return self.fill(self.draw(templates))

    def _slot(self, name: str) -> str:
        key = name.lower()
        value = self._value(key.removesuffix("_cap"))
        return _capitalise(value) if name[0].isupper() or key.endswith("_cap") else value

    def _value(self, key: str) -> str:
        if key in self.simple:
            return self.simple[key]()
        if key in _NESTED:
            return self.sentence(_NESTED[key])
        raise KeyError(f"unknown template slot {key!r}")

    def _slots(self) -> dict[str, Callable[[], str]]:
        """Slot name -> a function that draws its value."""
        rng, vocab = self.rng, self.vocab
        return {
            "place": lambda: self.place,
            "place2": lambda: rng.choice(PLACES)[0],
            "country": lambda: self.country,
            "inst": lambda: self.inst if rng.random() < 0.5 else rng.choice(vocab["institutions"]),
            "inst2": lambda: rng.choice(vocab["institutions"]),
            "event": lambda: self.event if rng.random() < 0.6 else rng.choice(vocab["events"]),
            "event2": lambda: rng.choice(vocab["events"]),
            "object": lambda: rng.choice(vocab["objects"]),
            "object_bare": lambda: rng.choice(vocab["objects"]).removeprefix("the "),
            "group": lambda: rng.choice(vocab["groups"]),
            "goal": lambda: rng.choice(vocab["goals"]),
            "goal_noun": lambda: rng.choice(GOAL_NOUNS),
            "say": lambda: rng.choice(SAY),
            "say_verb": lambda: rng.choice(["said", "said", "added", "insisted"]),
            "adj": lambda: rng.choice(ADJECTIVES),
            "time_ago": lambda: rng.choice(TIME_AGO),
            "trend": lambda: rng.choice(TRENDS),
            "weekday": lambda: rng.choice(WEEKDAYS),
            "month": lambda: rng.choice(MONTHS),
            "year": lambda: str(rng.randint(1998, 2016)),
            "year2": lambda: str(rng.randint(2017, 2022)),
            "n": lambda: str(rng.choice([rng.randint(2, 19), rng.randint(20, 140)])),
            "n2": lambda: str(rng.randint(20, 300)),
            "n_word": lambda: rng.choice(NUMBER_WORDS),
            "big": lambda: f"{rng.randint(1, 400) * rng.choice([10, 100, 250]):,}",
            "pct": lambda: f"{rng.randint(1, 38)}.{rng.randint(0, 9)}",
            "money": lambda: f"{rng.randint(2, 950)} million {rng.choice(CURRENCIES)}"
            if rng.random() < 0.7 else f"${rng.randint(1, 40)}.{rng.randint(1, 9)} billion",
            "ordinal": lambda: rng.choice(ORDINALS),
            "hurt": lambda: rng.choice(HURT),
            "policy_verb": lambda: rng.choice(POLICY_VERBS),
            "source": lambda: rng.choice(SOURCES),
            "source2": lambda: rng.choice(SOURCES),
            "source_attr": lambda: f"{rng.choice(SOURCES)} {rng.choice(['said', 'reported'])}",
            "head_verb": lambda: rng.choice(HEAD_VERBS),
            "head_verb2": lambda: rng.choice(HEAD_VERBS2),
            "speaker": lambda: rng.choice(self.people).name(subject=False),
            "speaker_subj": lambda: rng.choice(self.people).name(subject=True),
            "speaker_last": lambda: rng.choice(self.people).last,
        }


_NESTED = {"quote": QUOTES, "outcome": OUTCOMES, "outcome_participle": OUTCOME_PARTICIPLES,
           "outcome_rel": OUTCOME_RELS}


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def make_story(rng: random.Random, start: dt.datetime) -> Story:
    """A new story: headline, summary and 5-15 paragraphs on one topic, place and event."""
    topic = rng.choice(sorted(TOPICS))
    place, country = rng.choice(PLACES)
    filler = _Filler(rng, topic, place, country)
    headline = _capitalise(filler.sentence(HEADLINES))
    paragraphs = [filler.sentence(LEDES)]
    for _ in range(rng.randint(4, 14)):
        pool = rng.choices([FACTS, REACTIONS, BACKGROUND], weights=[4, 4, 2])[0]
        count = rng.randint(1, 3) if pool is REACTIONS else rng.randint(2, 5)
        sentences = [filler.sentence(pool) for _ in range(count)]
        paragraphs.append(" ".join(_capitalise(s) for s in sentences))
    published = start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 540))
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    tags = [TOPICS[topic]["section"], place, country.removeprefix("the ")]
    return Story(topic, headline, _first_sentence(paragraphs[0]), paragraphs, place, country,
                 published, author, tags)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def near_copy(rng: random.Random, story: Story) -> Story:
    """A lightly edited version of ``story``: a paragraph dropped, added or reworded, a new headline."""
    paragraphs = list(story.paragraphs)
    filler = _Filler(rng, story.topic, story.place, story.country)
    edit = rng.choice(["drop", "add", "reword"])
    index = rng.randrange(1, len(paragraphs))
    if edit == "drop":
        del paragraphs[index]
    elif edit == "add":
        paragraphs.insert(index, filler.fill(rng.choice(REACTIONS + FACTS)))
    else:
        paragraphs[index] = filler.fill(rng.choice(FACTS)) + " " + paragraphs[index]
    headline = _capitalise(filler.fill(rng.choice(HEADLINES)))
    return replace(story, headline=headline, paragraphs=paragraphs,
                   published=story.published + dt.timedelta(hours=rng.randint(1, 30)),
                   author=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------

NAV_SECTIONS = ["Home", "World", "Politics", "Business", "Markets", "Technology", "Health",
                "Environment", "Science", "Sport", "Culture", "Opinion", "Law", "Middle East",
                "Africa", "Asia", "Europe", "Americas", "Video", "Podcasts", "Investigations",
                "Fact Check", "Weather", "Travel"]
FOOTER_LINKS = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Cookie settings",
                "Terms of use", "Accessibility", "Corrections", "Newsletters", "RSS feeds", "Sitemap"]
SHARE_TARGETS = [("facebook", "Share on Facebook", "https://www.facebook.com/sharer/sharer.php?u="),
                 ("x", "Share on X", "https://twitter.com/intent/tweet?url="),
                 ("linkedin", "Share on LinkedIn", "https://www.linkedin.com/shareArticle?url="),
                 ("whatsapp", "Share on WhatsApp", "https://wa.me/?text="),
                 ("email", "Share via email", "mailto:?body=")]


def _slug(text: str, limit: int = 70) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].rstrip("-")


def _article_url(rng: random.Random, outlet: Outlet, story: Story, dated: bool) -> str:
    section = TOPICS[story.topic]["section"].lower()
    path = f"/{section}/"
    if dated and outlet.dated_urls:
        path += story.published.strftime("%Y/%m/%d/")
    suffix = f"-{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.6 else ""
    host = outlet.domain if outlet.domain.count(".") > 1 and not outlet.domain.endswith(
        (".co.uk", ".com.au", ".co.za", ".com.tr", ".co.jp")) else f"www.{outlet.domain}"
    return f"https://{host}{path}{_slug(story.headline)}{suffix}"


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _human_date(rng: random.Random, moment: dt.datetime) -> str:
    formats = ["%B %d, %Y", "%d %B %Y", "%a %d %b %Y %H.%M GMT", "%B %d, %Y %I:%M %p", "%d/%m/%Y"]
    return moment.strftime(rng.choice(formats)).replace(" 0", " ")


def _head(rng: random.Random, outlet: Outlet, story: Story, url: str, date_mode: str,
          filler_css: str, filler_js: str) -> str:
    """The ``<head>``: title, metadata, canonical link, styles and scripts."""
    title = escape(story.headline + outlet.title_sep + outlet.name)
    parts = ['<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{title}</title>",
             f'<meta name="description" content="{escape(story.summary)}">',
             f'<meta property="og:site_name" content="{escape(outlet.name)}">',
             f'<meta property="og:title" content="{escape(story.headline)}">',
             '<meta property="og:type" content="article">',
             f'<meta property="og:url" content="{url}">',
             f'<meta property="og:image" content="https://static.{outlet.domain}/images/'
             f'{rng.randint(100000, 999999)}.jpg">',
             '<meta name="twitter:card" content="summary_large_image">']
    if date_mode == "meta":
        parts.append(f'<meta property="article:published_time" content="{_iso(story.published)}">')
        if rng.random() < 0.5:
            modified = story.published + dt.timedelta(minutes=rng.randint(5, 600))
            parts.append(f'<meta property="article:modified_time" content="{_iso(modified)}">')
    parts.append(f'<meta property="article:section" content="{TOPICS[story.topic]["section"]}">')
    if rng.random() < 0.5:
        parts.append(f'<meta name="author" content="{escape(story.author)}">')
    parts.append(f'<meta name="keywords" content="{escape(", ".join(story.tags))}">')
    parts.append(f'<link rel="canonical" href="{url}">')
    parts.append(f'<link rel="stylesheet" href="https://static.{outlet.domain}/css/main.{rng.randint(1000, 9999)}.css">')
    parts.append(f"<style>{_base_css(outlet)}{filler_css}</style>")
    parts.append(f"<script>{_analytics_js(rng, outlet, story)}</script>")
    if date_mode == "meta" and rng.random() < 0.5:
        parts.append(f'<script type="application/ld+json">{_json_ld(outlet, story, url)}</script>')
    parts.append(f"<script>{filler_js}</script>")
    return "<head>\n" + "\n".join(parts) + "\n</head>"


def _base_css(outlet: Outlet) -> str:
    return (f"body{{margin:0;font-family:Georgia,serif;color:#1a1a1a}}"
            f".site-header{{border-bottom:3px solid {outlet.accent}}}"
            f".nav a{{color:{outlet.accent};text-decoration:none;padding:0 8px}}"
            f"article h1{{font-size:2.2rem;line-height:1.15}}"
            f".share a{{display:inline-block;margin-right:6px}}"
            f"footer{{background:#f4f4f4;padding:24px;font-size:.85rem}}")


def _analytics_js(rng: random.Random, outlet: Outlet, story: Story) -> str:
    data = {"site": outlet.domain, "section": TOPICS[story.topic]["section"].lower(),
            "contentType": "article", "pageId": rng.randint(10**8, 10**9),
            "wordCount": sum(len(p.split()) for p in story.paragraphs), "paywall": rng.random() < 0.3}
    return ("window.dataLayer=window.dataLayer||[];window.dataLayer.push(" + json.dumps(data) + ");"
            "(function(w,d,s){var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
            f"j.src='https://metrics.{outlet.domain}/tag.js?id='+w.dataLayer[0].pageId;"
            "f.parentNode.insertBefore(j,f);})(window,document,'script');")


def _json_ld(outlet: Outlet, story: Story, url: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.headline,
            "datePublished": _iso(story.published), "mainEntityOfPage": url,
            "author": [{"@type": "Person", "name": story.author}],
            "publisher": {"@type": "Organization", "name": outlet.name}}
    return json.dumps(data, ensure_ascii=False)


def _nav(rng: random.Random, outlet: Outlet) -> str:
    sections = rng.sample(NAV_SECTIONS, rng.randint(8, 18))
    items = "".join(f'<li><a href="https://www.{outlet.domain}/{_slug(s)}">{s}</a></li>' for s in sections)
    return (f'<nav class="nav" aria-label="Main menu"><a class="skip" href="#main">Skip to content</a>'
            f"<ul>{items}</ul></nav>")


def _site_header(rng: random.Random, outlet: Outlet) -> str:
    edition = rng.choice(["International edition", "UK edition", "US edition", "Africa edition",
                          "Asia edition"])
    return (f'<header class="site-header"><div class="logo"><a href="https://www.{outlet.domain}/">'
            f"{escape(outlet.name)}</a></div><div class=\"edition\">{edition}</div>"
            f'<form class="search" action="/search"><input type="search" name="q" '
            f'placeholder="Search"><button>Search</button></form>'
            f'<a class="subscribe" href="/subscribe">Subscribe</a><a href="/login">Sign in</a>'
            f"{_nav(rng, outlet)}</header>")


def _byline(rng: random.Random, outlet: Outlet, story: Story, date_mode: str) -> str:
    byline = f'<p class="byline">By <a rel="author" href="/authors/{_slug(story.author)}">' \
             f"{escape(story.author)}</a></p>"
    if date_mode in ("meta", "time") and (date_mode == "time" or rng.random() < 0.8):
        byline += (f'<time datetime="{_iso(story.published)}">'
                   f"{_human_date(rng, story.published)}</time>")
    return f'<div class="meta">{byline}</div>'


def _body(rng: random.Random, outlet: Outlet, story: Story) -> str:
    """The article's paragraphs, with the layout's figures, subheads and inline ads."""
    paragraphs = list(story.paragraphs)
    if outlet.layout == "wire":
        dateline = f"{story.place.upper()}, {story.published.strftime('%b')} {story.published.day} " \
                   f"({outlet.name}) \u2014 "
        paragraphs[0] = dateline + paragraphs[0]
    html = []
    for i, text in enumerate(paragraphs):
        html.append(f"<p>{escape(text, quote=False)}</p>")
        if i == 1 and outlet.layout in ("magazine", "modern"):
            html.append(f'<figure><img src="https://static.{outlet.domain}/img/{rng.randint(10**5, 10**6)}.jpg" '
                        f'alt="{escape(story.place)}"><figcaption>{escape(story.place)}, '
                        f"{story.published.year}. Photo: {rng.choice(LAST_NAMES)}/Agency</figcaption></figure>")
        if i == 3 and rng.random() < 0.5:
            html.append('<div class="ad-slot" data-slot="mid-article">Advertisement</div>')
        if i == 4 and outlet.layout == "magazine":
            html.append(f"<h2>{escape(rng.choice(GOAL_NOUNS).capitalize())} in {escape(story.place)}</h2>")
        if i == 5 and rng.random() < 0.3:
            html.append(f'<p class="read-more"><strong>Read more:</strong> '
                        f'<a href="/news/{rng.randint(10**6, 10**7)}">Earlier coverage</a></p>')
    return f'<div class="article-body">{"".join(html)}</div>'


def _share(url: str) -> str:
    links = "".join(f'<li><a class="share-{key}" href="{prefix}{url}" rel="noopener">{label}</a></li>'
                    for key, label, prefix in SHARE_TARGETS)
    return f'<div class="share"><span>Share this article</span><ul>{links}</ul></div>'


def _related(rng: random.Random, outlet: Outlet) -> str:
    items = []
    for _ in range(rng.randint(4, 8)):
        topic = rng.choice(sorted(TOPICS))
        place, country = rng.choice(PLACES)
        headline = _capitalise(_Filler(rng, topic, place, country).fill(rng.choice(HEADLINES)))
        items.append(f'<li><a href="https://www.{outlet.domain}/{TOPICS[topic]["section"].lower()}/'
                     f'{_slug(headline)}">{escape(headline)}</a></li>')
    return f'<section class="related"><h2>Related Articles</h2><ul>{"".join(items)}</ul></section>'


def _comments(rng: random.Random) -> str:
    count = rng.randint(0, 240)
    return ('<section id="comments" class="comments">'
            f"<h3>Comments ({count})</h3><p>Leave a comment</p>"
            '<form action="/comments/post" method="post">'
            '<label for="c-name">Name</label><input id="c-name" name="name" type="text">'
            '<label for="c-email">Email</label><input id="c-email" name="email" type="email">'
            '<textarea name="comment" rows="5" placeholder="Join the discussion"></textarea>'
            '<button type="submit">Post comment</button></form></section>')


def _footer(rng: random.Random, outlet: Outlet, story: Story) -> str:
    links = "".join(f'<li><a href="/{_slug(s)}">{s}</a></li>' for s in rng.sample(FOOTER_LINKS, 8))
    return (f'<footer><ul class="footer-links">{links}</ul>'
            f'<p class="newsletter">Sign up for our daily newsletter</p>'
            f"<p>\u00a9 {story.published.year} {escape(outlet.name)}. All rights reserved.</p></footer>")


def _tags(story: Story) -> str:
    links = "".join(f'<li><a href="/topic/{_slug(t)}">{escape(t)}</a></li>' for t in story.tags)
    return f'<ul class="tags">{links}</ul>'


def render_page(rng: random.Random, outlet: Outlet, story: Story, date_mode: str,
                target_bytes: int) -> str:
    """A full HTML page for ``story`` on ``outlet``, padded with inline CSS and script data to
    about ``target_bytes`` (never cut: a page already larger stays as it is)."""
    url = _article_url(rng, outlet, story, dated=date_mode != "none")
    article = (f'<article class="story story--{outlet.layout}" id="main">'
               f'<div class="kicker">{TOPICS[story.topic]["section"]}</div>'
               f"<h1>{escape(story.headline)}</h1>"
               f'<p class="standfirst">{escape(story.summary)}</p>' if outlet.layout != "wire" else
               f'<article class="story" id="main"><h1>{escape(story.headline)}</h1>')
    article += _byline(rng, outlet, story, date_mode) + _share(url) + _body(rng, outlet, story)
    article += _tags(story) + "</article>"
    body = (f'<body class="article-page {outlet.layout}">' + _site_header(rng, outlet)
            + f'<main class="content">{article}'
            + '<div class="ad-slot" data-slot="sidebar">Advertisement</div>'
            + _related(rng, outlet) + _comments(rng) + "</main>"
            + _footer(rng, outlet, story)
            + f'<script src="https://static.{outlet.domain}/js/app.{rng.randint(1000, 9999)}.js" defer></script>'
            + "</body>")
    head = _head(rng, outlet, story, url, date_mode, "", "")
    shell = f'<!DOCTYPE html>\n<html lang="en">\n{{head}}\n{body}\n</html>\n'
    missing = target_bytes - len(shell) - len(head.encode("utf-8"))
    css_bytes = max(0, missing) * rng.randint(20, 60) // 100
    css, js = _filler_css(rng, css_bytes), _filler_js(rng, outlet, max(0, missing - css_bytes))
    return shell.replace("{head}", _head(rng, outlet, story, url, date_mode, css, js))


#: CSS properties and values they take.
_CSS_RULES = {
    "margin": ["0", "0 auto", "8px 0", "0 0 16px"], "padding": ["0", "12px 16px", "4px 8px", "1rem"],
    "color": ["#333", "#fff", "#767676", "inherit"], "background": ["#fff", "transparent", "#f6f6f6"],
    "border": ["0", "none", "1px solid #e0e0e0"], "font-size": [".875rem", "1rem", "1.25rem", "14px"],
    "line-height": ["1.2", "1.4", "1.6"], "display": ["flex", "grid", "block", "none", "inline-block"],
    "width": ["100%", "auto", "50%", "320px"], "max-width": ["1200px", "100%", "680px"],
    "grid-template-columns": ["repeat(3,1fr)", "1fr 300px", "repeat(auto-fill,minmax(240px,1fr))"],
    "text-transform": ["uppercase", "none"], "opacity": [".8", "0", "1"],
    "transition": ["opacity .2s ease", "transform .3s"], "z-index": ["1", "10", "100"],
    "position": ["relative", "absolute", "sticky"], "gap": ["8px", "16px", "24px"],
}
_CSS_PROPS = sorted(_CSS_RULES)
_CSS_NAMES = ["card", "teaser", "promo", "rail", "hero", "grid", "media", "caption", "label",
              "menu", "drawer", "ticker", "badge", "btn", "icon", "panel", "live", "topic"]


def _filler_css(rng: random.Random, size: int) -> str:
    """Site CSS rules (compact, as inlined by build tools) of about ``size`` characters."""
    rules, total = [], 0
    while total < size:
        selector = f".{rng.choice(_CSS_NAMES)}__{rng.choice(_CSS_NAMES)}"
        if rng.random() < 0.3:
            selector += f":{rng.choice(['hover', 'focus', 'first-child', 'before'])}"
        props = rng.sample(_CSS_PROPS, rng.randint(1, 5))
        decls = ";".join(f"{prop}:{rng.choice(_CSS_RULES[prop])}" for prop in props)
        rule = f"{selector}{{{decls}}}"
        if rng.random() < 0.05:
            rule = f"@media (min-width:{rng.choice([600, 768, 1024, 1280])}px){{{rule}}}"
        rules.append(rule)
        total += len(rule)
    return "".join(rules)


def _filler_js(rng: random.Random, outlet: Outlet, size: int) -> str:
    """A page-state script (menus, ad slots, experiments) of about ``size`` characters."""
    if size <= 0:
        return ""
    items, total = [], 0
    while total < size:
        kind = rng.choice(["menu", "ad", "experiment", "teaser"])
        if kind == "menu":
            item = {"type": "menu", "label": rng.choice(NAV_SECTIONS),
                    "href": f"/{_slug(rng.choice(NAV_SECTIONS))}", "children": rng.randint(0, 12)}
        elif kind == "ad":
            item = {"type": "ad", "slot": f"/{rng.randint(1000, 9999)}/{outlet.domain}/{rng.choice(_CSS_NAMES)}",
                    "sizes": [[300, 250], [728, 90]][: rng.randint(1, 2)], "lazy": rng.random() < 0.5}
        elif kind == "experiment":
            item = {"type": "experiment", "id": f"exp-{rng.randint(100, 999)}",
                    "variant": rng.choice("ABCD"), "weight": round(rng.random(), 3)}
        else:
            item = {"type": "teaser", "id": rng.randint(10**6, 10**8), "img": f"{rng.getrandbits(64):016x}",
                    "section": rng.choice(NAV_SECTIONS), "ts": rng.randint(1_600_000_000, 1_720_000_000)}
        text = json.dumps(item, separators=(",", ":"))
        items.append(text)
        total += len(text) + 1
    return "window.__PAGE_STATE__={\"modules\":[" + ",".join(items) + "]};"


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------

#: Shares of pages that repeat an earlier page or story (about 2% in all).
SAME_PAGE_AGAIN = 0.008     # the same page saved twice, under another file name
SYNDICATED = 0.006          # the same story carried by another outlet
NEAR_COPY = 0.006           # an edited version of an earlier story
#: Shares of pages by where they give their date: article:published_time, <time> only, nowhere.
DATE_MODES = (("meta", 0.80), ("time", 0.13), ("none", 0.07))
#: Page size range, bytes.
MIN_BYTES, MAX_BYTES = 8_000, 60_000
START = dt.datetime(2023, 1, 1, 0, 0)


def _target_size(rng: random.Random) -> int:
    """A page size between 8 and 60 KB, most pages between 15 and 35 KB."""
    return int(rng.triangular(MIN_BYTES, MAX_BYTES, 22_000))


def generate_pages(n: int, seed: int) -> Iterator[tuple[str, str]]:
    """``n`` synthetic news pages as ``(file name, html)`` pairs, the same for the same seed."""
    rng = random.Random(seed)
    recent: list[tuple[str, str, Story, Outlet]] = []   # a bounded pool of earlier pages
    modes, weights = zip(*DATE_MODES)
    for index in range(n):
        roll = rng.random()
        if recent and roll < SAME_PAGE_AGAIN:
            name, html, _, _ = rng.choice(recent)
            yield f"{index:06d}-{name.split('-', 1)[1].removesuffix('.html')}-copy.html", html
            continue
        if recent and roll < SAME_PAGE_AGAIN + SYNDICATED:
            story = rng.choice(recent)[2]
            outlet = rng.choice(OUTLETS)
        elif recent and roll < SAME_PAGE_AGAIN + SYNDICATED + NEAR_COPY:
            story = near_copy(rng, rng.choice(recent)[2])
            outlet = rng.choice(OUTLETS)
        else:
            story = make_story(rng, START)
            outlet = rng.choice(OUTLETS)
        date_mode = rng.choices(modes, weights)[0]
        html = render_page(rng, outlet, story, date_mode, _target_size(rng))
        name = f"{index:06d}-{_slug(outlet.name, 20)}-{_slug(story.headline, 50)}.html"
        recent.append((name, html, story, outlet))
        if len(recent) > 200:
            recent.pop(rng.randrange(len(recent)))
        yield name, html


def write_corpus(out_dir: str | Path, n: int, seed: int, stories: int = 0) -> tuple[int, int]:
    """Write ``n`` pages into ``out_dir``; returns the number of files and of bytes written.
    With ``stories`` (reports per story), pages of stories reported by many outlets
    (``story_corpus.py``) instead of mostly single reports."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = total = 0
    if stories:
        from story_corpus import generate_story_pages
        pages = generate_story_pages(n, seed, stories)
    else:
        pages = generate_pages(n, seed)
    for name, html in pages:
        data = html.encode("utf-8")
        (out / name).write_bytes(data)
        files += 1
        total += len(data)
    return files, total


def main(argv: list[str] | None = None) -> int:
    """Command line: write a corpus into a folder."""
    parser = argparse.ArgumentParser(description="Write synthetic news HTML pages into a folder.")
    parser.add_argument("out_dir", help="folder to write the pages into (created if missing)")
    parser.add_argument("--n", type=int, default=10_000, help="number of pages (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--stories", type=int, nargs="?", const=20, default=0, metavar="PER_STORY",
                        help="stories reported by many outlets, about PER_STORY reports each "
                             "(default 20): wire copies, reprints, rewrites with other counts, "
                             "names spelled by each outlet its own way")
    args = parser.parse_args(argv)
    files, total = write_corpus(args.out_dir, args.n, args.seed, args.stories)
    print(f"wrote {files:,} pages, {total / 1e6:.1f} MB, into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
