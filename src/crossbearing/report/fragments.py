"""The small pieces of HTML that every page repeats thousands of times (a link to a source
span, an outlet's name, a date, a permalink, the cells of a coverage row), written in Python instead of as Jinja2 macros:
the same bytes as the macros they replace (``templates/partials/macros.html`` binds them under
the macros' names), without a macro call's cost for each.

Each escapes what it writes as autoescaping does (``markupsafe.escape``) and returns
:class:`~markupsafe.Markup`, as a macro does; attributes are read as the template reads them
(``Environment.getattr``: an attribute, else an item), so dicts and objects both work.
"""

from __future__ import annotations

from typing import Any, Callable

from markupsafe import Markup, escape

#: Story sections folded when the page opens (the others are open).
FOLDED = ("framing", "coverage", "quotes", "numbers", "reuse", "network")


def fragments(getattr_: Callable[[Any, str], Any],
              human_date: Callable[[Any], str]) -> dict[str, Callable[..., Markup]]:
    """The fragment functions, by the global name the templates bind; ``getattr_`` reads an
    attribute as the template does, ``human_date`` is the template filter of that name."""

    def source(links: Any, item: Any, label: Any = "source") -> Markup:
        href = links.span(getattr_(item, "article_id"), getattr_(item, "start"),
                          getattr_(item, "end"))
        return Markup(f'<a class="src" href="{escape(href)}">{escape(label)}</a>')

    def outlet(name: Any) -> Markup:
        return Markup(escape(name or "(unknown outlet)"))

    def date(value: Any, end: Any = None) -> Markup:
        if not value:
            return Markup("undated")
        shown = escape(value)
        text = "<time" + ("" if " – " in value else f' datetime="{shown}"')
        text += f' title="{shown}">{escape(human_date(value))}</time>'
        if end and end != value:
            until = escape(end)
            text += (f' – <time datetime="{until}" title="{until}">'
                     f'{escape(human_date(end))}</time>')
        return Markup(text)

    def permalink(id: Any, what: Any) -> Markup:
        what = escape(what)
        return Markup(f'<a class="permalink" href="#{escape(id)}" title="Link to {what}" '
                      f'aria-label="Link to {what}">¶</a>')

    def opened(key: Any) -> Markup:
        return Markup("" if key in FOLDED else " open")

    def coverage_cells(links: Any, cells: Any) -> Markup:
        """A coverage row's cells: ✓ and a numbered link to each span, ? unclear, or —
        omitted."""
        text = []
        for cell in cells:
            status = getattr_(cell, "status")
            text.append(f'<td class="{escape(status)}">')
            if status == "reported":
                text.append("✓ ")
                text.extend(f"{source(links, span, n)} "
                            for n, span in enumerate(getattr_(cell, "spans"), 1))
            elif status == "unclear":
                text.append('<span title="not clearly omitted: this source reports an event '
                            'that may be this one, told in other words">?</span>')
            else:
                text.append('<span title="omitted">—</span>')
            text.append("</td>")
        return Markup("".join(text))

    return {"fragment_source": source, "fragment_outlet": outlet, "fragment_date": date,
            "fragment_permalink": permalink, "fragment_opened": opened,
            "fragment_coverage_cells": coverage_cells}
