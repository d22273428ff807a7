"""The tolerant JSON Resume reader on real files (tests/corpora/json_resume): per split (dev, held_back), how many
files are accepted and refused (each refusal checked against the manifest's `is_cv`), the share of the file's
values that survive import -> export, per field, and whether a second round trip changes nothing.

A value survives when the export holds it at the same path, or, for a value the reader moved or renamed (v0 keys,
a person written without `basics`, an alias array such as "experience"), anywhere under the nearest part of its
path that the export has (down to the whole document), whole or as part of a text it was joined into. Dates are compared as the reader normalises them; an end
written as a "present" word survives when the export has no end there. Empty values do not count (they mean
absent). Goals: every CV accepted; >= 97% of values survive; the second round trip is a fixed point.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from cvmaker.domain.errors import InvalidInput
from cvmaker.domain.json_resume import parse_json_text, read_json_resume, to_json_resume
from cvmaker.domain.json_resume.normalising import is_present_word, normal_date
from tests.bench.report import OUT, ROOT, write

CORPUS = ROOT / "tests" / "corpora" / "json_resume"


def _leaves(value: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for key, child in value.items() for leaf in _leaves(child, (*path, key))]
    if isinstance(value, list):
        return [leaf for n, child in enumerate(value) for leaf in _leaves(child, (*path, str(n)))]
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    return [(path, value)]


def _at(value: Any, path: tuple[str, ...]) -> tuple[Any, int]:
    """The deepest part of `path` in `value`, and how many parts of it exist."""
    for n, part in enumerate(path):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return value, n
    return value, len(path)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        if a.strip() == b.strip():
            return True
        read = normal_date(a)
        return read is not None and read[0] is not None and read[0] == b
    return str(a).strip() == str(b).strip() if isinstance(b, str) else a == b


def _survives(path: tuple[str, ...], value: Any, exported: dict[str, Any]) -> bool:
    found, depth = _at(exported, path)
    if depth == len(path) and _same(value, found):
        return True
    if isinstance(value, str) and is_present_word(value) and path and "end" in path[-1].casefold():
        return depth < len(path)
    scope, _ = _at(exported, path[: min(depth, max(len(path) - 1, 0))])
    values = [leaf for _, leaf in _leaves(scope)]
    if isinstance(value, str):
        pieces = [value.strip()]
        return any(isinstance(v, str) and (_same(value, v) or pieces[0] in v) for v in values)
    return any(_same(value, v) for v in values)


def _field(path: tuple[str, ...]) -> str:
    return ".".join(part for part in path[:3] if not part.isdigit()) or "(root)"


def measure(entry: dict[str, Any]) -> dict[str, Any]:
    text = (CORPUS / entry["file"]).read_bytes()
    row: dict[str, Any] = {"file": entry["file"], "is_cv": entry["is_cv"], "split": entry["split"]}
    try:
        data, text_warnings = parse_json_text(text)
        first = read_json_resume(data)
    except InvalidInput as refused:
        row.update(accepted=False, reason="; ".join(p.message for p in refused.problems))
        return row
    exported = to_json_resume(first.document, kept=first.kept)
    second = read_json_resume(exported)
    again = to_json_resume(second.document, kept=second.kept)
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    in_place = 0
    for path, value in _leaves(data):
        if path and path[0] == "$schema":
            continue
        counts = fields[_field(path)]
        counts[1] += 1
        counts[0] += _survives(path, value, exported)
        found, depth = _at(exported, path)
        in_place += depth == len(path) and _same(value, found)
    row.update(
        in_place=in_place,
        accepted=True,
        warnings=len(text_warnings) + len(first.warnings),
        fields={key: tuple(value) for key, value in fields.items()},
        fixed_point=json.dumps(exported, sort_keys=True) == json.dumps(again, sort_keys=True),
    )
    return row


def report(split: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    accepted = [r for r in rows if r["accepted"]]
    refused = [r for r in rows if not r["accepted"]]
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in accepted:
        for key, (kept, total) in row["fields"].items():
            per_field[re.sub(r"\.\d+", "", key)][0] += kept
            per_field[re.sub(r"\.\d+", "", key)][1] += total
    kept_values = sum(v[0] for v in per_field.values())
    total_values = sum(v[1] for v in per_field.values())
    print(f"\n### {split}: {len(rows)} files, {len(accepted)} accepted, {len(refused)} refused")
    for row in refused:
        verdict = "non-CV (correct)" if not row["is_cv"] else "A CV (WRONG)"
        print(f"  refused {row['file']}: {verdict}: {row['reason']}")
    for row in accepted:
        if not row["is_cv"]:
            print(f"  accepted a non-CV: {row['file']}")
    share = kept_values / total_values if total_values else 1.0
    print(f"  values surviving import -> export: {kept_values}/{total_values} = {share:.1%}")
    in_place = sum(r["in_place"] for r in accepted)
    print(
        f"  of them at the very same path (no rename, no move): {in_place}/{total_values}"
        f" = {in_place / max(total_values, 1):.1%}"
    )
    for key, (kept, total) in sorted(per_field.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0])):
        if total:
            print(f"    {key:45s} {kept:5d}/{total:<5d} {kept / total:7.1%}")
    not_fixed = [r["file"] for r in accepted if not r["fixed_point"]]
    print(
        f"  second round trip a fixed point: {len(accepted) - len(not_fixed)}/{len(accepted)}"
        + (f" (not: {', '.join(not_fixed)})" if not_fixed else "")
    )
    return {
        "split": split,
        "files": len(rows),
        "accepted": len(accepted),
        "refused": [{"file": r["file"], "is_cv": r["is_cv"], "reason": r["reason"]} for r in refused],
        "survival": share,
        "same_path": sum(r["in_place"] for r in accepted) / max(total_values, 1),
        "per_field": {key: {"kept": v[0], "total": v[1]} for key, v in per_field.items()},
        "fixed_point": len(not_fixed) == 0,
        "not_fixed": not_fixed,
    }


def main() -> int:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    results = []
    for split in ("dev", "held_back"):
        rows = [measure(entry) for entry in manifest if entry["split"] == split]
        results.append(report(split, rows))
    write("json_resume", results)
    print(f"\n(written under {OUT})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
