"""Score the engine on hand-labelled articles (run it after every engine change).

    python benchmarks/eval_corpus.py                 # the corpus in tests/corpus
    python benchmarks/eval_corpus.py FOLDER          # any folder of the same shape
    python benchmarks/eval_corpus.py --json          # the totals as JSON

A folder holds `articles/*.txt` (line 1 is a "# source: ..." line, the body is the rest) and
`gold.json` (one object per file, schema in tests/corpus/README.md). Scoring follows that README's
"Scoring" section exactly:

- focal: the analysis's focal code equals gold's;
- partners: predicted = codes of partners of kind country or organization; a gold partner's code
  predicted is a true positive, a gold partner not predicted a false negative, a predicted code
  that is neither a gold partner nor an optional one a false positive; P/R/F1 over all files;
- evidence recall: a gold evidence sentence is covered when one of that partner's passages
  overlaps at least half of it;
- budget: figures of kind stated or planned; a gold entry is matched by an unused figure of the
  same year (when gold has one) whose amount is within 2% of gold's in the same currency, or whose
  USD value is within 2% of gold's; a gold entry with no amount by an equal GDP share. Unmatched
  figures are false positives. A figure equal to a listed distractor is counted apart too.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from multivector.documents.loading import document_from_text
from multivector.engine.pipeline import analyze_document
from multivector.model.analysis import Analysis, BudgetFact
from multivector.model.nodes import node_passages

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
SCORED_KINDS = ("country", "organization")
BUDGET_KINDS = ("stated", "planned")
TOLERANCE = 0.02


@dataclass
class FileScore:
    """What one article got right and wrong."""

    name: str
    focal_gold: str
    focal_found: str | None
    tp: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    evidence_total: int = 0
    uncovered: list[tuple[str, str]] = field(default_factory=list)  # (code, sentence)
    budget_tp: int = 0
    budget_missed: list[str] = field(default_factory=list)
    budget_extra: list[str] = field(default_factory=list)
    distractor_hits: list[str] = field(default_factory=list)


def body_of(path: Path) -> str:
    """The article without its first line (the "# source:" line)."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n", 1)[1] if text.startswith("# source:") else text


def locate(text: str, sentence: str) -> tuple[int, int] | None:
    """Where a gold sentence stands in the analysed text (whitespace may have been normalized)."""
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    pattern = r"\s+".join(re.escape(part) for part in sentence.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def covered(analysis: Analysis, code: str, sentence: tuple[int, int]) -> bool:
    partner = next((p for p in analysis.partners if p.code == code or p.id == code), None)
    if partner is None:
        return False
    start, end = sentence
    need = (end - start) / 2
    return any(min(end, s.end) - max(start, s.start) >= need
               for s in node_passages(analysis, partner.id))


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= TOLERANCE * abs(b)


def _gold_amount(entry: dict) -> float | None:
    if entry.get("amount") is None:
        return None
    return entry["amount"] * (entry.get("unit_scale") or 1)


def _matches(gold: dict, fact: BudgetFact) -> bool:
    if gold.get("year") is not None and fact.year != gold["year"]:
        return False
    amount = _gold_amount(gold)
    if amount is None:
        return (gold.get("gdp_share_pct") is not None and fact.gdp_share_pct is not None
                and abs(fact.gdp_share_pct - gold["gdp_share_pct"]) < 1e-9)
    same_currency = fact.currency == gold.get("currency") and _close(fact.amount, amount)
    return same_currency or _close(fact.usd, gold.get("usd"))


def _describe(fact: BudgetFact) -> str:
    parts = [str(fact.year) if fact.year is not None else "no year", fact.kind]
    if fact.amount is not None:
        parts.append(f"{fact.amount:g} {fact.currency or ''}".strip())
    if fact.usd is not None:
        parts.append(f"USD {fact.usd:g}")
    if fact.gdp_share_pct is not None:
        parts.append(f"{fact.gdp_share_pct:g}% GDP")
    return ", ".join(parts)


def _is_distractor(fact: BudgetFact, distractor: dict) -> bool:
    amount = _gold_amount(distractor)
    if amount is None:
        return False
    if distractor.get("currency") in (None, "USD") and _close(fact.usd, amount):
        return True
    return fact.currency == distractor.get("currency") and _close(fact.amount, amount)


def score_file(path: Path, gold: dict) -> FileScore:
    analysis = analyze_document(document_from_text(body_of(path), name=path.name))
    text = analysis.document.text
    found = {p.code for p in analysis.partners if p.kind in SCORED_KINDS}
    wanted = {p["code"] for p in gold["partners"]}
    optional = {p["code"] for p in gold.get("optional_partners", [])}
    score = FileScore(path.name, gold["focal"], analysis.focal.code if analysis.focal else None)
    score.tp = sorted(wanted & found)
    score.missed = sorted(wanted - found)
    score.extra = sorted(found - wanted - optional)
    for partner in gold["partners"]:
        for sentence in partner["evidence"]:
            score.evidence_total += 1
            where = locate(text, sentence)
            if where is None or not covered(analysis, partner["code"], where):
                score.uncovered.append((partner["code"], sentence))
    facts = [f for f in analysis.budget if f.kind in BUDGET_KINDS]
    unused = list(facts)
    for entry in gold.get("budget", []):
        match = next((f for f in unused if _matches(entry, f)), None)
        if match is None:
            score.budget_missed.append(entry["evidence"][:90])
        else:
            unused.remove(match)
            score.budget_tp += 1
    score.budget_extra = [_describe(f) for f in unused]
    score.distractor_hits = [_describe(f) for f in facts
                             for d in gold.get("budget_distractors", []) if _is_distractor(f, d)]
    return score


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(folder: Path = CORPUS) -> tuple[list[FileScore], dict[str, float]]:
    """Every file of the folder scored, and the totals."""
    gold = {g["file"]: g for g in json.loads((folder / "gold.json").read_text(encoding="utf-8"))}
    scores = [score_file(folder / "articles" / name, entry) for name, entry in gold.items()]
    tp = sum(len(s.tp) for s in scores)
    fp = sum(len(s.extra) for s in scores)
    fn = sum(len(s.missed) for s in scores)
    p, r, f1 = _prf(tp, fp, fn)
    evidence = sum(s.evidence_total for s in scores)
    uncovered = sum(len(s.uncovered) for s in scores)
    btp = sum(s.budget_tp for s in scores)
    bp, br, bf1 = _prf(btp, sum(len(s.budget_extra) for s in scores),
                       sum(len(s.budget_missed) for s in scores))
    totals = {
        "files": len(scores),
        "focal_correct": sum(s.focal_found == s.focal_gold for s in scores),
        "partners_precision": p, "partners_recall": r, "partners_f1": f1,
        "evidence_recall": (evidence - uncovered) / evidence if evidence else 1.0,
        "budget_precision": bp, "budget_recall": br, "budget_f1": bf1,
        "budget_distractors_reported": sum(len(s.distractor_hits) for s in scores),
    }
    return scores, totals


def _print(scores: list[FileScore], totals: dict[str, float]) -> None:
    for s in scores:
        focal = s.focal_found or "-"
        mark = "" if focal == s.focal_gold else f" (gold {s.focal_gold})"
        print(f"{s.name}: focal {focal}{mark}")
        if s.missed:
            print(f"    missed partners: {', '.join(s.missed)}")
        if s.extra:
            print(f"    extra partners:  {', '.join(s.extra)}")
        for code, sentence in s.uncovered:
            print(f"    uncovered {code}: {sentence[:110]}")
        for text in s.budget_missed:
            print(f"    budget missed: {text}")
        for text in s.budget_extra:
            print(f"    budget extra:  {text}")
        for text in s.distractor_hits:
            print(f"    DISTRACTOR reported as budget: {text}")
    t = totals
    print()
    print(f"focal {t['focal_correct']}/{t['files']}")
    print(f"partners precision {t['partners_precision']:.3f} recall {t['partners_recall']:.3f} "
          f"F1 {t['partners_f1']:.3f}")
    print(f"evidence recall {t['evidence_recall']:.3f}")
    print(f"budget precision {t['budget_precision']:.3f} recall {t['budget_recall']:.3f} "
          f"F1 {t['budget_f1']:.3f}; distractors reported: {t['budget_distractors_reported']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS,
                        help="a folder with articles/ and gold.json (default: tests/corpus)")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args(argv)
    if not (args.folder / "gold.json").is_file():
        print(f"{args.folder}: has no gold.json", file=sys.stderr)
        return 2
    scores, totals = evaluate(args.folder)
    if args.json:
        print(json.dumps(totals, indent=1))
    else:
        _print(scores, totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
