"""Small helpers for engine tests: analyse a text and look things up by partner or area."""

from multivector.documents.loading import document_from_text
from multivector.engine.pipeline import analyze_document
from multivector.model.analysis import Analysis, Partner


def analyse(text: str) -> Analysis:
    return analyze_document(document_from_text(text))


def partner(analysis: Analysis, pid: str) -> Partner:
    found = analysis.partner(pid)
    assert found is not None, f"{pid} is not a partner: {[p.id for p in analysis.partners]}"
    return found


def passage_texts(analysis: Analysis, pid: str) -> list[str]:
    text = analysis.document.text
    return [text[p.start : p.end] for p in partner(analysis, pid).passages]
