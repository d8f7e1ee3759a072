"""View dicts: the one JSON-ready shape of each record and page that the CLI's ``--json`` and its
tables, the dossier and the web app all show. Plain values, no markup and no escaping.

- ``records``: the records and rows the CLI and the web API list (articles, rejections,
  failures, stories, quotes, numbers, passages) and the summaries of an ingest or comparison run;
- ``story``: the story page, ``StoryData`` (what its sections read, loaded once) and
  ``STORY_SECTIONS``, the sections in order;
- ``pages``: the dossier, and the article, entity and search pages;
- ``sections/``: the story page's sections by family (``sources``, ``summary``, ``events``,
  ``comparison``, ``reports``, ``network``), with the event, timeline, claim-group, quote-group,
  framing and coverage views the CLI reads.
"""

from crossbearing.views.pages import (
    DossierStream,
    article_page,
    dossier_view,
    entity_page,
    search_page,
)
from crossbearing.views.story import STORY_SECTIONS, StoryData, story_page

__all__ = ["STORY_SECTIONS", "DossierStream", "StoryData", "article_page", "dossier_view",
           "entity_page", "search_page", "story_page"]
