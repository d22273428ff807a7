"""Known-vulnerable dependencies fail the build: `make audit` (run by `make lint`, so by `make test`).

- Python: pip-audit over the locked requirements (`uv export --locked`, every group: the dev tools run on CI and
  developers' machines too), against PyPI's advisory data. Pins whose markers never hold here are skipped.
- npm: `npm audit` in frontend/ without dev dependencies (only the production bundle reaches users; Vite, the
  test runners and the code generator run at build time on our machines) and in amplify/ with them (every package
  there is a devDependency, and the CDK app runs with deployment credentials).

A finding fails unless `audit_ignores.toml` beside this file names its advisory id and package with a reason and
an `until` date still to come; an expired ignore fails too, so each one is looked at again.

Advisory data that cannot be reached is never taken for a clean result: what was not checked is reported as
NOT CHECKED, loudly, and fails the audit with CVMAKER_AUDIT_REQUIRE=1. Some networks let only part of the
registries through: this workplace's answers 404 to PyPI's per-release JSON (where pip-audit reads a version's
advisories) and 405 to npm's advisory request (a POST); there every package comes out NOT CHECKED.

    python -m tests.supply_chain.audit REQUIREMENTS_TXT [--npm DIR[:prod|:all]]...
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
IGNORES = HERE / "audit_ignores.toml"


@dataclass(frozen=True)
class Finding:
    ecosystem: str
    package: str
    version: str
    advisory: str  # the advisory's id (PYSEC-, GHSA-, CVE-) or, for npm, its URL's last part
    detail: str

    def line(self) -> str:
        return f"{self.ecosystem} {self.package} {self.version}: {self.advisory} {self.detail}".rstrip()


@dataclass(frozen=True)
class Ignore:
    advisory: str
    package: str
    reason: str
    until: date


@dataclass
class Outcome:
    findings: list[Finding]
    not_checked: list[str]


def load_ignores(path: Path = IGNORES) -> list[Ignore]:
    if not path.is_file():
        return []
    entries = tomllib.loads(path.read_text()).get("ignore", [])
    ignores = []
    for entry in entries:
        missing = {"id", "package", "reason", "until"} - set(entry)
        if missing or not isinstance(entry["until"], date) or not str(entry["reason"]).strip():
            raise ValueError(f"{path.name}: each ignore needs id, package, a reason and an until date: {entry}")
        ignores.append(Ignore(str(entry["id"]), str(entry["package"]).lower(), str(entry["reason"]), entry["until"]))
    return ignores


def pip_audit(requirements: Path, timeout: float = 120) -> tuple[list[Finding], list[str]]:
    """pip-audit on exact pins, without installing anything (`--disable-pip --no-deps`: the lock already holds
    every transitive dependency). Returns the findings and the pins it could not check, with why."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--disable-pip",
            "--no-deps",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--requirement",
            str(requirements),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"pip-audit failed (exit {done.returncode}): {done.stderr[-2000:]}") from None
    dependencies = report.get("dependencies", [])
    findings = [
        Finding("pypi", dependency["name"].lower(), dependency.get("version", "?"), vuln["id"], _fixed(vuln))
        for dependency in dependencies
        for vuln in dependency.get("vulns", [])
    ]
    unchecked = [dependency["skip_reason"] for dependency in dependencies if "skip_reason" in dependency]
    return findings, unchecked


def _fixed(vuln: dict[str, Any]) -> str:
    fixes = vuln.get("fix_versions") or []
    return f"(fixed in {', '.join(fixes)})" if fixes else "(no fixed version)"


def npm_findings(report: dict[str, Any]) -> list[Finding] | None:
    """The findings of `npm audit --json` (report version 2), or None when npm could not reach its advisories."""
    if "vulnerabilities" not in report:
        return None
    findings = []
    for name, entry in report["vulnerabilities"].items():
        for via in entry.get("via", []):
            if isinstance(via, dict):  # a string names another vulnerable package, reported under its own name
                advisory = str(via.get("url", "")).rstrip("/").rsplit("/", 1)[-1] or str(via.get("source", "?"))
                detail = f"[{via.get('severity', entry.get('severity', '?'))}] {via.get('title', '')}"
                findings.append(Finding("npm", name.lower(), str(via.get("range", "?")), advisory, detail))
    return findings


def npm_audit(directory: Path, include_dev: bool, timeout: float = 120) -> list[Finding] | None:
    command = ["npm", "audit", "--json", *([] if include_dev else ["--omit=dev"])]
    done = subprocess.run(command, cwd=directory, capture_output=True, text=True, timeout=timeout)
    try:
        report = json.loads(done.stdout or "{}")
    except json.JSONDecodeError:
        return None
    return npm_findings(report)


def judge(findings: list[Finding], ignores: list[Ignore], today: date) -> tuple[list[Finding], list[str]]:
    """The findings no live ignore covers, and the problems with the ignores themselves (expired ones)."""
    problems = [
        f"ignore of {ignore.advisory} ({ignore.package}) expired on {ignore.until.isoformat()}: look at it again"
        for ignore in ignores
        if ignore.until < today
    ]
    live = {(ignore.advisory, ignore.package) for ignore in ignores if ignore.until >= today}
    return [finding for finding in findings if (finding.advisory, finding.package) not in live], problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements", type=Path, help="locked requirements (uv export --locked)")
    parser.add_argument("--npm", action="append", default=[], help="an npm project: DIR:prod or DIR:all")
    args = parser.parse_args(argv)

    findings, unchecked = pip_audit(args.requirements)
    not_checked = []
    if unchecked:
        not_checked.append(f"pypi: {len(unchecked)} pins, e.g. {unchecked[0]}")
    for spec in args.npm:
        directory, _, scope = spec.partition(":")
        found = npm_audit(Path(directory), include_dev=scope == "all")
        if found is None:
            not_checked.append(f"npm audit in {directory}: the registry refused npm's advisory request")
        else:
            findings += found

    failing, problems = judge(findings, load_ignores(), date.today())
    for finding in failing:
        print(f"VULNERABLE {finding.line()}")
    for problem in problems:
        print(f"IGNORE EXPIRED {problem}")
    for what in not_checked:
        print(f"NOT CHECKED {what} (advisory data unreachable from here)")
    if failing or problems or (not_checked and os.environ.get("CVMAKER_AUDIT_REQUIRE") == "1"):
        return 1
    if not not_checked:
        print(f"audit: no known vulnerability ({len(findings) - len(failing)} ignored)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
