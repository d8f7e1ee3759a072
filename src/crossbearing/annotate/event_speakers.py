"""Who speaks in an event mention: the quote layer's speakers as the actors of what they say
and do. A verbal event whose trigger introduces a quotation, or whose subject is a quotation's
speaker, is that speaker's act; "I" in a speaker's own quotation is the speaker; an actor the
parse left unresolved that the article names as a resolved speaker takes that speaker's name;
and an event told inside a quotation is reported by its speaker. One resolver for who speaks,
in quotes and in events alike (docs/events.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from crossbearing.annotate.event_spans import POSSESSIVES, REFERENTS
from crossbearing.annotate.event_subjects import controlled_infinitive
from crossbearing.model import EventArgument, EventMention, Quote

#: Verbs whose subject undergoes the act: "I" is no actor of them.
UNDERGONE = frozenset({"die", "perish", "lose"})


def with_cue_speaker(args: list[EventArgument], token: Token,
                      quotes: Sequence[Quote]) -> list[EventArgument]:
    """A verbal event whose trigger introduces a quotation ("the statement urged its allies to
    …", "it called on …") is the quote's speaker's act: where the quote layer resolved that
    speaker to an actor and the parse gave none, the speaker is the event's actor. So is a
    verbal event whose subject is a quotation's speaker ("The secretary general of Nujaba has
    denounced the United States …, emphasizing that …": the quote layer knows him by name):
    one resolver for who speaks, in quotes and in events alike: its reading of a pronoun ("he
    said") comes before the events' own (``event_spans.Spans``), which serves where no
    quotation's speaker stands."""
    if any(a.role == "actor" and a.actor_id and a.text.lower() not in REFERENTS
           and a.text.lower() not in POSSESSIVES for a in args):
        return args
    quote = next((q for q in quotes if q.cue and q.speaker_actor
                  and q.cue[0] <= token.idx < q.cue[1]), None)
    if quote is None:  # "The secretary general of X has denounced …, emphasizing that …"
        quote = next((q for q in quotes if q.speaker and q.speaker_actor and any(
            a.role == "actor" and a.start < q.speaker[1] and q.speaker[0] < a.end
            for a in args)), None)
    if quote is None:
        return args
    start, end = quote.speaker or quote.cue
    name = quote.speaker_canonical or quote.speaker_text or quote.speaker_actor
    speaker = EventArgument("actor", start, end, quote.speaker_text or name, quote.speaker_actor,
                            name)
    return [speaker] + [a for a in args if a.role != "actor"]


def first_person(token: Token, quotes: Sequence[Quote]) -> list[EventArgument]:
    """The speaker as the actor of an act told in the first person inside the speaker's own
    quotation ('"So I came out here to support Chick-fil-A," Fields said'): "I" is who speaks.
    The subject is the trigger's own or, through an infinitive or a conjoined verb, the one it
    shares ("came out here to support"; not "I urged them to protest", whose subject is its
    object). None outside a quotation, with no speaker found, in the passive or in "I died",
    where the speaker undergoes the act."""
    if token.lemma_.lower() in UNDERGONE:
        return []  # "I nearly died when they shelled our house": the speaker suffered it
    verb, me = token, None
    for _ in range(3):
        if verb.lemma_ == "be" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return []  # "I've been spat at, pushed and threatened": done to the speaker
        me = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if me is not None or verb.head.i == verb.i or not (
                verb.dep_ == "conj" or controlled_infinitive(verb)):
            break  # "I urged them to protest": the protest is theirs
        verb = verb.head
    if me is None or me.lower_ != "i":
        return []
    quote = next((q for q in quotes if any(a <= token.idx < b for a, b in q.content)
                  and (q.speaker_canonical or q.speaker_text)), None)
    if quote is None:
        return []
    name = quote.speaker_canonical or quote.speaker_text
    return [EventArgument("actor", me.idx, me.idx + len(me), me.text, quote.speaker_actor, name)]


def named_as_speakers(found: list[EventMention], quotes: Sequence[Quote]) -> list[EventMention]:
    """An actor the parse left unresolved that the article names, in the same words, as a
    speaker the quote layer resolved ("The Iraqi Resistance calls on the US forces to leave" in
    a headline, "a statement issued by the Iraqi Resistance" below, resolved to the Islamic
    Resistance in Iraq): one name, one actor within an article."""
    resolved: dict[str, tuple[str, str]] = {}
    for quote in quotes:
        if quote.speaker_actor:
            name = quote.speaker_canonical or quote.speaker_actor
            for words in (quote.speaker_text, quote.descriptor):
                if words:
                    resolved.setdefault(_bare(words), (quote.speaker_actor, name))
    if not resolved:
        return found
    def named(a: EventArgument) -> EventArgument:
        speaker = resolved.get(_bare(a.text)) if a.role == "actor" and not a.actor_id else None
        return replace(a, actor_id=speaker[0], canonical=speaker[1]) if speaker else a

    result = []
    for mention in found:
        args = tuple(named(a) for a in mention.arguments)
        result.append(replace(mention, arguments=args) if args != mention.arguments else mention)
    return result


def _bare(words: str) -> str:
    """Words as compared between mentions of one name: lower case, no leading article."""
    text = " ".join(words.lower().split())
    return text[4:] if text.startswith("the ") else text


def reporter(offset: int, quotes: Sequence[Quote]) -> tuple[str | None, str | None]:
    for quote in quotes:
        if any(a <= offset < b for a, b in quote.content):
            name = quote.speaker_canonical or quote.descriptor or quote.speaker_text
            return name, quote.speaker_actor
    return None, None


