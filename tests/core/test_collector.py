"""The cycle collector is paused only while a long text is analysed, and always as it was after:
nested, concurrent and failing uses included."""

from __future__ import annotations

import gc
import threading

import pytest

from multivector.platform.collector import LONG_TEXT, fewer_collections


def test_short_work_leaves_the_collector_alone() -> None:
    assert gc.isenabled()
    with fewer_collections(LONG_TEXT - 1):
        assert gc.isenabled()


def test_long_work_pauses_it_and_the_last_one_out_resumes_it() -> None:
    with fewer_collections(LONG_TEXT):
        assert not gc.isenabled()
        with fewer_collections(LONG_TEXT * 2):
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer work still runs
    assert gc.isenabled()


def test_a_failure_resumes_it() -> None:
    with pytest.raises(ValueError, match="boom"), fewer_collections(LONG_TEXT):
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_off_before_stays_off() -> None:
    gc.disable()
    try:
        with fewer_collections(LONG_TEXT):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_concurrent_work_shares_one_pause() -> None:
    inside, release = threading.Barrier(3), threading.Event()

    def work() -> None:
        with fewer_collections(LONG_TEXT):
            inside.wait()
            release.wait(10)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    inside.wait()
    assert not gc.isenabled()
    release.set()
    for thread in threads:
        thread.join(10)
    assert gc.isenabled()


def test_analysis_of_a_long_text_resumes_it() -> None:
    from multivector.documents.loading import document_from_text
    from multivector.engine.pipeline import analyze_document

    document = document_from_text("Peru and Japan agreed on naval patrols. " * (LONG_TEXT // 38))
    seen: list[bool] = []
    analyze_document(document, progress=lambda _f: seen.append(gc.isenabled()))
    assert seen and not any(seen)  # paused throughout
    assert gc.isenabled()
