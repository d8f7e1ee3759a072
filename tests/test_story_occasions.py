"""Occasion keys: the dated occasion a report's headline and lead name, and how they join reports
of one occasion written in different words while reports sharing only topic words stay apart."""

from dataclasses import replace
from datetime import date

from crossbearing.annotate.timex import find_time_expressions, resolve_time
from crossbearing.corpus.stories import (
    StoryClusterer,
    StoryParams,
    canonical_order,
    cluster,
    features,
)
from crossbearing.corpus.story_occasions import KIND_WEIGHT, occasion_keys
from crossbearing.model import Article, DateValue, Mention, TimeMention


def make_article(article_id, day, title, text):
    return Article(
        id=article_id, text=text, title=title, outlet=None, outlet_source=None, url=None,
        domain=None, published=DateValue(day, "day", "test") if day else None, authors=(),
        language="en", language_score=1.0, analysable=True, skip_reason=None, external_id=None,
        source_path="test", locator="", format="text", text_sha256="", raw_sha256="")


def times_of(article):
    """Time mentions as the annotation stage finds them (without the parser's DATE spans)."""
    anchor = date.fromisoformat(article.published.value) if article.published else None
    return [TimeMention(article.id, start, end, article.text[start:end],
                        resolve_time(article.text[start:end], anchor), None)
            for start, end in find_time_expressions(article.text)]


def keys(article, mentions=()):
    anchor = date.fromisoformat(article.published.value) if article.published else None
    return occasion_keys(article, times_of(article), anchor, mentions)


# A Friday, 2031-05-09: the Monday before is 2031-05-05, the Monday after 2031-05-12.
PREVIEW = make_article(
    "preview", "2031-05-09", "Candidates sharpen their lines",
    "Both campaigns spent the week rehearsing for Monday night's first mayoral debate at Linden "
    "Hall, where the moderator plans to press the two rivals on their records.")


def test_a_weekday_occasion_keeps_both_readings_and_its_modifiers():
    found = keys(PREVIEW)
    assert found["od:debate@2031-05-12"] == found["od:debate@2031-05-05"] == 1.0
    assert found["om:first debate"] == 0.7 and found["om:mayoral debate"] == KIND_WEIGHT[True]
    assert found["ob:debate"] == 0.5
    assert set(found) == {"od:debate@2031-05-12", "od:debate@2031-05-05", "om:first debate",
                          "om:mayoral debate", "ob:debate"}


def test_without_a_publication_day_only_names_and_absolute_dates_count():
    undated = replace(PREVIEW, published=None)
    assert keys(undated) == {"om:first debate": 0.7, "om:mayoral debate": KIND_WEIGHT[False]}
    absolute = make_article("a", None, "Budget hearing",
                            "Lawmakers meet for the June 3, 2031 hearing on the city budget.")
    assert "od:hearing@2031-06-03" in keys(absolute)


def test_a_verb_an_abstract_use_and_a_name_are_no_occasion():
    verb = make_article("v", "2031-05-09", "Council to debate budget",
                        "Councillors will debate the budget and they rally behind the mayor.")
    abstract = make_article("x", "2031-05-09", "Views",
                            "The public debate over the budget goes on.")
    assert keys(verb) == {} and keys(abstract) == {}
    text = "Economists at the Harbour Policy Forum criticised the plan."
    org = Mention("o", text.index("Harbour"), text.index(" criticised"), "Harbour Policy Forum",
                  "ORG", None, "Harbour Policy Forum", "harbour policy forum", "model")
    named = make_article("o", "2031-05-09", "Plan criticised", text)
    assert keys(named, [org]) == {} and "ob:forum" in keys(named)


def test_vice_presidential_is_one_modifier():
    article = make_article("vp", "2031-05-09", "Running mates meet",
                           "The vice presidential debate drew a large audience.")
    assert "om:vice-presidential debate" in keys(article)
    assert "om:presidential debate" not in keys(article)


def test_an_incident_is_a_key_only_with_its_place_or_date():
    text = "A shooting in Marlowe left two people injured, police said."
    place = Mention("s", text.index("Marlowe"), text.index("Marlowe") + 7, "Marlowe", "GPE",
                    None, "Marlowe", "marlowe", "model", "place:marlowe")
    article = make_article("s", "2031-05-09", "Two hurt", text)
    assert keys(article) == {}
    assert keys(article, [place]) == {"od:shooting@place:marlowe": 1.0}


def test_only_the_headline_and_lead_are_read():
    filler = " ".join(["The council met and discussed several matters of local importance."] * 8)
    article = make_article("late", "2031-05-09", "Council news",
                           filler + " Later came Monday's debate.")
    assert keys(article) == {}
    assert "ob:debate" in keys(replace(article, title="Council news before Monday's debate"))


# Reports of one debate in different words, and a column of the same days on the same race that
# shares its topic words but names no occasion.
DEBATE = [
    PREVIEW,
    make_article(
        "report", "2031-05-13", "Okafor and Brandt trade blows",
        "Councillor Ada Okafor accused Mayor Lena Brandt of hiding a deficit during the first "
        "mayoral debate on Monday, and Brandt answered that her rival had never balanced a "
        "household budget, let alone a city's."),
    make_article(
        "check", "2031-05-15", "Checking the claims",
        "Several figures cited at Monday's debate do not hold up: the deficit Okafor described "
        "is a projection, and the savings Brandt claimed include grants that have not been "
        "approved."),
]
COLUMN = make_article(
    "column", "2031-05-13", "Why transit will decide the race for mayor",
    "Okafor and Brandt agree on little, but both know the race for mayor turns on transit and "
    "housing. Voters in the eastern wards ride the slowest buses in the city and pay the "
    "highest rents; whoever convinces them that the budget can fix both will win the race for "
    "mayor.")


def debate_items(articles):
    return [features(a, times=times_of(a)) for a in articles]


def test_reports_of_one_dated_occasion_join_and_a_column_on_the_topic_does_not():
    items = debate_items(DEBATE + [COLUMN])
    stories = cluster(items)
    story = next(s for s in stories if "report" in s.members)
    assert sorted(story.members) == ["check", "preview", "report"]
    assert not any("column" in s.members and len(s.members) > 1 for s in stories)
    words_only = cluster(items, StoryParams(w_occasion=0.0))
    assert not any(sorted(s.members) == ["check", "preview", "report"] for s in words_only)


def test_another_occasion_of_the_same_name_stays_apart():
    second = make_article(
        "second", "2031-05-27", "Rematch on housing",
        "Okafor and Brandt met again on Tuesday night in the second mayoral debate, which "
        "turned on rents and the deficit.")
    stories = cluster(debate_items(DEBATE + [second]))
    assert ["second"] in [sorted(s.members) for s in stories]


def test_order_does_not_change_the_stories_and_a_later_column_leaves_them():
    items = debate_items(DEBATE + [COLUMN])
    expected = sorted(sorted(s.members) for s in cluster(items))
    assert sorted(sorted(s.members) for s in cluster(list(reversed(items)))) == expected
    clusterer = StoryClusterer()
    clusterer.count(items[:3])  # the debate first, the column counted and added later
    for item in canonical_order(items[:3]):
        clusterer.add(item)
    clusterer.add(items[3])
    assert clusterer.story_of("check") == clusterer.story_of("preview") == "story-preview"
    assert clusterer.story_of("column") == "story-column"


# A long piece whose lead names the debate once as its hook, then is about something else.
HOOK = make_article(
    "hook", "2031-05-09", "Voters split on transit",
    "Ahead of Monday night's first mayoral debate, a new survey of 800 residents finds the city "
    "divided on transit. " + " ".join(
        ["Residents of the eastern wards ride the slowest buses and pay the highest rents, and "
         "most of them say neither candidate has a plan for either."] * 5))


def test_an_occasion_named_once_in_a_longer_piece_is_its_hook_and_gives_no_key():
    assert keys(HOOK) == {}


def test_an_occasion_named_again_or_in_a_brief_gives_its_keys():
    again = replace(HOOK, text=HOOK.text + " The debates will test both candidates on it.")
    assert "od:debate@2031-05-12" in keys(again) and "om:first debate" in keys(again)
    brief = replace(HOOK, text=HOOK.text.split(" Residents")[0])
    assert "od:debate@2031-05-12" in keys(brief)
    # The headline counts as a naming, once even when the text begins with it.
    titled = replace(HOOK, title="Voters split on transit before the debate")
    assert "ob:debate" in keys(titled)
    body = HOOK.text.replace("Ahead of Monday night's first mayoral debate, a", "A")
    assert keys(replace(titled, text=titled.title + ". " + body)) == {}


def test_an_occasion_named_again_counts_its_plural_and_not_a_verb_or_an_abstract_use():
    rally = replace(HOOK, text=HOOK.text.replace("first mayoral debate", "rally"))
    assert keys(rally) == {}
    assert "ob:rally" in keys(replace(rally, text=rally.text + " Both rallies drew thousands."))
    for other_use in (" Council members will debate the plan in June.",
                      " The debate over fares goes on."):
        assert keys(replace(HOOK, text=HOOK.text + other_use)) == {}
