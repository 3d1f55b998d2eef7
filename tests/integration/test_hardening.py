"""Hostile and unusual input: nothing reaches readers as markup, nothing escapes, nothing is lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

from generator.cli.main import main
from generator.load.yaml_file import YamlFileError, read_yaml
from tests.support.build import build_site
from tests.support.paths import CORPUS
from tests.support.sitehtml import site_path


def _digest(*folders: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


def test_markup_in_names_titles_and_notes_is_shown_as_text(corpus: Path, tmp_path: Path):
    entities = corpus / "briefings" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "name: Ana Lee", "name: Ana <img src=x onerror=alert(1)> Lee"), encoding="utf-8")
    topics = corpus / "briefings" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        "title: Harbour talks", 'title: "Harbour </title><iframe src=//evil> talks"'), encoding="utf-8")
    extracts = corpus / "briefings" / "extracts" / "alpha.yml"
    extracts.write_text(extracts.read_text(encoding="utf-8").replace(
        "note: Curator note with <b>tags</b> and [brackets].", "note: '<script>alert(2)</script> {{ x }} --8<-- \"f\" <!-- c -->'"),
        encoding="utf-8")
    result = build_site(corpus, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in ("topics/talks.md", "entities/ana-lee.md", "index.md", "timeline.md", "who-said-what.md"):
        html = site_path(tmp_path / "site", page).read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<iframe src=//evil" not in html and "<script>alert(2)" not in html, page
        assert "</title><iframe" not in html, page
    talks = site_path(tmp_path / "site", "topics/talks.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in talks or "&#60;script&#62;alert(2)" in talks
    assert "--8&lt;--" in talks or "--8&#60;--" in talks


def test_seed_symlink_out_of_seeds_is_refused(corpus: Path, capsys):
    outside = corpus.parent / "outside.txt"
    outside.write_text("Secret text.\n", encoding="utf-8")
    (corpus / "seeds" / "alpha.txt").unlink()
    os.symlink(outside, corpus / "seeds" / "alpha.txt")
    assert main(["--root", str(corpus), "check"]) == 1
    assert "seed 'alpha.txt' points outside the seeds folder" in capsys.readouterr().err


def test_names_in_other_scripts_get_stable_distinct_pages(corpus: Path, tmp_path: Path):
    more = corpus / "briefings" / "more.yml"
    more.write_text("entities:\n"
                    "  - id: kim-korean\n    kind: person\n    name: 김정은\n    role: Leader\n    description: Korean script.\n"
                    "  - id: kim-cyrillic\n    kind: person\n    name: Ким Чен Ын\n    role: Leader\n    description: Cyrillic script.\n",
                    encoding="utf-8")
    extracts = corpus / "briefings" / "extracts" / "alpha.yml"
    extracts.write_text(extracts.read_text(encoding="utf-8").replace(
        "    speaker: ana-lee\n    stance: dismissed\n", "    speaker: ana-lee\n    stance: dismissed\n    mentions: [kim-korean, kim-cyrillic]\n"),
        encoding="utf-8")
    assert main(["--root", str(corpus), "check", "--strict"]) == 0
    result = build_site(corpus, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "김정은" in site_path(tmp_path / "site", "entities/kim-korean.md").read_text(encoding="utf-8")
    assert "Ким Чен Ын" in site_path(tmp_path / "site", "entities/kim-cyrillic.md").read_text(encoding="utf-8")


def test_builds_are_identical_after_touching_modification_times(corpus: Path, tmp_path: Path):
    assert build_site(corpus, tmp_path / "one").returncode == 0
    later = time.time() + 86400
    for path in (corpus / "briefings").rglob("*"):
        os.utime(path, (later, later))
    assert build_site(corpus, tmp_path / "two", SOURCE_DATE_EPOCH="1000000000").returncode == 0
    one, two = _digest(tmp_path / "one"), _digest(tmp_path / "two")
    assert [Path(p).relative_to(tmp_path / "one") for p in one] == [Path(p).relative_to(tmp_path / "two") for p in two]
    assert list(one.values()) == list(two.values())


def test_failed_build_changes_nothing_in_the_work_tree(corpus: Path, tmp_path: Path):
    (corpus / "briefings" / "extracts" / "bad.yml").write_text("extracts:\n  - id: x\n", encoding="utf-8")
    before = _digest(corpus / "docs", corpus / "briefings", corpus / "seeds")
    assert build_site(corpus, tmp_path / "site").returncode != 0
    assert _digest(corpus / "docs", corpus / "briefings", corpus / "seeds") == before


def test_alias_bomb_is_refused_quickly(tmp_path: Path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    bomb = tmp_path / "bomb.yml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    try:
        read_yaml(bomb, "bomb.yml")
    except YamlFileError as exc:
        assert "anchors and aliases" in str(exc)
    else:
        raise AssertionError("the alias bomb was accepted")
    assert time.perf_counter() - started < 2


def test_urls_other_than_http_are_refused_in_any_spelling(corpus: Path, capsys):
    sources = corpus / "briefings" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    for url in ("JaVaScRiPt:alert(1)", "'  javascript:alert(1)'", "data:text/html,<b>x</b>", "ftp://example.org/x"):
        sources.write_text(text.replace("url: https://example.org/alpha", f"url: {url}"), encoding="utf-8")
        assert main(["--root", str(corpus), "check"]) == 1
        assert "is not an http(s) address" in capsys.readouterr().err, url


def test_very_large_input_is_handled(corpus: Path, capsys):
    """A 1 MB quote and 10,000 extracts in one file load and verify (speed is the benchmark's business)."""
    big = "word " * 200_000
    (corpus / "seeds" / "big.txt").write_text("Big article\n\n" + big.strip() + " end.\n", encoding="utf-8")
    sources = corpus / "briefings" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "  - id: big\n    seed: big.txt\n    headline: Big article\n"
                       "    headline_by: article\n    outlet: unknown\n    published: 2024-10-20\n    language: en\n"
                       "    skip:\n      1: headline\n", encoding="utf-8")
    big_quote = ["source: big", "extracts:", "  - id: big-quote", "    quote: >-", "      " + big.strip() + " end.", "    topics: [talks]"]
    (corpus / "briefings" / "extracts" / "big.yml").write_text("\n".join(big_quote) + "\n", encoding="utf-8")
    many = ["source: alpha", "extracts:"]
    for number in range(10_000):
        many += [f"  - id: many-{number}", "    quote: the harbour talks ended without a deal", "    topics: [talks]"]
    (corpus / "briefings" / "extracts" / "many.yml").write_text("\n".join(many) + "\n", encoding="utf-8")
    assert main(["--root", str(corpus), "check"]) == 0
    assert "10010 quotes found verbatim" in capsys.readouterr().out


# --- Second hardening round (issue 13): nothing lost, nothing injected ------------------------------

def test_export_refuses_the_data_seeds_docs_and_the_project(corpus: Path, capsys):
    before = _digest(corpus)
    for target in ("docs/sub", "docs", "briefings/out", "seeds/x", ".", ".."):
        assert main(["--root", str(corpus), "export", str(corpus / target)]) == 2, target
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "Traceback" not in err, err
    assert _digest(corpus) == before


def test_export_into_an_unwritable_folder_is_a_clear_error(corpus: Path, tmp_path: Path, monkeypatch, capsys):
    from generator.export import folder as export

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "out" / "docs"))

    monkeypatch.setattr(export.shutil, "copytree", refuse)
    assert main(["--root", str(corpus), "export", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "cannot write the export" in err and "Permission denied" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing half-written left behind


def test_export_refuses_a_generated_page_that_would_replace_a_hand_written_file(corpus: Path, tmp_path: Path, capsys):
    (corpus / "docs" / "timeline").mkdir()
    (corpus / "docs" / "timeline" / "index.html").write_text("<p>mine</p>\n", encoding="utf-8")
    assert main(["--root", str(corpus), "export", str(tmp_path / "out")]) == 2
    assert "timeline/index.html (generated: timeline.md)" in capsys.readouterr().err


def _git_repo(corpus: Path) -> None:
    import subprocess
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-C", str(corpus)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)


def test_diff_output_never_overwrites_data_or_other_files(corpus: Path, capsys, monkeypatch):
    _git_repo(corpus)
    monkeypatch.chdir(corpus)
    before = _digest(corpus / "briefings")
    for target in ("briefings/entities.yml", "briefings/new.md", "docs/about.md", "seeds/alpha.txt", ".git/config"):
        assert main(["--root", str(corpus), "diff", "HEAD", "--output", target]) == 2, target
        assert "Traceback" not in capsys.readouterr().err
    assert _digest(corpus / "briefings") == before
    (corpus / "notes.md").write_text("my notes\n", encoding="utf-8")
    assert main(["--root", str(corpus), "diff", "HEAD", "--output", "notes.md"]) == 2
    assert "was not written by this command" in capsys.readouterr().err
    assert (corpus / "notes.md").read_text(encoding="utf-8") == "my notes\n"
    assert main(["--root", str(corpus), "diff", "HEAD", "--output", "comment.md"]) == 0
    assert main(["--root", str(corpus), "diff", "HEAD", "--output", "comment.md"]) == 0  # its own file: replaced


def test_diff_comment_pings_nobody(corpus: Path, capsys):
    from generator.tools.diff.markdown import ZWSP

    _git_repo(corpus)
    alpha = corpus / "briefings" / "extracts" / "alpha.yml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace(
        "note: Curator note with <b>tags</b> and [brackets].",
        "note: 'Ask @octocat and @acme/editors :rocket: see https://evil.example/x or www.evil.example, fixes #12'"),
        encoding="utf-8")
    assert main(["--root", str(corpus), "diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "Ask @" in out  # the note is there
    for live in ("@octocat", "@acme", ":rocket:", "https://", "www.evil", "#12", "&#35;12"):
        assert live not in out, live
    assert f"@{ZWSP}octocat" in out and f"https{ZWSP}://" in out


def test_ingest_refuses_odd_ids_and_huge_files(corpus: Path, tmp_path: Path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("A headline\n\nPublished October 18, 2024\n\nSome text of the article.\n", encoding="utf-8")
    for bad in ("new-id\n", "a" * 300, "UPPER"):
        assert main(["--root", str(corpus), "ingest", str(article), "--id", bad]) == 1
        err = capsys.readouterr().err
        assert "is not a valid id" in err and "Traceback" not in err
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<html><body>" + b"<p>word word word</p>" * 300_000 + b"</body></html>")
    assert main(["--root", str(corpus), "ingest", str(huge)]) == 1
    err = capsys.readouterr().err
    assert "MB; an article page is rarely over" in err and "Traceback" not in err
    assert sorted(p.name for p in (corpus / "seeds").iterdir()) == ["alpha.txt", "beta.txt"]


def test_root_causes_come_first(corpus: Path, capsys):
    (corpus / "briefings" / "zz.yml").write_text("topics: [\n", encoding="utf-8")  # unreadable, sorts last by name
    extracts = corpus / "briefings" / "extracts" / "alpha.yml"
    extracts.write_text(extracts.read_text(encoding="utf-8").replace("topics: [talks]", "topics: [nowhere]", 1), encoding="utf-8")
    assert main(["--root", str(corpus), "check"]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if not line.startswith(" ")]
    assert lines[1].startswith("briefings/zz.yml:") and "not valid YAML" in lines[1]
    assert any("unknown topic 'nowhere'" in line for line in lines[2:])


def test_an_impossible_skip_range_costs_no_memory(corpus: Path):
    import tracemalloc

    from generator.errors import BriefingError
    from generator.pipeline import check_briefing

    sources = corpus / "briefings" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("      11: photo caption", "      11: photo caption\n      200-100000000: junk"),
                       encoding="utf-8")
    tracemalloc.start()
    try:
        check_briefing(corpus / "briefings", corpus / "seeds", corpus)
    except BriefingError as exc:
        assert "skip range 200-100000000 goes past the end of alpha.txt" in exc.report()
    else:
        raise AssertionError("the range was accepted")
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < 50_000_000, f"{peak:,} bytes"


# --- Found by an attack on the first fixes ------------------------------------------------------------

def test_the_real_git_folder_of_a_worktree_is_protected(tmp_path: Path, capsys):
    import subprocess
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    main_checkout = tmp_path / "main"
    shutil.copytree(CORPUS, main_checkout)
    subprocess.run([*git, "-C", str(main_checkout), "init", "-q"], check=True)
    subprocess.run([*git, "-C", str(main_checkout), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(main_checkout), "commit", "-qm", "x"], check=True)
    worktree = tmp_path / "wt"
    subprocess.run([*git, "-C", str(main_checkout), "worktree", "add", "-q", str(worktree)], check=True)
    before = _digest(main_checkout / ".git")
    hooks = main_checkout / ".git" / "hooks"
    assert main(["--root", str(worktree), "diff", "HEAD", "--output", str(hooks / "post-checkout")]) == 2
    assert main(["--root", str(worktree), "export", str(main_checkout / ".git" / "exported")]) == 2
    assert main(["--root", str(worktree), "build", "--site-dir", str(main_checkout / ".git" / "site")]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert _digest(main_checkout / ".git") == before


def test_settings_follow_inherit_and_either_form_of_plugins(corpus: Path, capsys):
    from generator.settings import project_settings

    (corpus / "pages").mkdir()
    (corpus / "base.yml").write_text("docs_dir: pages\nplugins:\n  search: {}\n  briefing:\n    briefings: data\n", encoding="utf-8")
    (corpus / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: x\n", encoding="utf-8")
    settings = project_settings(corpus)
    assert (settings.docs_dir.name, settings.briefings_dir.name) == ("pages", "data")
    assert main(["--root", str(corpus), "export", str(corpus / "data" / "exported")]) == 2  # the real data folder


def test_export_keeps_mkdocs_tags_so_the_export_builds(corpus: Path, tmp_path: Path):
    config = (corpus / "mkdocs.yml").read_text(encoding="utf-8").replace("markdown_extensions:\n", (
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"))
    config += "extra:\n  note: !ENV [BRIEFING_NOTE, none]\n"
    (corpus / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert main(["--root", str(corpus), "export", str(tmp_path / "out")]) == 0
    exported = (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!!python/name:material.extensions.emoji.twemoji" in exported and "!ENV" in exported
    result = build_site(tmp_path / "out", tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_a_yaml_file_name_cannot_reach_the_page_as_markup(corpus: Path, tmp_path: Path):
    config = (corpus / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n", "repo_url: https://github.com/example/repo\nedit_uri: edit/main/docs/\n"
        "theme:\n  name: material\n  features: [content.action.edit]\n")
    (corpus / "mkdocs.yml").write_text(config, encoding="utf-8")
    (corpus / "briefings" / "sources.yml").rename(corpus / "briefings" / 'a" autofocus onfocus="alert(1)" x=".yml')
    result = build_site(corpus, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = site_path(tmp_path / "site", "index.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert 'autofocus onfocus="alert' not in page and "%22%20autofocus" in page


def test_diff_pings_nobody_even_through_escaped_characters(corpus: Path, capsys):
    _git_repo(corpus)
    entities = corpus / "briefings" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("name: Northland\n", 'name: "@octocat :white_check_mark:"\n'),
                        encoding="utf-8")
    topics = corpus / "briefings" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("title: Harbour talks", 'title: "@github/security-team"'),
                      encoding="utf-8")
    assert main(["--root", str(corpus), "diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "octocat" in out and "security-team" in out
    for live in ("&#64;octocat", "@octocat", "&#64;github", "@github", ":white_check_mark:", ":white&#95;check&#95;mark:"):
        assert live not in out, live


def test_dates_outside_the_sitemap_years_still_build(corpus: Path, tmp_path: Path):
    sources = corpus / "briefings" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    for first, second in (("1968-10-18", "1969-10-19"), ("2106-02-08", "2120-01-01")):
        sources.write_text(text.replace("published: 2024-10-18", f"published: {first}").replace("published: 2024-10-19", f"published: {second}"),
                           encoding="utf-8")
        result = build_site(corpus, tmp_path / f"site-{first}")
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]


def test_links_in_a_loop_and_missing_project_folders_are_clear_errors(corpus: Path, tmp_path: Path, capsys):
    (tmp_path / "lp1").symlink_to(tmp_path / "lp2")
    (tmp_path / "lp2").symlink_to(tmp_path / "lp1")
    for argv in (["build", "--site-dir", str(tmp_path / "lp1")], ["export", str(tmp_path / "lp1")],
                 ["diff", "HEAD", "--output", str(tmp_path / "lp1")]):
        assert main(["--root", str(corpus), *argv]) == 2, argv
        assert "Traceback" not in capsys.readouterr().err
    for root in (tmp_path / "missing", corpus / "mkdocs.yml"):
        assert main(["--root", str(root), "build", "--site-dir", str(tmp_path / "x")]) == 2
        assert "give the folder that holds mkdocs.yml with --root" in capsys.readouterr().err


def test_diff_output_refuses_pipes_and_devices(corpus: Path, tmp_path: Path, capsys):
    _git_repo(corpus)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["--root", str(corpus), "diff", "HEAD", "--output", str(fifo)]) == 2  # would block reading it
    assert "is not a regular file" in capsys.readouterr().err


def test_ingest_reads_no_more_than_the_limit_and_names_odd_file_names(corpus: Path, tmp_path: Path, capsys):
    assert main(["--root", str(corpus), "ingest", "/dev/zero", "--published", "2024-10-20"]) == 1
    assert "MB; an article page is rarely over" in capsys.readouterr().err
    odd = tmp_path / os.fsdecode(b"art\xff.txt")
    odd.write_text("A headline\n\nSome text of the article, long enough to be one.\n", encoding="utf-8")
    assert main(["--root", str(corpus), "ingest", str(odd), "--published", "2024-10-21", "--id", "odd-name"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    text = (corpus / "briefings" / "extracts" / "odd-name.yml").read_text(encoding="utf-8")
    assert "art\ufffd.txt" in text
    assert main(["--root", str(corpus), "check"]) == 0
