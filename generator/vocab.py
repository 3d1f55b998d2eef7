"""The words the data speaks in: stances, claim stances, qualifiers, entity kinds, reporting verbs.

Each list lives here once; validation checks against it, analysis and pages group by it, and
ingest's suggestions draw on it.
"""

from __future__ import annotations

import re

# How an extract's speaker said what the quote reports.
STANCES = (
    "stated", "claimed", "assessed", "estimated", "reported", "confirmed", "denied",
    "dismissed", "could not confirm", "did not deny", "declined to comment",
    "did not comment", "warned", "accused", "condemned", "urged", "speculated", "expected",
)
# The same stances grouped as topic pages summarise them, from firmest to denial, each with the
# words that introduce the speakers ("Stated or confirmed by NIS, Zelensky and 9 others").
STANCE_GROUPS = (
    ("Stated or confirmed by", ("stated", "confirmed", "reported", "accused", "warned", "condemned", "urged")),
    ("Claimed, assessed or expected by", ("claimed", "assessed", "estimated", "expected", "speculated")),
    ("Could not confirm, or would not comment:", ("could not confirm", "declined to comment", "did not comment")),
    ("Did not deny:", ("did not deny",)),
    ("Denied or dismissed by", ("denied", "dismissed")),
)
# The words articles use for each stance ("has not denied" -> did not deny) live with ingest, which reads
# them: generator/tools/ingest/attribution.py (STANCE_PHRASES; a test checks they name only these stances).

# Stances of an actor who does not stand behind what is reported of them.
UNSUPPORTING_STANCES = ("could not confirm", "denied", "dismissed")

# An actor's position on a key claim, and the positions that support it.
CLAIM_STANCES = ("asserts", "expects", "cannot confirm", "denies", "does not deny", "doubts")
SUPPORTING_CLAIM_STANCES = ("asserts", "expects")

# Words that hedge a figure, by what they say about the true value.
QUALIFIER_KINDS = {
    "about": "approximate", "approximately": "approximate", "around": "approximate", "some": "approximate",
    "at least": "at least", "more than": "at least", "over": "at least",
    "up to": "up to", "nearly": "up to",
}
QUALIFIERS = tuple(QUALIFIER_KINDS)

# What a figure describes: how many there were at a date (a count, or an estimate of one), how
# many are planned or expected by a date, or how many have been counted since a date.
FIGURE_KINDS = {
    "count": "count",
    "estimate": "estimate",
    "target": "target or plan",
    "cumulative": "total since",
}

# Whose words a quote is: the speaker's own (quoted by the article), the article's report of what
# was said, or a translation of either.
WORDS = {
    "direct": "own words",
    "reported": "reported speech",
    "translated": "in translation",
}

# Conflicts between sources, by how directly they bear on who said what, with a title and an explanation.
DISCREPANCY_KINDS = (
    ("claimant", "Who stands behind it", "One article gives a figure or claim to an actor; another says that actor could not confirm or denied it."),
    ("attribution", "Same words, different speakers", "Articles quote the same words but give them to different people."),
    ("figures", "Figures that cannot both be true", "Figures for the same thing at the same time, which no single number fits, even allowing for rounding and hedges such as “about”."),
    ("dates", "Dates that cannot both be right", "Articles date the same event to days that cannot coincide."),
)

ENTITY_KINDS = ("person", "organisation", "country", "place", "group")
# How a place is drawn on the map: a point (a city, a base), or a region named at an approximate centre, without a dot.
PLACE_EXTENTS = ("point", "region")
ENTITY_KIND_TITLES = {
    "person": "People",
    "organisation": "Organisations",
    "country": "Countries",
    "place": "Places",
    "group": "Groups and unnamed sources",
}

# Words that mark a quote as reporting what someone said; such an extract needs a speaker.
REPORTING_VERBS = re.compile(
    r"\b(?:said|says|stated|states|told|tells|according to|claimed|claims|announced|added|warned|warns|"
    r"believes|assessed|estimated|noted|mentioned|revealed|denied|dismissed|urged|condemned|emphasized|"
    r"flagged|informed|insisted|alleged)\b", re.IGNORECASE)

# Dates that only make sense relative to the article's own date; their resolution must be recorded.
# The lookahead on the first letters every alternative can start with makes the search twice as fast.
RELATIVE_DATES = re.compile(
    r"\b(?=[aeflmnostwy])(?:(?:on |last |this |next |earlier on |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"yesterday|today|tomorrow|(?:last|this|next) (?:week|month|year)|earlier this (?:week|month|year)|"
    r"later that day|at the time)\b", re.IGNORECASE)
# Words that place a statement in time without giving its day: it needs a resolved date or bound.
UNDATED_TIME_WORDS = re.compile(
    r"\b(?:previously|initially|earlier this (?:week|month|year)|(?:last|this|next) (?:week|month|year)|"
    r"recently|in recent (?:days|weeks|months)|since last \w+|at the time|(?:on |last )?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)|yesterday|today|tomorrow)\b", re.IGNORECASE)
