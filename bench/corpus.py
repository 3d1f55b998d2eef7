"""A synthetic briefing of N sources for benchmarks: realistic shapes, deterministic content.

Everything is written under a folder the caller chooses (a temporary one), never into the repo.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = ("officials", "said", "troops", "border", "ministry", "agency", "reported", "talks", "shipment", "training",
         "forces", "intelligence", "region", "statement", "government", "sources", "weapons", "deployment", "analysts",
         "security", "meeting", "confirmed", "envoy", "capital", "press", "conference", "summit", "military", "aid",
         "sanctions", "week", "month", "satellite", "images", "port", "ships", "units", "brigade", "camp", "front")
TOPICS = ("deployment", "arms-transfers", "reactions", "expert-analysis", "background")
EXTRACTS_PER_SOURCE = 20
ENTITIES = 200
WIRE_COPY_EVERY = 10  # every tenth article opens with the previous one's first paragraph, as agency copy does


def _sentence(rng: random.Random, number: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    words.insert(rng.randint(3, 8), f"{rng.randint(2, 90) * 100:,}")
    return f"Report {number} says " + " ".join(words) + "."


def write_corpus(root: Path, sources: int, seed: int = 7) -> None:
    """Write seeds/, briefings/, docs/ and mkdocs.yml for a briefing of `sources` articles."""
    rng = random.Random(seed)
    (root / "seeds").mkdir(parents=True)
    (root / "briefings" / "extracts").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n\nA synthetic briefing for benchmarks.\n", encoding="utf-8")
    entities = ["entities:"]
    for number in range(ENTITIES):
        entities += [f"  - id: person-{number}", "    kind: person", f"    name: Speaker Number{number}",
                     f"    aliases: [Number{number}]", "    role: Official", f"    description: Synthetic speaker {number}."]
    (root / "briefings" / "entities.yml").write_text("\n".join(entities) + "\n", encoding="utf-8")
    topics = ["topics:"]
    for order, topic in enumerate(TOPICS, start=1):
        topics += [f"  - id: {topic}", f"    title: Topic {topic}", f"    order: {order}"]
    (root / "briefings" / "topics.yml").write_text("\n".join(topics) + "\n", encoding="utf-8")
    (root / "briefings" / "briefing.yml").write_text(
        "briefing:\n  title: Synthetic briefing\n  description: Generated for benchmarks.\n", encoding="utf-8")
    (root / "briefings" / "quantities.yml").write_text(
        "quantities:\n  - id: troops\n    title: Troops\n    unit: soldiers\n", encoding="utf-8")
    source_entries = ["sources:"]
    paragraphs: list[str] = []
    for number in range(sources):
        source_id = f"source-{number:05d}"
        previous = paragraphs
        paragraphs = [" ".join(_sentence(rng, number * 100 + p * 3 + k) for k in range(3)) for p in range(EXTRACTS_PER_SOURCE)]
        if number % WIRE_COPY_EVERY == WIRE_COPY_EVERY - 1:
            paragraphs[0] = previous[0]  # the same words, usually given another speaker: a discrepancy to find
        seed_name = f"{number:05d}_synthetic.txt"
        (root / "seeds" / seed_name).write_text(f"Headline of article {number}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        day = 1 + number % 28
        source_entries += [f"  - id: {source_id}", f"    seed: {seed_name}", f"    headline: Headline of article {number}",
                           "    headline_by: article", "    outlet: unknown", f"    published: 2024-10-{day:02d}",
                           "    language: en", "    skip:", "      1: headline"]
        extracts = [f"source: {source_id}", "extracts:"]
        for index, paragraph in enumerate(paragraphs):
            quote = paragraph.split(". ")[0] + "."
            numbers = [w for w in quote.split() if w[0].isdigit() and "," in w]
            figure = numbers[0] if numbers and index % 5 == 0 else ""
            extracts += [f"  - id: x{number:05d}-{index:02d}", f"    quote: {quote}",
                         f"    topics: [{TOPICS[(number + index) % len(TOPICS)]}]",
                         f"    speaker: person-{rng.randrange(ENTITIES)}", "    stance: stated", f"    said_on: 2024-10-{day:02d}"]
            if figure:
                extracts += ["    figures:", "      - quantity: troops", f'        text: "{figure}"',
                             f"        value: {figure.replace(',', '')}"]
        (root / "briefings" / "extracts" / f"{source_id}.yml").write_text("\n".join(extracts) + "\n", encoding="utf-8")
    (root / "briefings" / "sources.yml").write_text("\n".join(source_entries) + "\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")


MKDOCS_YML = """site_name: Synthetic briefing
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search
  - briefing
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Topics:
      - topics/index.md
      - topics/deployment.md
      - topics/arms-transfers.md
      - topics/reactions.md
      - topics/expert-analysis.md
      - topics/background.md
  - Sources: sources/index.md
  - People: entities/index.md
  - About: about.md
"""
