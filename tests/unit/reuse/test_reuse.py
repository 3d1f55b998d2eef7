"""Reuse between rebuilds: a value is reused only with equal inputs, and what a build did not use is dropped."""

from __future__ import annotations

import gc
import weakref

from generator.reuse import Reuse, reuse_or_compute


def test_a_value_is_reused_only_when_its_inputs_are_equal():
    reuse, calls = Reuse(), []

    def compute(value):
        calls.append(value)
        return value

    assert reuse.get("k", ("a", 1), lambda: compute("first")) == "first"
    reuse.finish(succeeded=True)
    assert reuse.get("k", ("a", 1), lambda: compute("second")) == "first"  # equal inputs, not the same object
    reuse.finish(succeeded=True)
    assert reuse.get("k", ("a", 2), lambda: compute("third")) == "third"
    assert calls == ["first", "third"]
    assert reuse.last_build == (1, 0)


def test_what_a_build_did_not_use_is_dropped_and_a_failed_build_changes_nothing():
    reuse = Reuse()
    reuse.get("kept", 1, lambda: "x")
    reuse.get("dropped", 1, lambda: "y")
    reuse.finish(succeeded=True)
    reuse.get("kept", 2, lambda: "from a failed build")
    reuse.finish(succeeded=False)  # it may have stopped half-way: nothing it computed is kept
    assert reuse.get("kept", 1, lambda: "recomputed") == "x"
    assert reuse.get("dropped", 1, lambda: "recomputed") == "y"
    reuse.finish(succeeded=True)
    reuse.get("kept", 1, lambda: "recomputed")
    reuse.finish(succeeded=True)
    assert reuse.get("dropped", 1, lambda: "recomputed") == "recomputed"


def test_forget_computes_anew_and_without_reuse_everything_is_computed():
    reuse = Reuse()
    reuse.get("k", 1, lambda: "old")
    reuse.finish(succeeded=True)
    reuse.forget("k")
    assert reuse.get("k", 1, lambda: "new") == "new"
    assert reuse_or_compute(None, "k", 1, lambda: "computed") == "computed"


def test_the_idle_collector_frees_cycles_and_freezes_the_rest():
    from generator.mkdocs.preview import IdleCollector

    class Node:
        pass

    gc.disable()  # so that only the idle collection can free the cycle
    cycle = Node()
    cycle.self = cycle
    collected = []
    weakref.finalize(cycle, collected.append, True)
    del cycle
    try:
        assert collected == []
        IdleCollector.collect()
        assert collected == [True]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
