"""Who an event's argument is: the entity mention under a token, or its noun phrase with the
actor a modifier names ("US forces" → the United States), an apposition's name, the state a
nationality adjective on an act names ("Israeli strikes"), what a quantity noun counts ("a
number of fighters"), and the person "he" or "she" refers to. docs/events.md has the rules."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from crossbearing.annotate.event_agreements import AGREEMENT_NOUNS
from crossbearing.annotate.event_senses import ACTING_PEOPLE
from crossbearing.annotate.nlp import text_of
from crossbearing.kb import Actor
from crossbearing.model import EventArgument, Mention
from crossbearing.police import title_start

PRONOUNS = frozenset({"PRON"})
#: What each subject pronoun may refer back to: a person, or an organisation or a state ("US
#: Central Command said it had killed …", "Iran said it would retaliate").
REFERENTS = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "GPE")}
#: Verbs whose object is the subject's own act: "showed her support", "renewed its demand".
OWN_ACTS = frozenset({
    "show", "express", "voice", "stress", "reiterate", "repeat", "renew", "defend", "announce",
    "convey", "extend", "make", "issue", "deliver", "state", "restate", "signal", "declare",
    "continue", "step", "escalate", "intensify", "drop", "withdraw", "end", "begin", "start",
    "launch", "resume", "press", "soften", "double"})
#: The subject pronoun each possessive stands for.
POSSESSIVES = {"his": "he", "her": "she", "its": "it"}
#: Nouns that count what follows "of" ("a number of fighters", "dozens of protesters").
QUANTITY_NOUNS = frozenset({"number", "dozen", "dozens", "score", "scores", "hundred",
                            "hundreds", "thousand", "thousands", "handful", "couple", "group",
                            "host", "lot", "plenty", "majority", "minority", "rest", "ten",
                            "tens", "million", "millions", "crowd", "band"})


class Spans:
    """Finds the entity mention under a token, so that arguments carry actor ids."""

    def __init__(self, doc, mentions: list[Mention],
                 state_of: Callable[[str], Actor | None] | None = None) -> None:
        self.doc = doc
        self.state_of = state_of
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._by_token: dict[int, Mention] = {}
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self._by_token[token.i] = mention

    def person_before(self, token: Token) -> Token | None:
        """The head token of the nearest person named before ``token`` in its sentence."""
        sentence = token.sent
        for i in range(token.i - 1, sentence.start - 1, -1):
            mention = self._by_token.get(i)
            if mention is not None and mention.label == "PERSON":
                return self.doc[i]
        return None

    def at(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def names_an_accord(self, token: Token) -> bool:
        """Whether the name under ``token`` is a city's that only names an accord or a meeting
        (:func:`named_by_a_city`: "the Minsk agreement")."""
        mention = self.at(token)
        return mention is not None and named_by_a_city(token, mention)

    def _bound(self, pronoun: Token) -> Mention | None:
        """Whom a possessive pronoun on the object of a verb of showing or carrying on one's
        own act refers to: the verb's subject, where it agrees ("Bachmann showed her support
        for …", "Iraq announced its withdrawal", "Santorum defended his criticism"), else None.
        Not after verbs of answering another ("Obama refused his request": someone else's)."""
        labels = REFERENTS.get(POSSESSIVES.get(pronoun.lower_, ""))
        noun = pronoun.head
        if labels is None or pronoun.dep_ != "poss" or noun.dep_ != "dobj" or (
                noun.head.lemma_.lower() not in OWN_ACTS):
            return None
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and any(t.pos_ == "VERB" for t in subject.subtree):
            return None  # "saluted martyr Abu Baqer al-Saedi and conveyed his condolences":
            # a verb inside the subject is a clause the parse ran together, no subject
        found = self.at(subject) if subject is not None else None
        if found is None or found.label not in labels or _other_gender(pronoun, found):
            return None
        return found

    def _referred(self, pronoun: Token) -> Mention | None:
        """Who "he", "she" or "it" as a subject refers to. "he"/"she": the person named as the
        subject of an earlier clause of its sentence, else of the sentence before it in its
        paragraph (a subject is the antecedent readers take first: "Ryan opened the debate …
        At home, he accused the administration …"). "it": only in what a named organisation or
        state says, pledges or announces, the subject of that verb ("US Central Command said it
        had killed …", "Iraq said it would allow …"): elsewhere "it" refers to things as often
        as to groups ("Hezbollah condemned the strike, saying it killed three civilians": the
        strike). News writes a paragraph a sentence, so the sentence before may end the
        paragraph before ("Ryan opened the debate on taxes.⏎⏎He accused the administration");
        a person named "Mr." is no "she", one named "Mrs." or "Ms." no "he". None when no such
        name is found."""
        labels = REFERENTS.get(pronoun.lower_)
        if labels is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if pronoun.lower_ == "it":
            return self._speaker_referred(pronoun, labels)
        sentence = pronoun.sent
        for token in reversed(self.doc[sentence.start:pronoun.i]):
            if token.dep_ in ("nsubj", "nsubjpass"):
                found = self.at(token)
                if found is not None and found.label in labels:
                    return None if _other_gender(pronoun, found) else found
        if sentence.start == 0 or self._quoted(pronoun) or (
                self.person_before(pronoun) is not None):
            return None  # inside a quotation "he" is the speaker's to tell; with a person named
            # before it in its sentence ("Aides to Mr. Romney declined to say whether he …")
            # the subject before is no safe guess
        before = self.doc[sentence.start - 1].sent
        subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass")
                        and t.head.dep_ == "ROOT"), None)
        found = self.at(subject) if subject is not None else None
        if found is None or found.label not in labels or _other_gender(pronoun, found):
            return None
        return found

    def _quoted(self, pronoun: Token) -> bool:
        """Whether the pronoun stands inside a quotation opened in its sentence (an odd number
        of quotation marks before it)."""
        sentence = pronoun.sent
        before = text_of(self.doc)[sentence.start_char:pronoun.idx]
        return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1

    def _speaker_referred(self, pronoun: Token, labels: tuple[str, ...]) -> Mention | None:
        """The subject of the verb whose clausal complement ``pronoun`` is the subject of,
        where that subject names one of ``labels`` ("Iraq said [it would allow …]")."""
        clause = pronoun.head
        if clause.dep_ != "ccomp":
            return None
        subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        found = self.at(subject) if subject is not None else None
        return found if found is not None and found.label in labels else None

    def _state_acting(self, role: str, head: Token, mention: Mention) -> Actor | None:
        """The state a nationality adjective on an act names as its actor ("the American
        assassination", "Israeli strikes", "Turkish shelling"): coders code the state's forces
        for it. On a person or a group the adjective stays a description ("Iraqi lawmakers")."""
        if (role != "actor" or self.state_of is None or mention.label != "NORP"
                or mention.actor_id or head.dep_ not in ("amod", "compound", "nmod")):
            return None
        return self.state_of(mention.text)

    def _named_after_of(self, head: Token) -> Mention | None:
        """The person an apposition names after an "of" phrase ("a prominent leader of Iraq's
        Kataib Hezbollah, Abu Baqir al-Saadi"): the parser hangs the name on the group (as
        an apposition, or a conjunct with no "and"), but
        a group is no person, so the name is the leader's. Only for a noun that no name of
        its own covers."""
        if head.pos_ != "NOUN" or self.at(head) is not None:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                group = self.at(obj)
                if obj.dep_ != "pobj" or (group is not None and group.label == "PERSON"):
                    continue
                joined = any(c.dep_ == "cc" for c in obj.children)  # "X and Y": two
                for appos in obj.children:  # "X, NAME" with no "and" is an apposition
                    person = self.at(appos) if appos.dep_ == "appos" or (
                        appos.dep_ == "conj" and not joined) else None
                    if person is not None and person.label == "PERSON":
                        return person
        return None

    def _body_of_members(self, head: Token) -> Mention | None:
        """The body whose members or leaders a noun names ("leaders of the Azadliq opposition
        coalition", "members of the Association of African Jurists", "activists from the Fatah
        Party"): the event coders' actor is the organisation or the state, not its people. Not
        a former member's, a city's or an unknown people's."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in MEMBERS or _own_voice(head):
            return None  # "former members of the DNC" act for no one but themselves
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for word in [obj] + [c for c in obj.children if c.dep_ == "compound"]:
                        body = self.at(word)  # "the Fatah Party": Fatah
                        if body is not None and (body.label == "ORG" or body.actor_id and (
                                body.label in ("GPE", "NORP"))):
                            return body  # a state or a people the base knows, not "officials
                            # from New York" (a place) or "leaders of the Kurds"
        return None

    def argument(self, role: str, head: Token) -> EventArgument | None:
        """The argument headed by ``head``: the mention it is part of, or its noun phrase with
        the actor of a modifier ("US forces" → US), or an apposition's name. A nationality
        adjective the knowledge base does not hold is a description of the group, not its
        actor: "Pro-Iran Iraqi lawmakers" stay lawmakers so described. A person's police title
        is kept in the text ("Officer Betty Shelby"; the name stays the canonical one)."""
        found = self._argument(role, head)
        if found is None:
            return None
        root = self.doc.char_span(found.start, found.end, alignment_mode="expand")
        person = self.at(root.root) if root is not None else None
        if person is None or person.label != "PERSON" or person.start != found.start:
            return found
        start = _police_title_start(self.doc, person)
        if start is None:
            return found
        return EventArgument(role, start, found.end, text_of(self.doc)[start:found.end],
                             found.actor_id, found.canonical)

    def _argument(self, role: str, head: Token) -> EventArgument | None:
        if head.pos_ in PRONOUNS:
            person = (self._bound(head) or self._referred(head)) if role == "actor" else None
            if person is None:
                return None
            return EventArgument(role, head.idx, head.idx + len(head), head.text,
                                 person.actor_id, person.canonical)
        head = _counted(head, role)
        mention = self.at(head)
        if mention is not None:
            state = self._state_acting(role, head, mention)
            if state is not None:
                return EventArgument(role, mention.start, mention.end, mention.text, state.id,
                                     state.name)
            return EventArgument(role, mention.start, mention.end, mention.text,
                                 mention.actor_id, mention.canonical)
        left = min((t for t in head.lefts if t.dep_ not in ("det", "predet", "cc", "punct")
                    and not resultative(t)), key=lambda t: t.i, default=head)
        start = left.left_edge.idx if left.i != head.i else head.idx
        end = head.idx + len(head)
        text = text_of(self.doc)[start:end] if start < end else head.text
        named, named_token = None, head.i
        for child in head.children:
            if child.dep_ in ("compound", "amod", "poss", "appos", "nmod") and self.at(child):
                named, named_token = self.at(child), child.i
        if named is not None and named.label in ("PERSON",) and any(
                c.dep_ == "appos" for c in head.children):
            return EventArgument(role, named.start, named.end, named.text, named.actor_id,
                                 named.canonical)
        person = self._named_after_of(head)
        if person is not None:
            return EventArgument(role, person.start, person.end, person.text, person.actor_id,
                                 person.canonical)
        body = self._body_of_members(head) if named is None and role != "victim" else None
        if body is not None:  # "Leaders of the Azadliq coalition agreed": the coalition acts
            return EventArgument(role, start, max(end, body.end), text_of(self.doc)[
                start:max(end, body.end)], body.actor_id, body.canonical)
        if named is not None and named.label == "NORP" and not named.actor_id:
            named = None  # "Iraqi lawmakers" are lawmakers described as Iraqi, not "Iraqi"
        if named is not None and named_by_a_city(self.doc[named_token], named):
            named = None  # "signed the Minsk agreement": the accord, not Minsk
        if named is not None and named.label in ("GPE", "LOC", "FAC") and not named.actor_id and (
                head.lemma_.lower() in ACTING_PEOPLE):
            named = None  # "a New York judge" is a judge from New York, not the place
        if named is not None and _own_voice(head):
            named = None  # "former DNC chairman", "the Fox News host": no voice of the body's
        return EventArgument(role, start, end, text, named.actor_id if named else None,
                             named.canonical if named else text)


def _police_title_start(doc, mention: Mention) -> int | None:
    """Where the police title before a person's name begins (``police.title_start``: kept in
    the argument's text, which tells the coder and the ACLED export that the person acted as
    the police), or None."""
    return title_start(text_of(doc), mention.start)


#: People who act for a body they are of: "leaders of the coalition", "members of the
#: association", "activists from the party" (not its supporters or critics, who are not it).
MEMBERS = frozenset({"leader", "member", "official", "representative", "delegate", "delegation",
                     "activist", "fighter", "militant", "spokesman", "spokeswoman",
                     "spokesperson", "officer", "commander", "envoy", "diplomat", "minister"})
#: Words that make one who held a post no longer hold it: "former DNC chairman".
FORMER = frozenset({"former", "ex", "retired", "onetime", "one-time", "erstwhile", "then"})
#: People who speak for themselves, whoever employs them: "the Fox News host", "a Times
#: columnist" give their own views, as a spokesman or a minister does not.
OWN_VOICES = frozenset({"host", "anchor", "columnist", "commentator", "contributor", "pundit",
                        "analyst", "blogger", "cartoonist", "critic", "editorialist"})


def _own_voice(head: Token) -> bool:
    """Whether a person described by a body ("DNC chairman", "CIA director", "Fox News host")
    speaks and acts for himself, not for it: one who held the post no longer does ("former",
    "ex-"), and a host or a columnist gives his own views."""
    return head.lemma_.lower() in OWN_VOICES or any(
        c.dep_ in ("amod", "advmod") and c.lower_.strip("-") in FORMER for c in head.children)


#: Titles that tell a person's gender, and the pronoun each rules out.
GENDERED_TITLES = {"mr.": "she", "mr": "she", "mrs.": "he", "mrs": "he", "ms.": "he", "ms": "he",
                   "miss": "he"}


def _other_gender(pronoun: Token, person: Mention) -> bool:
    """Whether the person's title rules the pronoun out ("Mrs. Clinton" is no "he")."""
    doc = pronoun.doc
    title = doc.char_span(person.start, person.end, alignment_mode="expand")
    words = [t.lower_ for t in title] if title is not None else []
    if title is not None and title.start > 0:
        words.insert(0, doc[title.start - 1].lower_)
    said = POSSESSIVES.get(pronoun.lower_, pronoun.lower_)  # "her" is "she"
    return any(GENDERED_TITLES.get(w) == said for w in words)


#: Accords and meetings a city names ("the Paris climate accord", "the Minsk agreement", "the
#: Oslo process"): the city is where it was made, no party to it.
NAMED_BY_CITIES = AGREEMENT_NOUNS | frozenset({"accords", "protocol", "process", "format",
                                               "declaration", "communique", "talks", "summit"})


def named_by_a_city(word: Token, mention) -> bool:
    """Whether a city's name only names an accord or a meeting it modifies ("signed the Minsk
    agreement", "committed to the Paris climate accord"); a state's stays a party ("the Iran
    deal")."""
    head = word.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "the Paris climate accord"
    return (word.dep_ == "compound" and head.lemma_.lower() in NAMED_BY_CITIES
            and mention.label in ("GPE", "LOC") and bool(mention.place_id)
            and not mention.place_id.startswith("country:") and mention.actor_id is None)


def _counted(head: Token, role: str) -> Token:
    """What a quantity noun counts ("killed a number of resistance fighters", "dozens of
    protesters"): the people or things, not the number (codebook: the objects of abstract words
    are no targets); and, for an actor, the group "one of" names ("One of the nation's largest
    civil rights groups passed a resolution": the groups act through one of them; "killed one of
    the guards" killed one)."""
    for _ in range(3):  # "tens of thousands of university students": the students
        lemma = head.lemma_.lower()
        if lemma not in QUANTITY_NOUNS and not (lemma == "one" and role == "actor"):
            return head
        counted = next((obj for prep in head.children if prep.dep_ == "prep"
                        and prep.lower_ == "of" for obj in prep.children if obj.dep_ == "pobj"),
                       None)
        if counted is None:
            return head
        head = counted
    return head


def resultative(token: Token) -> bool:
    """"dead" in "shot dead two protesters", parsed as the victims' adjective: the result of
    the act, not a word of the victims' name."""
    return token.dep_ == "amod" and token.lower_ == "dead"
