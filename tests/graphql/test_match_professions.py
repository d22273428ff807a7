"""Job match for professions other than software, through the API on the embedded default (MiniLM embeddings,
local index, rules writer): a nurse's BLS certificate is evidence and tailoring never hides it; an accountant's
posting against a software engineer's CV scores low and names what is missing; no part shows a percentage for
something it did not measure. Assertions go through the job's stored requirements, whichever reader made them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.graphql.queries import CV_FIELDS, RESULT

IMPORT = CV_FIELDS + "mutation($doc: JSON!) { importJsonResume(document: $doc) {" + RESULT + "} }"
CREATE_JOB = """mutation($input: JobInput!) { createJob(input: $input) {
  __typename ... on Job { id requirements { text kind required } } } }"""
MATCH = """mutation($cv: ID!, $job: ID!) { matchCv(cvId: $cv, jobId: $job) { __typename
  ... on Match { score summary missing missingNotShown cappedBy
    breakdown { name score weight explanation measured tallies { label shown asked weight } }
    requirements { requirement { text kind required } matched matchedBy
      evidence { cvId sectionId itemId text similarity } } } } }"""
TAILOR = (
    CV_FIELDS
    + """mutation($cv: ID!, $job: ID!) { tailorCv(cvId: $cv, jobId: $job) { __typename
  ... on Tailored { cv { ...CvFields } changes { path after reason } } } }"""
)

NURSING_POSTING = """Registered Nurse - Medical-Surgical Unit

You will care for adult patients on a 28-bed medical-surgical ward.

Requirements:
- Current RN licence
- BLS certification
- ACLS certification within 6 months of hire
- IV therapy and medication administration
- Wound care

Nice to have: experience with Epic.
"""
NURSE = {
    "basics": {"name": "Rosa Diaz", "label": "Registered Nurse", "summary": "Ward nurse on a busy medical unit."},
    "work": [
        {
            "name": "St Mary's Hospital",
            "position": "Staff Nurse",
            "startDate": "2019-04",
            "highlights": [
                "Administered intravenous medication and maintained peripheral IV lines",
                "Dressed pressure ulcers and surgical wounds and documented healing",
                "Gave medication to 8 patients per shift and charted it in Epic",
            ],
        }
    ],
    "education": [{"institution": "University of Leeds", "area": "Nursing", "studyType": "BSc", "endDate": "2019"}],
    "certificates": [
        {"name": "Registered Nurse licence", "issuer": "State Board of Nursing"},
        {"name": "Basic Life Support (BLS) & ACLS", "issuer": "American Heart Association"},
        {"name": "Powerboat Level 2", "issuer": "RYA"},
        {"name": "Food Hygiene Level 2", "issuer": "Highfield"},
    ],
}

ACCOUNTING_POSTING = """Management Accountant

We are looking for a qualified accountant to run our monthly reporting.

Essential:
- ACCA or CIMA qualification
- Month-end close and journals
- General ledger and balance sheet reconciliations
- IFRS reporting
- Advanced Excel
- Experience with SAP

Desirable: VAT returns.
"""
ENGINEER = {
    "basics": {"name": "Sam Okafor", "label": "Software Engineer", "summary": "Backend engineer building APIs."},
    "work": [
        {
            "name": "Northwind Traders",
            "position": "Software Engineer",
            "startDate": "2018-02",
            "highlights": [
                "Built REST APIs in Python and Go for the order platform",
                "Ran services on Kubernetes with Terraform",
                "Wrote unit tests and reviewed code",
            ],
        }
    ],
    "education": [{"institution": "University of Manchester", "area": "Computer Science", "studyType": "BSc"}],
    "skills": [{"name": "Languages", "keywords": ["Python", "Go", "TypeScript", "SQL"]}],
}


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("prof") / "data", web_dist=tmp_path_factory.mktemp("none"))
    verifier = FakeVerifier()
    from cvmaker.ports import Principal

    verifier.add("token-alice", Principal(sub="alice", client_id="web"))
    with TestClient(create_app(settings, build_runtime(settings, verifier=verifier))) as client:
        yield Api(client)


def imported(api: Api, document: dict[str, Any]) -> dict[str, Any]:
    cv: dict[str, Any] = api.data(IMPORT, {"doc": document})["importJsonResume"]
    assert cv["__typename"] == "Cv"
    return cv


def created_job(api: Api, title: str, description: str) -> dict[str, Any]:
    job: dict[str, Any] = api.data(CREATE_JOB, {"input": {"title": title, "description": description}})["createJob"]
    assert job["__typename"] == "Job"
    return job


def item_titled(cv: dict[str, Any], title: str) -> dict[str, Any]:
    return next(i for s in cv["sections"] for i in s["items"] if i["title"] == title)


def assert_truthful(match: dict[str, Any]) -> None:
    for part in match["breakdown"]:
        assert part["measured"] == (part["weight"] > 0), part
        assert not re.search(r"\b0 of (the )?0\b", part["explanation"]), part
        counted = [(int(a), int(b)) for a, b in re.findall(r"(\d+) of the (\d+)", part["explanation"])]
        assert counted == [(t["shown"], t["asked"]) for t in part["tallies"]], part
    assert sum(p["weight"] for p in match["breakdown"]) == pytest.approx(1.0, abs=1e-3)
    raw = 100 * sum(p["score"] * p["weight"] for p in match["breakdown"])
    assert match["score"] == pytest.approx(raw, abs=0.1) or match["cappedBy"]


def test_a_nurses_bls_certificate_is_evidence_and_never_hidden_by_tailoring(api: Api) -> None:
    cv = imported(api, NURSE)
    certificate = item_titled(cv, "Basic Life Support (BLS) & ACLS")
    job = created_job(api, "Registered Nurse", NURSING_POSTING)
    match = api.data(MATCH, {"cv": cv["id"], "job": job["id"]})["matchCv"]
    assert match["__typename"] == "Match"
    assert_truthful(match)
    bls = [
        r
        for r in match["requirements"]
        if re.search(r"\bBLS\b|basic life support", r["requirement"]["text"], re.IGNORECASE)
    ]
    assert bls, "the posting's BLS requirement was not read"
    for judged in bls:
        assert judged["matched"] and judged["matchedBy"] == "words"
        assert certificate["id"] in {e["itemId"] for e in judged["evidence"]}

    tailored = api.data(TAILOR, {"cv": cv["id"], "job": job["id"]})["tailorCv"]
    assert tailored["__typename"] == "Tailored"
    assert item_titled(tailored["cv"], "Basic Life Support (BLS) & ACLS")["visible"] is True
    assert item_titled(tailored["cv"], "Registered Nurse licence")["visible"] is True
    assert not any("Basic Life Support" in (c["reason"] or "") for c in tailored["changes"])


def test_an_accountants_posting_scores_a_software_engineer_low_and_names_the_gaps(api: Api) -> None:
    cv = imported(api, ENGINEER)
    job = created_job(api, "Management Accountant", ACCOUNTING_POSTING)
    match = api.data(MATCH, {"cv": cv["id"], "job": job["id"]})["matchCv"]
    assert match["__typename"] == "Match"
    assert_truthful(match)
    assert match["score"] < 35 and match["summary"].startswith("A weak match")
    required = [
        r
        for r in match["requirements"]
        if r["requirement"]["required"] and r["requirement"]["kind"] in ("hard_skill", "soft_skill")
    ]
    assert len(required) >= 3, "the posting's required skills were not read"
    assert not any(r["matched"] for r in required), [r for r in required if r["matched"]]
    missing = " ".join(match["missingNotShown"]).lower()
    assert "ledger" in missing or "month-end" in missing
    assert "Not shown anywhere" in match["summary"]
