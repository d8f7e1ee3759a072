"""Who reported a story, and who they are: the story page's header section (its reports, their
source families, how many independent sources) and the outlet profiles shown beside an outlet's
name (country, owner, state affiliation, each with the page that documents it).

Profiles come from the bundled outlet table (:func:`crossbearing.clean.outlets.outlet_profile`),
looked up by the report's outlet name, else its domain; a fact the table does not record is left
out rather than guessed.
"""

from __future__ import annotations

from typing import Any

from crossbearing.clean.outlets import outlet_profile
from crossbearing.model import Article
from crossbearing.sources import source_label, sources_phrase


def outlet_profile_view(article: Article) -> dict[str, Any] | None:
    """What the outlet table says of a report's outlet: name, country, owner, whether it is
    state-affiliated (``yes``/``no``, None when unknown or disputed) and the page documenting
    owner and affiliation. None when the table does not know the outlet."""
    # The name first; the domain only when no outlet is named (a page on an archive's domain
    # may name the outlet that wrote it).
    found = outlet_profile(article.outlet) if article.outlet else outlet_profile(article.domain)
    if found is None:
        return None
    return {"name": found.name, "country": found.country or None, "kind": found.kind or None,
            "owner": found.owner or None,
            "state_affiliated": found.state_affiliated or None,
            "profile_source": found.profile_source or None}


def report_view(article: Article) -> dict[str, Any]:
    """One report of a story: date, source label, title and its outlet's profile."""
    published = article.published
    return {"id": article.id, "title": article.title, "outlet": article.outlet,
            "source": source_label(article),
            "published": published.value if published else None,
            "published_source": published.source if published else None,
            "outlet_source": article.outlet_source,
            "profile": outlet_profile_view(article)}


def header_section(data) -> dict[str, Any]:
    """Who reported the story, when: its reports with their outlets' profiles, how many
    independent sources they are, and which reports form one source family and why."""
    articles = sorted((report_view(a) for a in data.articles.values()), key=_by_date)
    families = data.families
    independent = families.count(data.articles)
    family_views = families.view()
    return {"articles": articles, "reports": len(articles), "independent": independent,
            "sources_phrase": sources_phrase(len(articles), independent),
            "outlets": sorted({a["source"] for a in articles if a["outlet"]}),
            "unknown_outlet": sum(1 for a in articles if not a["outlet"]),
            "families": [f for f in family_views if len(f["reports"]) > 1],
            "first_date": data.story.first_date, "last_date": data.story.last_date}


def _by_date(report: dict[str, Any]) -> tuple:
    """Reports by publication date, a date known only to the month or year by the last day it
    may be (a report of "February 2024" after those of 9 February), undated last."""
    value = report["published"] or ""
    if len(value) == 7:      # a month
        value += "-31"
    elif len(value) == 4:    # a year
        value += "-12-31"
    return (not value, value, report["id"])
