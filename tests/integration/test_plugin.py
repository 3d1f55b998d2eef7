"""The MkDocs glue stays thin: it adds pages in memory and watches the data folders."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from generator.mkdocs.plugin import BriefingPlugin


@pytest.fixture(autouse=True)
def _collector_unfrozen():
    """Tests that stop before on_post_build would leave the plugin's frozen objects frozen."""
    yield
    gc.unfreeze()


def _plugin(project: Path) -> tuple[BriefingPlugin, object]:
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    return config.plugins["briefing"], config


def test_pages_are_added_as_generated_files(corpus: Path):
    plugin, config = _plugin(corpus)
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(Files([]), config=config)
    paths = sorted(f.src_uri for f in files)
    assert "topics/talks.md" in paths and "sources/alpha.md" in paths and "entities/ana-lee.md" in paths
    assert {f.generated_by for f in files} == {"briefing"}
    assert not (corpus / "docs" / "topics").exists()


def test_data_problems_become_one_plugin_error(corpus: Path):
    (corpus / "briefings" / "topics.yml").write_text("topics:\n  - id: Bad Id\n", encoding="utf-8")
    plugin, config = _plugin(corpus)
    with pytest.raises(PluginError) as caught:
        config.plugins.on_pre_build(config=config)
    assert "briefings/topics.yml:2: `id` 'Bad Id' is not a valid id" in str(caught.value)


def test_serve_watches_briefings_and_seeds(corpus: Path):
    plugin, config = _plugin(corpus)

    class Server:
        watched: list[str] = []

        def watch(self, path):
            self.watched.append(path)

    server = plugin.on_serve(Server(), config, builder=None)
    assert server.watched == [str((corpus / "briefings").resolve()), str((corpus / "seeds").resolve())]


def test_objects_frozen_for_the_build_are_given_back_to_the_collector(corpus: Path, tmp_path: Path):
    """The plugin freezes the briefing's data for the page loop; after a build, good or failed, nothing stays frozen."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort

    config = load_config(str(corpus / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert gc.get_freeze_count() == 0
    # A hand-written page where a generated one goes fails the build after the data was frozen.
    (corpus / "docs" / "topics").mkdir(parents=True, exist_ok=True)
    (corpus / "docs" / "topics" / "talks.md").write_text("# Mine\n", encoding="utf-8")
    config = load_config(str(corpus / "mkdocs.yml"), site_dir=str(tmp_path / "site2"))
    with pytest.raises(Abort):  # MkDocs reports the plugin's error and aborts
        build(config)
    assert gc.get_freeze_count() == 0


def test_a_one_off_build_frees_the_data_once_mkdocs_has_the_pages(corpus: Path):
    plugin, config = _plugin(corpus)
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(Files([]), config=config)
    assert len(files) > 10 and plugin.site is None and plugin.last_good is None
    plugin.serving = True  # while serving, the last good site is kept for when the data breaks
    config.plugins.on_pre_build(config=config)
    config.plugins.on_files(Files([]), config=config)
    assert plugin.last_good is not None
