"""The dependency audit (`make audit`): a known-vulnerable pin fails it, a current one passes, ignores need a
reason and a date, and npm's report is read right. The pip-audit cases ask PyPI's advisory data (network)."""

from __future__ import annotations

from datetime import date
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.supply_chain.audit import Finding, Ignore, judge, load_ignores, main, npm_findings, pip_audit


def test_a_known_vulnerable_pin_never_passes_as_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja2 2.10 has published advisories (sandbox escapes, ReDoS), fixed in later releases. Where PyPI's
    advisory data is reachable the audit names them and fails; where it is not (this workplace's network answers
    404 for per-release JSON), the pin is reported NOT CHECKED, which fails under CVMAKER_AUDIT_REQUIRE=1.
    Either way the audit never says it is clean."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("jinja2==2.10\n")
    findings, unchecked = pip_audit(requirements)
    assert bool(findings) != bool(unchecked)
    if findings:
        assert {finding.package for finding in findings} == {"jinja2"}
        assert all(finding.version == "2.10" and finding.advisory for finding in findings)
    else:
        assert "jinja2" in unchecked[0]
    monkeypatch.setenv("CVMAKER_AUDIT_REQUIRE", "1")
    assert main([str(requirements)]) == 1
    out = capsys.readouterr().out
    assert ("VULNERABLE pypi jinja2 2.10" in out) == bool(findings) and "no known vulnerability" not in out
    monkeypatch.delenv("CVMAKER_AUDIT_REQUIRE")
    assert main([str(requirements)]) == (1 if findings else 0)
    assert "no known vulnerability" not in capsys.readouterr().out


def test_a_current_pin_has_no_finding(tmp_path: Path) -> None:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"jinja2=={version('jinja2')}\n")
    findings, _ = pip_audit(requirements)
    assert findings == []


FINDING = Finding("pypi", "jinja2", "2.10", "PYSEC-2019-217", "(fixed in 2.10.1)")


def test_a_live_ignore_covers_its_advisory_and_an_expired_one_fails() -> None:
    live = Ignore("PYSEC-2019-217", "jinja2", "no sandboxed templates", date(2027, 1, 31))
    assert judge([FINDING], [live], date(2026, 12, 3)) == ([], [])
    failing, problems = judge([FINDING], [live], date(2027, 2, 1))
    assert failing == [FINDING] and "expired on 2027-01-31" in problems[0]
    other_package = Ignore("PYSEC-2019-217", "markupsafe", "not this one", date(2027, 1, 31))
    assert judge([FINDING], [other_package], date(2026, 12, 3))[0] == [FINDING]


def test_an_ignore_without_a_reason_or_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ignores.toml"
    path.write_text('[[ignore]]\nid = "GHSA-1"\npackage = "x"\nreason = ""\nuntil = 2027-01-01\n')
    with pytest.raises(ValueError, match="reason"):
        load_ignores(path)
    path.write_text('[[ignore]]\nid = "GHSA-1"\npackage = "x"\nreason = "r"\nuntil = "soon"\n')
    with pytest.raises(ValueError, match="until"):
        load_ignores(path)
    path.write_text('[[ignore]]\nid = "GHSA-1"\npackage = "X"\nreason = "r"\nuntil = 2027-01-01\n')
    assert load_ignores(path) == [Ignore("GHSA-1", "x", "r", date(2027, 1, 1))]


def test_the_checked_in_ignores_are_valid_and_current() -> None:
    assert all(ignore.until >= date.today() for ignore in load_ignores())


def test_npm_reports_are_read_and_a_refused_request_is_not_a_pass() -> None:
    report = {
        "auditReportVersion": 2,
        "vulnerabilities": {
            "nth-check": {
                "name": "nth-check",
                "severity": "high",
                "via": [
                    {
                        "source": 1095141,
                        "name": "nth-check",
                        "title": "Inefficient Regular Expression Complexity in nth-check",
                        "url": "https://github.com/advisories/GHSA-rp65-9cf3-cjxr",
                        "severity": "high",
                        "range": "<2.0.1",
                    }
                ],
            },
            "css-select": {"name": "css-select", "severity": "high", "via": ["nth-check"]},
        },
    }
    [finding] = npm_findings(report) or []
    assert finding.advisory == "GHSA-rp65-9cf3-cjxr" and finding.package == "nth-check"
    assert npm_findings({"auditReportVersion": 2, "vulnerabilities": {}}) == []
    assert npm_findings({"message": "405 Method Not Allowed", "statusCode": 405}) is None
