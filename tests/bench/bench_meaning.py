"""Matching by meaning: the threshold at which a CV sentence shows a requirement, chosen on labelled data.

    uv run python -m tests.bench.bench_meaning   (also part of `make bench`)

The pairs are `tests/corpora/postings/meaning/pairs.tsv` (requirement, CV sentence, shown?; its README says how
they were made). They are split by requirement: the 1st, 3rd, 5th... requirement in file order is dev, the others
held back, so a requirement's pairs never sit on both sides. On the dev half every threshold from 0.00 to 1.00
(as a share of the embedder's `similarity_range`, as `cvmaker.domain.matching.meaning` applies it) is tried; the
best F1 wins (ties: the middle of the best run). The held-back half is then scored at that threshold and at the
one the code ships (`MEANING_THRESHOLD`). The shipped one is chosen where it is used, a requirement against the
best of a whole CV's sentences, by `bench_match_corpus`; this bench shows what it means pair by pair.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.report import write

PAIRS = ROOT / "tests" / "corpora" / "postings" / "meaning" / "pairs.tsv"


def read_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    groups = list(dict.fromkeys((r["occupation"], r["requirement"]) for r in rows))
    split = {group: "dev" if i % 2 == 0 else "held_back" for i, group in enumerate(groups)}
    return [
        {
            "occupation": r["occupation"],
            "requirement": r["requirement"],
            "sentence": r["sentence"],
            "shown": r["shown"] == "1",
            "split": split[(r["occupation"], r["requirement"])],
        }
        for r in rows
    ]


def scores(pairs: list[dict[str, Any]]) -> list[float]:
    """Each pair's cosine as a share of the embedder's range, with the embedder matching uses offline."""
    from cvmaker.adapters.matching.minilm_embedder import MiniLmEmbedder
    from cvmaker.domain.matching.meaning import meaning_share
    from cvmaker.services.matching import cosine

    embedder = MiniLmEmbedder()
    requirements = embedder.embed([p["requirement"] for p in pairs])
    sentences = embedder.embed([p["sentence"] for p in pairs])
    return [meaning_share(cosine(r, s), embedder.similarity_range) for r, s in zip(requirements, sentences)]


def quality(labels: list[bool], shares: list[float], threshold: float) -> dict[str, float]:
    said = [s >= threshold for s in shares]
    tp = sum(s and t for s, t in zip(said, labels))
    fp = sum(s and not t for s, t in zip(said, labels))
    fn = sum(t and not s for s, t in zip(said, labels))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"threshold": threshold, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def choose(labels: list[bool], shares: list[float]) -> float:
    grid = [round(i / 100, 2) for i in range(101)]
    f1s = [quality(labels, shares, t)["f1"] for t in grid]
    best = max(f1s)
    # The middle of the longest run of best thresholds: the choice least sensitive to noise in the labels.
    runs: list[list[float]] = []
    for threshold, f1 in zip(grid, f1s):
        if f1 == best:
            if runs and round(runs[-1][-1] + 0.01, 2) == threshold:
                runs[-1].append(threshold)
            else:
                runs.append([threshold])
    longest = max(runs, key=len)
    return longest[len(longest) // 2]


def main() -> int:
    from cvmaker.domain.matching.meaning import MEANING_THRESHOLD
    from cvmaker.domain.matching.wording import names

    pairs = read_pairs()
    shares = scores(pairs)
    dev = [(p["shown"], s) for p, s in zip(pairs, shares) if p["split"] == "dev"]
    held = [(p["shown"], s) for p, s in zip(pairs, shares) if p["split"] == "held_back"]
    chosen = choose([d[0] for d in dev], [d[1] for d in dev])
    on_dev = quality([d[0] for d in dev], [d[1] for d in dev], chosen)
    on_held = quality([h[0] for h in held], [h[1] for h in held], chosen)
    shipped = quality([h[0] for h in held], [h[1] for h in held], MEANING_THRESHOLD)
    print(f"Pairs: {len(pairs)} ({sum(p['shown'] for p in pairs)} shown), dev {len(dev)}, held back {len(held)}")
    print(f"  chosen on dev: threshold {chosen:.2f}: P {on_dev['precision']} R {on_dev['recall']} F1 {on_dev['f1']}")
    print(f"  held back at {chosen:.2f}: P {on_held['precision']} R {on_held['recall']} F1 {on_held['f1']}")
    print(f"  shipped MEANING_THRESHOLD {MEANING_THRESHOLD:.2f}, held back: F1 {shipped['f1']}")
    # What matching applies: named outright (the requirement's wordings) or close enough in meaning.
    named = [names(p["requirement"], p["sentence"]) for p in pairs]
    either = [1.0 if n else s for n, s in zip(named, shares)]
    held_either = [(p["shown"], e) for p, e in zip(pairs, either) if p["split"] == "held_back"]
    combined = quality([h[0] for h in held_either], [h[1] for h in held_either], MEANING_THRESHOLD)
    print(
        f"  words or meaning at {MEANING_THRESHOLD:.2f}, held back: P {combined['precision']} R {combined['recall']} F1 {combined['f1']}"
    )
    errors = [
        {
            "split": p["split"],
            "requirement": p["requirement"],
            "sentence": p["sentence"],
            "shown": p["shown"],
            "share": round(s, 3),
        }
        for p, s in zip(pairs, shares)
        if (s >= chosen) != p["shown"]
    ]
    for e in errors:
        print(f"  wrong ({e['split']}): {e['requirement']!r} ~ {e['sentence']!r}: labelled {e['shown']}, {e['share']}")
    path = write(
        "meaning",
        errors,
        {"chosen": chosen, "dev": on_dev, "held_back": on_held, "shipped": shipped, "words_or_meaning": combined},
    )
    print(f"written: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
