"""Rendering HTML from the shared templates (``crossbearing/templates``), for the dossier and the
web app alike.

Every value is escaped by Jinja2's autoescaping; data embedded in a ``<script>`` element goes
through :func:`script_json`. Pages carry a Content-Security-Policy that allows only their own
inline style and script (by hash) and no load from anywhere else.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from crossbearing.dates import human_date
from crossbearing.report.fragments import fragments

#: Characters that could end or confuse a <script> element or a JavaScript string, as escapes.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                   "\u2029": "\\u2029"}


def script_json(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``</script>``, ``<!--``,
    ``]]>`` or line separators can appear in it, whatever the data holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@dataclass(frozen=True)
class Assets:
    """The inline style and script every page carries, and the policy that allows just them."""

    css: Markup
    js: Markup
    csp: str


@functools.lru_cache(maxsize=4)
def assets(*, form_action: str = "'none'", connect: str = "'none'") -> Assets:
    """The page assets; ``form_action`` and ``connect`` widen the policy for the web app."""
    folder = resources.files("crossbearing") / "templates"
    css = (folder / "style.css").read_text(encoding="utf-8")
    js = (folder / "highlight.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; "
           f"img-src data:; connect-src {connect}; form-action {form_action}; base-uri 'none'")
    return Assets(Markup(css), Markup(js), csp)


@dataclass(frozen=True)
class Links:
    """Where a page links to: a span of an article, an article, a story, an entity (None where
    the page has no such target, as the dossier has no entity pages)."""

    span: Callable[[str, int, int], str]
    article: Callable[[str], str]
    story: Callable[[str], str]
    entity: Callable[[str], str | None]


#: Links inside the one-file dossier: fragments of the same page.
DOSSIER_LINKS = Links(span=lambda a, s, e: f"#a-{a}-{s}-{e}", article=lambda a: f"#art-{a}",
                      story=lambda s: f"#story-{s}", entity=lambda e: None)


#: Attributes of a dict (its methods): ``d.items`` is the method, as in Jinja2, not ``d["items"]``.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """Jinja2's environment, reading ``item.key`` of a plain dict (most of what the views give
    the templates) without first trying it as an attribute: the same value, or the same
    undefined, as :meth:`Environment.getattr` gives, with one dict lookup."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment over the packaged templates, autoescaping everything."""
    env = _Environment(loader=PackageLoader("crossbearing", "templates"), autoescape=True)
    env.filters["script_json"] = script_json
    env.filters["human_date"] = human_date
    env.globals.update(fragments(env.getattr, human_date))  # bound in partials/macros.html
    return env


def render(template: str, **context: Any) -> str:
    """Render a packaged template with the given context."""
    return environment().get_template(template).render(**context)


def render_pieces(template: str, **context: Any) -> Iterator[str]:
    """:func:`render`'s text piece by piece, as the template produces it (to be written out
    without holding the whole page)."""
    return environment().get_template(template).generate(**context)
