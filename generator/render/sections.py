"""How a topic page is organised: by the questions readers bring, the most important evidence first.

An extract block shows one statement: extracts cut from one paragraph, by one speaker, at one
time, are shown together (their stances side by side: "stated and warned"). Blocks are grouped under the key claim they bear on
(in the claims' order), then under the quantity their figures count ("How many: ..."), then the
rest, by date. Inside a group, extracts the briefing leans on most come first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.analyse import Analysis
from ..link.linked import LinkedBriefing
from ..model import Extract


@dataclass(frozen=True)
class Block:
    """Extracts shown as one block: one, or several cut from one paragraph by one speaker."""

    extracts: tuple[Extract, ...]

    @property
    def first(self) -> Extract:
        """The extract whose anchor names the block."""
        return self.extracts[0]


@dataclass(frozen=True)
class Section:
    """A group of blocks on a topic page: a key claim, a quantity, or everything else."""

    anchor: str
    title: str
    kind: str  # "claim", "quantity" or "other"
    subject: str  # the claim's or quantity's id; "" for the rest
    blocks: tuple[Block, ...]

    def extracts(self) -> list[Extract]:
        """Every extract of the section, in the order shown."""
        return [e for block in self.blocks for e in block.extracts]


def blocks_of(linked: LinkedBriefing, extracts: tuple[Extract, ...]) -> list[Block]:
    """The extracts as blocks: those from one paragraph by one speaker at one time merged, in paragraph order."""
    citations = linked.citations
    by_paragraph: dict[tuple, list[Extract]] = {}
    for extract in extracts:
        citation = citations.get(extract.id)
        if citation is None or not extract.speaker:
            by_paragraph[("", extract.id)] = [extract]
            continue
        key = (extract.source, citation.line, extract.speaker, linked.said(extract))
        by_paragraph.setdefault(key, []).append(extract)
    blocks = []
    for group in by_paragraph.values():
        group.sort(key=lambda e: citations[e.id].start if e.id in citations else 0)
        blocks.append(Block(tuple(group)))
    return blocks


def _weight(linked: LinkedBriefing, block: Block) -> int:
    return max(linked.weights.get(e.id, 0) for e in block.extracts)


def topic_sections(linked: LinkedBriefing, analysis: Analysis, topic_id: str) -> tuple[Section, ...]:
    """A topic's evidence as sections: key claims in order, then quantities, then the rest by date."""
    data = linked.dataset
    claim_rank = {claim.id: n for n, claim in enumerate(analysis.claims)}
    quantity_rank = {quantity_id: n for n, quantity_id in enumerate(data.quantities)}
    grouped: dict[tuple[int, int, str], list[Block]] = {}
    for block in blocks_of(linked, linked.topic_extracts.get(topic_id, ())):
        claims = sorted({c.id for e in block.extracts for c in analysis.by_extract_claims.get(e.id, ())}, key=claim_rank.get)
        quantities = sorted({f.quantity for e in block.extracts for f in e.figures if f.quantity in quantity_rank},
                            key=quantity_rank.get)
        if claims:
            key = (0, claim_rank[claims[0]], claims[0])
        elif quantities:
            key = (1, quantity_rank[quantities[0]], quantities[0])
        else:
            key = (2, 0, "")
        grouped.setdefault(key, []).append(block)
    sections = []
    for (kind, _, subject), blocks in sorted(grouped.items()):
        if kind == 2:
            blocks.sort(key=lambda b: (linked.said(b.first).sort_key(), b.first.id))
            sections.append(Section("other-reports", "Other reports", "other", "", tuple(blocks)))
            continue
        blocks.sort(key=lambda b: (-_weight(linked, b), linked.said(b.first).sort_key(), b.first.id))
        if kind == 0:
            claim = data.claims[subject]
            sections.append(Section(f"claim-{subject}", claim.text, "claim", subject, tuple(blocks)))
        else:
            quantity = data.quantities[subject]
            sections.append(Section(f"how-many-{subject}", f"How many: {quantity.title}", "quantity", subject, tuple(blocks)))
    return tuple(sections)


def split_sections(sections: tuple[Section, ...], size: int) -> tuple[tuple[Section, ...], ...]:
    """Consecutive pages of at most about `size` extracts; a section too long for one page continues on the next."""
    pages: list[list[Section]] = [[]]
    count = 0
    for section in sections:
        blocks: list[Block] = []
        for block in section.blocks:
            if count and count + len(block.extracts) > size:
                if blocks:
                    pages[-1].append(_part(section, blocks))
                    blocks = []
                pages.append([])
                count = 0
            blocks.append(block)
            count += len(block.extracts)
        if blocks:
            pages[-1].append(_part(section, blocks))
    return tuple(tuple(page) for page in pages)


def _part(section: Section, blocks: list[Block]) -> Section:
    return Section(section.anchor, section.title, section.kind, section.subject, tuple(blocks))
