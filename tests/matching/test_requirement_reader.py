"""The offline requirement reader on small hand-written postings of several professions and languages: it finds
what the requirement blocks and "experience with X" phrases name, classifies it required or preferred by its
block, and never takes an ordinary word ("care", "ward", "models", "production") for a skill."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cvmaker.domain.matching.extraction import Posting, extract_requirements
from cvmaker.domain.matching.jobs import RequirementKind
from cvmaker.domain.matching.vocabulary import shipped_vocabulary

ROOT = Path(__file__).resolve().parents[2]
JUNK = {"care", "patient", "patients", "ward", "prepare", "models", "production", "team"}


def skills(text: str) -> dict[str, bool]:
    """The skills found, by the vocabulary's name where it knows them: the reader shows a term as the posting
    writes it ("BLS", "Monatsabschluss"), which names the same skill as "Basic Life Support (BLS)"."""
    title = text.strip().split("\n")[0]
    vocabulary = shipped_vocabulary()
    found = extract_requirements(Posting(title, None, text), vocabulary)
    kinds = (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL)
    named = {}
    for r in found:
        if r.kind in kinds:
            skill = vocabulary.lookup(r.text)
            named[skill.name if skill else r.text] = r.required
    return named


CASES = [
    (
        "nurse, English",
        """Staff Nurse, surgical ward
You will provide patient care on a busy ward and prepare patients for theatre.
Essential:
- NMC registration
- Experience with wound care and IV therapy
- BLS certification
Desirable:
- Knowledge of infection control
""",
        {"NMC registration": True, "Wound care": True, "IV therapy": True, "Basic Life Support (BLS)": True},
        {"Infection control": False},
    ),
    (
        "accountant, German",
        """Buchhalter (m/w/d)
Wir suchen Verstärkung für unser Team.
Ihr Profil:
- Erfahrung im Monatsabschluss
- Sichere Kenntnisse in SAP und DATEV
Wünschenswert:
- Kenntnisse der IFRS
""",
        {"Month-end close": True, "SAP": True, "DATEV": True},
        {"IFRS": False},
    ),
    (
        "teacher, French",
        """Enseignant de mathématiques
Profil recherché :
- Maîtrise de la planification des cours
Un plus :
- Expérience en gestion de classe
""",
        {"Lesson planning": True},
        {"Classroom management": False},
    ),
    (
        "logistics coordinator, Spanish",
        """Coordinador de logística
Requisitos:
- Experiencia en gestión de inventario
- Conocimientos de Incoterms y SAP
Se valorará:
- Experiencia con WMS
""",
        {"Inventory management": True, "Incoterms": True, "SAP": True},
        {"Warehouse management system (WMS)": False},
    ),
    (
        "mechanical engineer, English",
        """Mechanical Design Engineer
Requirements
- Proficiency in SolidWorks and GD&T
- Experience with DFMEA and technical drawings
- Production support and models for new parts
Nice to have
- FEA experience
""",
        {"SolidWorks": True, "GD&T": True, "DFMEA": True, "Technical drawings": True},
        {"Finite element analysis (FEA)": False},
    ),
]


@pytest.mark.parametrize(("name", "text", "required", "preferred"), CASES, ids=[c[0] for c in CASES])
def test_requirements_are_found_and_classified(
    name: str, text: str, required: dict[str, bool], preferred: dict[str, bool]
) -> None:
    found = skills(text)
    for skill, is_required in {**required, **preferred}.items():
        assert found.get(skill) is is_required, (name, skill, found)


@pytest.mark.parametrize(("name", "text"), [(c[0], c[1]) for c in CASES], ids=[c[0] for c in CASES])
def test_ordinary_words_never_become_requirements(name: str, text: str) -> None:
    assert not {s.casefold() for s in skills(text)} & JUNK


def test_benefits_and_about_us_are_not_read() -> None:
    found = skills(
        """Sales Representative
About us
We sell Salesforce consulting to retailers.
Requirements:
- Experience with pipeline management
Benefits:
- Free SolidWorks training
"""
    )
    assert "Pipeline management" in found
    assert "SolidWorks" not in found and "Salesforce" not in found


def test_capitalised_ordinary_words_are_no_product_names_and_verbs_leave_their_object_whole() -> None:
    found = skills(
        """Policy Adviser
Requirements:
- Behaviours: Working Together; Delivering at Pace
- Hold QTS or be due to complete training by August
- Experience with Bluebeam, Fieldwire and Excel
Your role:
- Keep temperature records and help with stock rotation
"""
    )
    assert not {"Together", "Pace", "August"} & set(found)
    assert {"Bluebeam", "Fieldwire", "Excel"} <= set(found)
    assert "Stock rotation" in {name.capitalize() for name in found}


def test_contract_pay_and_time_abbreviations_are_no_skills_and_a_held_credential_is_its_name() -> None:
    found = skills(
        """Management Accountant
Requirements:
- CIMA qualified, with 3 years PQE
- Intermediate Excel
- Poste en CDI, salary in USD, shifts end at 1 pm
"""
    )
    assert not {"PQE", "CDI", "USD", "1 pm", "CIMA qualified"} & set(found)
    assert "CIMA" in found or "Chartered Institute of Management Accountants (CIMA)" in found
    assert "Excel" in found


def test_words_that_name_a_product_only_as_written_need_its_capital() -> None:
    vocabulary = shipped_vocabulary()
    assert vocabulary.named("Rust") is not None and vocabulary.named("rust") is None
    assert vocabulary.named("Excel") is not None and vocabulary.named("excel") is None
    assert vocabulary.lookup("excel") is not None  # a CV keyword is read in any case
    assert vocabulary.ordinary_word("August") and not vocabulary.ordinary_word("Bluebeam")


def test_the_classification_confirms_multi_word_phrases_only() -> None:
    vocabulary = shipped_vocabulary()
    assert vocabulary.known_phrase("wound care")
    assert vocabulary.known_phrase("general ledger")
    assert not vocabulary.known_phrase("care")
    assert not vocabulary.known_phrase("strong team")


def test_the_lambda_handler_does_not_load_the_vocabulary(tmp_path: Path) -> None:
    code = (
        "import sys, api.lambda_handler; "
        "print(any(m.startswith('cvmaker.domain.matching.skills_data') for m in sys.modules))"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "CVMAKER_DATA_DIR": str(tmp_path),
        "CVMAKER_ENV": "production",
        "CVMAKER_AUTH": "cognito",
        "CVMAKER_COGNITO_ISSUER": "https://cognito-idp.eu-west-1.amazonaws.com/pool",
        "CVMAKER_COGNITO_CLIENT_IDS": "client",
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
