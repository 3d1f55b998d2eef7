"""What a rendered piece of one extract depends on, so that a preview rebuild can reuse it (see generator/reuse.py).

A piece of a page that shows extracts (a block, a timeline entry, a row of a table) is reused from
the previous build only when two things are unchanged:

- the briefing's *global inputs*: every record but the extracts, the set of extract ids (a curator
  note's word becomes a link when an extract has that id), the articles, and how the site serves
  pages. When any of them changes, nothing rendered is reused;
- each shown extract's *signature*: the extract, its citation and shown quote, how it reports
  speech, its mentions, the pages that show it, and what the analysis says about it (timeline
  entries, figures, claims, conflicts), plus, for each extract its notes refer to, that extract
  and its page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Extract
from ..reuse import Reuse
from ..validate.fields import ID_PATTERN

if TYPE_CHECKING:
    from .context import RenderContext

_WORD = re.compile(rf"(?<![\w-]){ID_PATTERN.pattern}(?![\w-])")  # an id, as curated text names one


def changed_extracts(ctx: RenderContext, reuse: Reuse) -> tuple[object, set[str]]:
    """A token that stays the same object while the global inputs are unchanged, and the ids of the
    extracts whose signature changed since the previous build (all of them when the token is new)."""
    inputs = global_inputs(ctx)
    token = reuse.get(("global inputs",), inputs, object)
    changed = set()
    for extract in ctx.dataset.extracts.values():
        signature = extract_signature(ctx, extract)
        if reuse.get(("signature", extract.id), signature, lambda signature=signature: signature) is signature:
            changed.add(extract.id)  # the previous build's differed (or there was none)
    return token, changed


def global_inputs(ctx: RenderContext) -> tuple:
    """Everything pages read that is not an extract's own: when it changes, nothing rendered is reused."""
    data = ctx.dataset
    return (data.briefing, data.sources, data.topics, data.entities, data.quantities, data.events, data.claims,
            frozenset(data.extracts), ctx.articles, ctx.directory_urls, ctx.site_url)


def extract_signature(ctx: RenderContext, extract: Extract) -> tuple:
    """Everything a piece showing this extract reads about it, beyond the global inputs."""
    analysis, key = ctx.analysis, extract.id
    pages = tuple(ctx.page_on_topic(extract, topic) for topic in extract.topics)
    analysed = (tuple((entry.anchor, entry.when) for entry in analysis.by_extract_timeline.get(key, ())),
                tuple(group.quantity.id for group in analysis.by_extract_figures.get(key, ())),
                tuple(claim.id for claim in analysis.by_extract_claims.get(key, ())),
                tuple((d.anchor, d.title, ctx.discrepancy_page(d)) for d in analysis.by_extract_discrepancies.get(key, ())))
    referred = tuple((other, ctx.home_page(other)) for other in _referred(ctx, extract))
    return (extract, ctx.citations.get(key), ctx.shown_quotes.get(key), ctx.words.get(key), ctx.mentions.get(key),
            ctx.quote_mentions.get(key), pages, ctx.home_page(extract), ctx.linked.weights.get(key), analysed, referred)


def _referred(ctx: RenderContext, extract: Extract) -> list[Extract]:
    """The extracts a curator's text about this one names by id (they are shown as links labelled with their speaker)."""
    return named_extracts(ctx, extract.note, extract.dates_note)


def named_extracts(ctx: RenderContext, *texts: str) -> list[Extract]:
    """The extracts curator's texts name by id (shown as links labelled with speaker, outlet and date)."""
    extracts = ctx.dataset.extracts
    return [extracts[word] for text in texts if text for word in _WORD.findall(text) if word in extracts]
