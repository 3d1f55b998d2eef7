"""Who is speaking in a statement, and how: the reporting verb, its subject and its negation.

Rules, in order: "according to X"; "X said" (the entity named last before the verb, in the same
clause); "said X" (named just after the verb); a pronoun or a role ("he said", "the ministry
said") resolved to the last speaker of that kind; "officials said" to an unnamed group whose
name has that word. Nothing found: no speaker (the article's own voice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...link.linked import Mention, find_mentions

SPEAKER_KINDS = ("person", "organisation", "country", "group")
# Quoted words, in typographic, German-style or straight quotation marks, to the end of the text if left open.
QUOTED = re.compile(r"“[^”]*(?:”|$)|„[^“”]*(?:[“”]|$)|\"[^\"]*(?:\"|$)")

# Verb phrases and the stance each states; negations first, as they contain the plain verbs.
STANCE_PHRASES = (
    (r"(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+)?den(?:y|ied)|declined\s+to\s+deny|would\s+not\s+deny", "did not deny"),
    (r"(?:could|can|cannot|can[’']t|couldn[’']t|was\s+unable\s+to|were\s+unable\s+to|did\s+not|not\s+able\s+to)\s*(?:not\s+)?"
     r"(?:yet\s+|immediately\s+|independently\s+)*(?:confirm|verify)|declined\s+to\s+confirm|no\s+confirmation", "could not confirm"),
    (r"(?:has|have|had)\s+not\s+(?:yet\s+)?(?:commented|responded)", "did not comment"),
    (r"declined\s+to\s+comment|did\s+not\s+(?:immediately\s+)?(?:respond|comment)", "declined to comment"),
    (r"neither\s+confirm(?:s|ed)?\s+nor\s+den(?:y|ies|ied)", "did not deny"),
    (r"den(?:y|ies|ied)", "denied"),
    (r"dismiss(?:es|ed|ing)?|rejected|call(?:ed|ing)\s+(?:the\s+)?(?:claims?|reports?|allegations?)|"
     r"call(?:ed|ing)\s+(?:\w+\s+){1,3}(?:fake|false|nonsense|lies?)", "dismissed"),
    (r"confirm(?:s|ed)", "confirmed"),
    (r"warn(?:s|ed)", "warned"),
    (r"accus(?:es|ed)", "accused"),
    (r"condemn(?:s|ed|ing)|slam(?:s|med|ming)|criticis(?:es|ed|ing)|criticiz(?:es|ed|ing)", "condemned"),
    (r"urg(?:es|ed|ing)|request(?:s|ed|ing)|call(?:s|ed|ing)\s+for|demand(?:s|ed|ing)", "urged"),
    (r"claim(?:s|ed)|alleg(?:es|ed)", "claimed"),
    (r"estimat(?:es|ed)|put(?:s|ting)?\s+(?:the\s+)?(?:figure|number|toll|total|count)(?:\s+of(?:\s+[\w’'-]+){1,4}?)?\s+at",
     "estimated"),
    (r"speculat(?:e|es|ed|ing|ions?)", "speculated"),
    (r"(?:is|are|was|were)\s+(?:also\s+)?(?:concerned|worried)|fears?|feared", "warned"),
    (r"expects?|expected|predicts?|predicted|(?:is|are)\s+likely|will\s+likely|(?:is|are|was|were)\s+(?:set|poised)\s+to", "expected"),
    (r"assess(?:es|ed|ment)|believes?|believed|thinks?|likely|appears?|seems?|suggest(?:s|ed)?|question(?:s|ed)?|"
     r"doubt(?:s|ed)?|(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+)?(?:skeptical|sceptical|doubtful)", "assessed"),
    (r"report(?:s|ed)|cit(?:es|ed|ing)|geolocated", "reported"),
    (r"sa(?:id|ys|y)|told|tells|stated|states|added|announced|noted|revealed|according\s+to|explained|insisted|"
     r"emphasi[sz]ed|stressed|wrote|posted|described|mentioned|informed|expressed|briefed|testified|highlighted|"
     r"pointed\s+out|argued|cautioned|telling|saying|calling|hint(?:s|ed)|flagg(?:ed|ing)", "stated"),
)
VERB = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p, _ in STANCE_PHRASES) + r")\b", re.IGNORECASE)
# Acts of saying (not of thinking or expecting): only these date the saying ("said on Tuesday").
SPEECH_VERB = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p, s in STANCE_PHRASES if s not in ("assessed", "expected")) + r")\b",
                         re.IGNORECASE)
_STANCE_OF = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), stance) for p, stance in STANCE_PHRASES]
PRONOUNS = {"he": "person", "she": "person", "they": "", "it": ""}
ROLES = {"ministry": "organisation", "office": "organisation", "agency": "organisation", "spokesman": "person",
         "spokeswoman": "person", "spokesperson": "person", "president": "person", "minister": "person",
         "chief": "person", "secretary": "person", "leader": "person", "general": "person", "director": "person",
         "government": "country", "kremlin": "organisation"}


@dataclass(frozen=True)
class Attribution:
    """Who speaks (an entity id, or "" for the article's own voice), the stance, and how it was found."""

    speaker: str
    stance: str
    how: str


_WARNING = re.compile(r"\b(?:threat\w*|danger\w*|consequences?|escalat\w*|serious problem|fair game|grave|alarming|"
                      r"risks?|concern(?:ing|ed)?)\b", re.IGNORECASE)
ANALYST = re.compile(r"\b(?:professors?|analysts?|experts?|researchers?|fellow|scholars?|think tank|institute|university|retired)\b",
                     re.IGNORECASE)


def stance_of(phrase: str, analyst: bool = False) -> str:
    """The stance a statement takes: its strongest reporting phrase ("has not denied" -> did not deny); plain
    "said" becomes "warned" when the words are a warning, and an analyst's plain "said" an assessment."""
    stance = next((stance for pattern, stance in _STANCE_OF if pattern.search(phrase)), "stated")
    if stance == "stated" and _WARNING.search(phrase):
        return "warned"
    return "assessed" if stance == "stated" and analyst else stance


_IMPERSONAL = re.compile(r"\b(?:there\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+|some\s+|widespread\s+|growing\s+)*"
                         r"speculations?|(?:it\s+)?(?:is|are|was|were)\s+(?:widely\s+|also\s+)?believed)$",
                         re.IGNORECASE)
_REPORTS = re.compile(r"\s+(?:(?:some|media|unconfirmed|press|news|other)\s+)?reports\b", re.IGNORECASE)
# Words between a subject and its verb ("governments have long accused", "Russia has previously denied").
_AUXILIARY = r"(?:have|has|had|also|long|all|both|jointly|themselves|itself|repeatedly|previously|initially|\w+ly)"
_GROUP_WORDS = {"unnamed", "several", "multiple", "various", "and", "or", "the", "of", "jointly"}


class Speakers:
    """Attribution across an article: remembers the last speaker of each kind for pronouns and roles."""

    def __init__(self, pattern, owner: dict[str, str], kinds: dict[str, str], names: dict[str, str],
                 analysts: frozenset[str] = frozenset(), capitals: dict[str, str] | None = None) -> None:
        self.pattern, self.owner, self.kinds, self.names, self.analysts = pattern, owner, kinds, names, analysts
        self.capitals = capitals or {}  # a capital's place id -> its country's id ("Moscow has denied": Russia)
        self.spellings: dict[str, str] = {}  # entity -> every name it goes by ("Seoul’s spy agency" for the NIS)
        for name, entity in owner.items():
            self.spellings[entity] = f"{self.spellings.get(entity, '')} / {name}"
        self.last: dict[str, str] = {}  # kind ("" for any) -> entity id
        self.order: list[str] = []  # every speaker so far, in order

    def _remember(self, entity: str) -> None:
        self.order.append(entity)
        self.last[""] = entity
        self.last[self.kinds.get(entity, "")] = entity

    def attribute(self, sentence: str) -> Attribution:
        """The speaker and stance of one statement."""
        # Words inside quotation marks are what is said, not who says it.
        quoted = [m.span() for m in QUOTED.finditer(sentence)]
        outside = lambda start: not any(a <= start < b for a, b in quoted)  # noqa: E731
        named = find_mentions(sentence, self.pattern, self.owner)
        named = [Mention(self.capitals[m.entity], m.start, m.end) if m.entity in self.capitals else m for m in named]
        mentions = [m for m in named if self.kinds.get(m.entity) in SPEAKER_KINDS and outside(m.start)]
        # Nor is a name a verb ("the United States" does not "state").
        verbs = [v for v in VERB.finditer(sentence) if outside(v.start()) and not any(m.start <= v.start() < m.end for m in named)]
        if not verbs:
            return Attribution("", "", "no reporting verb: the article's own voice")
        # "according to X" names the source outright ("are believed to …, according to X"), unless it is part of what
        # someone said ("Zelensky said that according to Ukraine's intelligence …").
        verbs.sort(key=lambda v: not (v.group(0).lower().startswith("according") and not re.search(r"\bthat\b", sentence[:v.start()])))
        for verb in verbs:
            found = self._subject(sentence, verb, mentions)
            if found:
                entity, how = found
                self._remember(entity)
                # The speaker's own verb first ("accused ..., a charge X denied" -> accused), else what the whole
                # statement does ("said it could not confirm" -> could not confirm); a noun near the verb ("concern
                # about the reports") says nothing of the stance.
                own = stance_of(verb.group(0), entity in self.analysts)
                stance = own if own not in ("stated", "assessed") else stance_of(sentence, entity in self.analysts)
                return Attribution(entity, stance, how)
        return Attribution("", stance_of(verbs[0].group(0)), "a reporting verb without a named speaker")

    def _subject(self, sentence: str, verb: re.Match, mentions: list[Mention]) -> tuple[str, str] | None:
        phrase = verb.group(0).lower()
        later_source = re.search(r"\baccording to\b", sentence[verb.end():], re.IGNORECASE)  # "are believed …, according to X"
        if (_IMPERSONAL.search(sentence[:verb.end()]) and not later_source) or (phrase.startswith("according")
                                                                                and _REPORTS.match(sentence, verb.end())):
            # "It is believed that", "there is speculation that", "according to reports": nobody named speaks.
            group = self._unnamed_group("reports")
            return (group, "an impersonal report (“it is believed”, “there is speculation”)") if group else None
        if phrase.startswith("according"):
            return self._according_to(sentence, verb, mentions)
        before = sentence[:verb.start()]
        quoted_as = re.search(r"\bquot(?:ed|es|ing)\s+(?P<who>(?:[\w’'.-]+\s+){1,6}?)as\s+$", before)
        if phrase == "saying" and quoted_as:  # "a lawmaker quoted the agency as saying": the agency speaks
            return self._quoted_as(quoted_as, mentions)
        # The subject is the word before the verb, past auxiliaries and adverbs ("governments have long accused").
        word = re.search(rf"(\w+)\W*(?:\b{_AUXILIARY}\W+)*$", before)
        subject = word.group(1).lower() if word else ""
        # Right before the verb, or before a participle after a comma ("South Korean media, citing the NIS").
        gap = r"\s*,?\s*" if phrase.endswith("ing") else r"[^\w,]*"
        named_here = [m for m in mentions if m.end <= verb.start()
                      and re.fullmatch(rf"{gap}(?:{_AUXILIARY}\W+)*", sentence[m.end:verb.start()])]
        if named_here:  # "Austin said", "South Korea’s spy agency said"
            person = self._person_of(sentence, named_here[-1], mentions)
            if person:
                return person, "named before “of” and their organisation, then the reporting verb"
            joint = self._joint(sentence, named_here[-1], mentions)
            if joint:
                return joint, "several named together before the reporting verb"
            return named_here[-1].entity, "named just before the reporting verb"
        if subject in PRONOUNS and self.last.get(PRONOUNS[subject]):
            return self.last[PRONOUNS[subject]], f"“{subject}” refers to the last speaker"
        # "officials", but not "Russia" (a name: named_here had it, or it is no speaker here)
        group = self._unnamed_group(subject) if word and not any(m.start <= word.start(1) < m.end for m in mentions) else ""
        if group:
            return group, f"unnamed “{subject}”"
        if subject in ROLES:  # "the South Korean intelligence agency stated": the agency spoke before, by that name
            known_as = self._known_as(subject)
            if known_as:
                return known_as, f"“the {subject}” refers to the last speaker known by that word"
        clause_start = max(before.rfind(mark) for mark in (".", ";", "—", "“", "\"")) + 1
        near = [m for m in mentions if clause_start <= m.start and m.end <= verb.start() and verb.start() - m.end < 100
                and not re.search(r"\b(?:told|to|with|by|against|on|about|for|from|of|in)\s+(?:the\s+)?$", before[:m.start])]
        # "Kyrylo Budanov, director of the ... Directorate, told": the name before the apposition speaks.
        apposed = [m for m in near if re.fullmatch(r"\s*,[^,]+,\s*", sentence[m.end:verb.start()])]
        if apposed:
            return apposed[0].entity, "named before a description, then the reporting verb"
        role = re.match(r"\s+(?:the|a)\s+(?:[\w’'-]+\s+){0,2}?(\w+)\b", sentence[verb.end():])  # "said the Nato chief"
        for noun in (subject, role.group(1).lower() if role else ""):
            if noun in ROLES and not near:
                # "the ministry said": the last speaker whose name has that word, else the last of that kind.
                named = self._known_as(noun)
                if named or self.last.get(ROLES[noun]):
                    return named or self.last[ROLES[noun]], f"“the {noun}” refers to the last speaker of that kind"
        possessed = self._possessed(sentence[near[-1].end:verb.start()], near[-1].entity) if near else ""
        if possessed:  # "South Korea's presidential office said": the office, not the country
            return possessed, "what the name before “’s” owns, then the reporting verb"
        if near:
            person = self._person_of(sentence, near[-1], mentions)
            if person:
                return person, "named before “of” and their organisation, then the reporting verb"
            # "Lim Eul-chul, a professor at Kyungnam University, said": the last name before the verb.
            return near[-1].entity, "named shortly before the reporting verb"
        after = [m for m in mentions if m.start >= verb.end() and m.start - verb.end() < 25]
        # "said Rutte"; but whom one tells is not the speaker ("telling a NATO summit"), nor what a participle is about
        # ("saying Russia's cooperation …").
        if (after and not re.search(r"\b(?:to|that|the|a|an)\b", sentence[verb.end():after[0].start])
                and not phrase.startswith("tel") and not phrase.endswith("ing")):
            return after[0].entity, "named just after the reporting verb"
        return None

    def _person_of(self, sentence: str, organisation: Mention, mentions: list[Mention]) -> str:
        """The person named before "of" and this organisation ("Lim Eul-chul of Kyungnam University …"), or ""."""
        people = [m for m in mentions if m.end <= organisation.start and self.kinds.get(m.entity) == "person"
                  and re.fullmatch(r"\s+of\s+[^,;]*", sentence[m.end:organisation.start])]
        return people[-1].entity if people else ""

    def _possessed(self, between: str, owner: str) -> str:
        """The entity a possessive names ("’s presidential office" -> the presidential office), by its name or its role."""
        found = re.fullmatch(r"[’']s\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s*(?:(?:has|have|had|also|\w+ly)\s+)*", between)
        if not found:
            return ""
        phrase = found.group(1).lower()
        named = [e for e, names in self.spellings.items() if e != owner and re.search(rf"\b{re.escape(phrase)}\b", names, re.IGNORECASE)]
        if len(named) == 1:
            return named[0]
        role = phrase.split()[-1]
        return self._known_as(role) if role in ROLES else ""

    def _according_to(self, sentence: str, verb: re.Match, mentions: list[Mention]) -> tuple[str, str] | None:
        # The words that follow, up to the clause's end: "according to Western governments", "… U.S. officials".
        words = re.findall(r"[\w’'.-]+", re.match(r"[^,;:“\"()]*", sentence[verb.end():]).group(0))[:5]
        noun = next((w.rstrip(".") for w in words if w[:1].islower() and self._unnamed_group(w.rstrip(".").lower())), "")
        after = [m for m in mentions if m.start >= verb.end() and m.start - verb.end() < 60]
        if after and len(after) > 1 and re.match(r"[’']s\s", sentence[after[0].end:]) and after[1].start - after[0].end < 40:
            return after[1].entity, "“according to” names it"  # "according to South Korea's National Intelligence Service"
        if after and not (noun and re.search(rf"{re.escape(noun)}\W*$", sentence[after[0].end:after[0].end + len(noun) + 2])):
            return after[0].entity, "“according to” names it"
        # Unnamed: "according to officials"; a nationality before the noun does not make a country speak.
        return (self._unnamed_group(noun.lower()), f"unnamed “{noun}”") if noun else None

    def _quoted_as(self, found: re.Match, mentions: list[Mention]) -> tuple[str, str] | None:
        inside = [m for m in mentions if found.start("who") <= m.start < found.end("who")]
        if inside:
            return inside[-1].entity, "“quoted … as saying” names it"
        noun = found.group("who").split()[-1].lower()
        known = (self._known_as(noun) or self.last.get(ROLES[noun], "")) if noun in ROLES else self._unnamed_group(noun)
        return (known, f"“quoted the {noun} as saying”: the last speaker known by that word") if known else None

    def _known_as(self, noun: str) -> str:
        """The last speaker with a name that has this word ("agency": the NIS, known as "Seoul’s spy agency")."""
        return next((e for e in reversed(self.order) if re.search(rf"\b{noun}\b", self.spellings.get(e, ""), re.IGNORECASE)), "")

    def _joint(self, sentence: str, last: Mention, mentions: list[Mention]) -> str:
        """A group standing for several speakers named together ("Russia and North Korea have dismissed")."""
        together = [last]
        for mention in reversed([m for m in mentions if m.end <= last.start]):
            if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", sentence[mention.end:together[0].start]):
                break
            together.insert(0, mention)
        # A list ends with "and" ("Seoul, Washington and Tokyo"); "In Ukraine, Peskov said" is no list.
        if len(together) < 2 or "and" not in sentence[together[-2].end:together[-1].start]:
            return ""
        names = [self.names.get(m.entity, "") for m in together]
        groups = [entity for entity, name in sorted(self.names.items()) if self.kinds.get(entity) == "group"]
        both = [g for g in groups if all(n and n.lower() in self.names[g].lower() for n in names)]
        several = [g for g in groups if re.search(r"\bseveral\b", self.names[g], re.IGNORECASE)]
        return (both or several or [""])[0]

    def _unnamed_group(self, noun: str) -> str:
        """An unnamed group whose name has the noun ("officials" -> Unnamed government officials)."""
        if len(noun) < 4 or noun in PRONOUNS:
            return ""
        stem = noun[:-1] if noun.endswith("s") else noun
        # The plainest such group: fewest words besides the noun ("officials": "Unnamed government officials",
        # not "Senior presidential official"; "governments": "Several governments", not "… government officials").
        fits = [(len([w for w in re.findall(r"\w+", name.lower()) if w not in _GROUP_WORDS and not w.startswith(stem[:-1])]), entity)
                for entity, name in self.names.items()
                if self.kinds.get(entity) == "group" and re.search(rf"\b{re.escape(stem)}s?\b", name, re.IGNORECASE)]
        return min(fits)[1] if fits else ""
