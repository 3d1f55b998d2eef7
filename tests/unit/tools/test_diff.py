"""`diff REV`: the briefing compared between a git revision and the working tree, on real git repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.pipeline import generate_site
from generator.routes import page_url
from generator.tools.diff.compare import diff_briefings
from generator.tools.diff.markdown import render_diff_markdown
from generator.tools.diff.since import MARKER
from tests.support.paths import SCENARIOS

GIT = ["git", "-c", "user.name=Diff Test", "-c", "user.email=diff@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    """Run git in the temporary repository and return its output."""
    return subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit(repo: Path, message: str) -> None:
    """Commit everything in the repository."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must occur exactly once, so a changed fixture fails loudly."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def diff(root: Path, *args: str) -> int:
    """Run the command through the CLI entry point."""
    return main(["--root", str(root), "diff", *args])


@pytest.fixture(autouse=True)
def quiet_git(tmp_path: Path, monkeypatch) -> None:
    """Keep the user's git configuration out, and never find a repository above the test's folder."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


@pytest.fixture
def repo(corpus: Path) -> Path:
    """The fixture corpus as a git repository with one commit."""
    git(corpus, "init", "-q")
    commit(corpus, "initial briefing")
    return corpus


ALPHA = Path("briefings/extracts/alpha.yml")
BETA = Path("briefings/extracts/beta.yml")
OLD_QUOTE = "Officials of Northland said on Friday that the harbour talks ended without a deal."
NEW_QUOTE = "the harbour talks ended without a deal."
NEW_EXTRACT = """  - id: treaty-year
    quote: That is the year the treaty was signed
    topics: [history]
    speaker: ministry
    stance: stated
"""
LEE_60 = """  - id: lee-60-ships
    quote: Ana Lee put the number at 60 ships.
    topics: [talks]
    speaker: ana-lee
    stance: claimed
    figures:
      - quantity: ships
        text: "60"
        value: 60
        as_of: 2024-10-19
"""


def make_edits(root: Path) -> None:
    """Shorten a quote, add and remove an extract, change a figure value and a speaker."""
    edit(root / ALPHA, OLD_QUOTE, NEW_QUOTE)
    edit(root / ALPHA, "    speaker: ana-lee\n    stance: dismissed", "    speaker: northland\n    stance: dismissed")
    edit(root / ALPHA, "  - id: admonition-line\n    quote: '!!! note This line starts like an admonition and uses "
         "*stars* and _underscores_.'\n    topics: [history]\n", NEW_EXTRACT)
    edit(root / BETA, "        value: 40\n", "        value: 45\n")


def test_committed_edits_are_reported_in_reader_terms(repo: Path, capsys) -> None:
    make_edits(repo)
    commit(repo, "edit extracts")
    assert diff(repo, "HEAD~1") == 0
    out = capsys.readouterr().out
    assert out.startswith("## Briefing changes since `HEAD~1`\n\n**Extracts:** 1 added, 1 removed, 3 changed")
    added = out.split("### Extracts added (1)")[1].split("###")[0]
    assert "**`treaty-year`**: Northland ministry, stated, in *Harbour talks end without deal* (`alpha`)" in added
    assert "> That is the year the treaty was signed" in added
    removed = out.split("### Extracts removed (1)")[1].split("###")[0]
    # Curated text is escaped: "!!!" would otherwise start an admonition, "*" emphasis.
    assert "`admonition-line`" in removed and "> &#33;&#33;&#33; note" in removed and "&#42;stars&#42;" in removed
    changed = out.split("### Extracts changed (3)")[1].split("### Figures")[0]
    assert "**`northland-no-deal`**: Northland, stated; changed: quote" in changed
    assert changed.index(f"> {OLD_QUOTE}") < changed.index("after:") < changed.index(f"> {NEW_QUOTE}")
    assert "**`lee-not-serious`**: Northland, dismissed; changed: speaker" in changed
    assert "**speaker**: Ana Lee → Northland" in changed
    assert "**`ministry-40-ships`**" in changed and "see Figures below" in changed
    assert "**Ships using the harbour**\n\n- changed: `ministry-40-ships` “40”: value 40 → 45" in out
    # 45 still disagrees with 60, and the discrepancy shows figures as written ("40"): nothing new there.
    assert "### Discrepancies" not in out
    # The removed extract was line 9's only citation: a new coverage warning.
    assert "- New: briefings/sources.yml: line 9 of alpha.txt is neither cited" in out
    pages = out.split("### Pages affected (13)")[1]
    assert pages.startswith("\n\n<details><summary>13 pages</summary>\n\n- ") and pages.endswith("\n\n</details>\n")
    for url in ("`topics/history/`", "`topics/talks/`", "`sources/alpha/`", "`figures/`", "`entities/northland/`",
                "`entities/ana-lee/`", "`who-said-what/`", "`whats-new/`"):  # who said what quotes the changed extract
        assert f"- {url}" in pages
    assert "- `topics/history/` — History &#38; &#42;markup&#42; (changed)" in pages
    assert "<script>" not in out and "Traceback" not in out


def test_uncommitted_changes_against_head_show_a_new_discrepancy(repo: Path, capsys) -> None:
    edit(repo / BETA, LEE_60, "")
    commit(repo, "drop the 60 ships")
    assert diff(repo, "HEAD~1") == 0  # committed: the figures no longer disagree
    out = capsys.readouterr().out
    assert "**Discrepancies:** 1 resolved" in out and "- **Resolved:** Ships using the harbour: 40 or 60?" in out
    assert "- removed: `lee-60-ships` “60”: 60 (Ana Lee, as of 19 Oct 2024)" in out

    (repo / BETA).write_text((repo / BETA).read_text(encoding="utf-8") + LEE_60, encoding="utf-8")
    assert diff(repo, "HEAD") == 0  # working tree, not committed
    out = capsys.readouterr().out
    assert "### Extracts added (1)" in out and "**`lee-60-ships`**: Ana Lee, claimed" in out
    assert "- **New:** Ships using the harbour: 40 or 60? (`figures-ships--ministry-40-ships`)" in out
    assert "  - Both describe 19 October 2024, and no number fits both 40 and 60." in out
    assert "  - Ana Lee: 60 (19 Oct 2024)" in out
    assert "- added: `lee-60-ships` “60”" in out


def test_no_changes(repo: Path, capsys) -> None:
    assert diff(repo, "HEAD") == 0
    assert capsys.readouterr().out == "No changes to the briefing since `HEAD`.\n"


def test_changes_outside_the_briefing_are_no_changes(repo: Path, capsys) -> None:
    (repo / "docs" / "about.md").write_text("# Rewritten\n", encoding="utf-8")
    commit(repo, "docs only")
    assert diff(repo, "HEAD~1") == 0
    assert capsys.readouterr().out == "No changes to the briefing since `HEAD~1`.\n"


def test_output_file(repo: Path, tmp_path: Path, capsys) -> None:
    edit(repo / ALPHA, OLD_QUOTE, NEW_QUOTE)
    target = tmp_path / "comment.md"
    assert diff(repo, "HEAD", "--output", str(target)) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and str(target) in captured.err
    assert target.read_text(encoding="utf-8").startswith(f"{MARKER}\n## Briefing changes since `HEAD`")


def test_output_file_that_cannot_be_written(repo: Path, tmp_path: Path, capsys) -> None:
    assert diff(repo, "HEAD", "--output", str(tmp_path / "missing" / "comment.md")) == 1
    assert "error: cannot write" in capsys.readouterr().err


def test_project_in_a_subfolder_of_the_repository(corpus: Path, tmp_path: Path, capsys) -> None:
    git(tmp_path, "init", "-q")
    commit(tmp_path, "briefing in a subfolder")
    edit(corpus / ALPHA, OLD_QUOTE, NEW_QUOTE)
    assert diff(corpus, "HEAD") == 0
    assert "**`northland-no-deal`**: Northland, stated; changed: quote" in capsys.readouterr().out


def test_unknown_revision(repo: Path, capsys) -> None:
    assert diff(repo, "no-such-branch") == 1
    captured = capsys.readouterr()
    assert "error: unknown revision 'no-such-branch'" in captured.err and captured.out == ""


def test_revision_that_looks_like_an_option_is_not_one(repo: Path, capsys) -> None:
    assert main(["--root", str(repo), "diff", "--", "--output=x"]) == 1
    assert "error: unknown revision '--output=x'" in capsys.readouterr().err
    assert not (repo / "x").exists()


def test_not_a_git_repository(corpus: Path, capsys) -> None:
    assert diff(corpus, "HEAD") == 1
    assert f"error: {corpus} is not inside a git repository" in capsys.readouterr().err


def test_revision_without_the_briefing(corpus: Path, capsys) -> None:
    git(corpus, "init", "-q")
    git(corpus, "commit", "-q", "--allow-empty", "-m", "empty start")
    commit(corpus, "add the briefing")
    assert diff(corpus, "HEAD~1") == 1
    assert "error: revision 'HEAD~1' has no briefings/ folder to compare with" in capsys.readouterr().err


def test_broken_working_tree(repo: Path, capsys) -> None:
    shutil.copyfile(SCENARIOS / "quote-not-found" / "briefings" / "extracts" / "bad.yml", repo / "briefings" / "extracts" / "bad.yml")
    assert diff(repo, "HEAD") == 1
    captured = capsys.readouterr()
    assert "briefings/extracts/bad.yml:3: quote of 'misquoted' is not in alpha.txt" in captured.err
    assert "working tree's briefing data has problems" in captured.err
    assert captured.out == "" and "Traceback" not in captured.err


def test_broken_data_at_the_revision(repo: Path, capsys) -> None:
    bad = repo / "briefings" / "extracts" / "bad.yml"
    shutil.copyfile(SCENARIOS / "quote-not-found" / "briefings" / "extracts" / "bad.yml", bad)
    commit(repo, "broken")
    bad.unlink()
    assert diff(repo, "HEAD") == 1
    err = capsys.readouterr().err
    assert "error: the briefing data at revision 'HEAD' has problems, so it cannot be compared" in err
    assert "briefings/extracts/bad.yml:3: quote of 'misquoted' is not in alpha.txt" in err


def test_usage_errors(capsys) -> None:
    assert main(["diff"]) == 2
    assert main(["diff", "HEAD", "--frobnicate"]) == 2


# --- the comparison itself, without git -------------------------------------------------------

def site(root: Path):
    """Generate the briefing under root."""
    return generate_site(root / "briefings", root / "seeds", root)


def compare(old, new):
    """Compare two generated sites."""
    return diff_briefings(old.briefing, new.briefing, old.pages, new.pages, new.directory_urls)


def test_diff_briefings_directly(corpus: Path) -> None:
    before = site(corpus)
    assert compare(before, before).is_empty()
    assert render_diff_markdown(compare(before, before), "main") == "No changes to the briefing since `main`.\n"
    edit(corpus / ALPHA, OLD_QUOTE, NEW_QUOTE)
    edit(corpus / ALPHA, "    note: Curator note with <b>tags</b> and [brackets].\n", "")
    edit(corpus / "briefings" / "entities.yml", "    role: Envoy of Southland\n", "    role: Chief envoy\n")
    result = compare(before, site(corpus))
    assert [c.new.id for c in result.extracts_changed] == ["lee-not-serious", "northland-no-deal"]
    note, quote = result.extracts_changed
    assert note.fields == ("note",) and note.new.values["note"] == ""
    assert quote.fields == ("quote",) and (quote.old.quote, quote.new.quote) == (OLD_QUOTE, NEW_QUOTE)
    assert [(r.kind, r.status, r.id, r.fields) for r in result.records] == [("entity", "changed", "ana-lee", ("role",))]
    assert not result.extracts_added and not result.extracts_removed and not result.figures
    paths = [p.path for p in result.pages]
    assert "sources/alpha.md" in paths and "entities/ana-lee.md" in paths and "sources/beta.md" not in paths
    markdown = render_diff_markdown(result, "main")
    # The removed note held HTML and link syntax: shown as text, never as markup.
    assert "**note**: Curator note with &#60;b&#62;tags&#60;/b&#62; and &#91;brackets&#93;. → (none)" in markdown
    assert "- Entity `ana-lee` (Ana Lee) changed: role" in markdown


def test_quotes_with_markup_are_escaped(corpus: Path) -> None:
    before = site(corpus)
    edit(corpus / ALPHA, "      1986. That is the year", "      That is the year")
    markdown = render_diff_markdown(compare(before, site(corpus)), "v1 `x`")
    assert markdown.startswith("## Briefing changes since v1 &#96;x&#96;\n")  # a backtick cannot end the code span
    assert "    > 1986&#46; That is the year the treaty was signed" in markdown  # not an ordered list
    assert "&#35; it still &#60;script&#62;alert(1)&#60;/script&#62; stands." in markdown
    assert "<script>" not in markdown


def test_diff_briefings_figures_and_records_added(corpus: Path) -> None:
    before = site(corpus)
    edit(corpus / BETA, "        value: 40\n", "        value: 40\n        qualifier: about\n        note: Rounded.\n")
    edit(corpus / "briefings" / "entities.yml", "entities:\n", "entities:\n  - id: southland\n    kind: country\n"
         "    name: Southland\n    description: Another fictional country.\n")
    result = compare(before, site(corpus))
    [figure] = result.figures
    assert (figure.status, figure.extract, figure.text) == ("changed", "ministry-40-ships", "40")
    assert [(c.field, c.old, c.new) for c in figure.changes] == [("qualifier", "", "about"), ("note", "", "Rounded.")]
    assert [(r.kind, r.status, r.id) for r in result.records] == [("entity", "added", "southland")]
    assert [(d.status, d.anchor) for d in result.discrepancies] == [("changed", "figures-ships--ministry-40-ships")]


def test_page_urls() -> None:
    assert page_url("index.md") == "./"
    assert page_url("topics/index.md") == "topics/"
    assert page_url("topics/deployment.md") == "topics/deployment/"
    assert page_url("who-said-what.md") == "who-said-what/"
    assert page_url("topics/deployment.md", directory_urls=False) == "topics/deployment.html"
