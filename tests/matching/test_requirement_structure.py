"""The requirement reader's mechanisms, each on postings written here: blocks under headings in four languages,
candidate phrases cut out of clauses, confirmation without the vocabulary (names, codes, credentials, list
entries), required against preferred, and the junk that never becomes a requirement."""

from __future__ import annotations

import pytest

from cvmaker.domain.matching.candidates import candidates
from cvmaker.domain.matching.extraction import Posting, extract_requirements
from cvmaker.domain.matching.jobs import RequirementKind
from cvmaker.domain.matching.posting_structure import clauses
from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary

SKILL_KINDS = (RequirementKind.HARD_SKILL, RequirementKind.SOFT_SKILL)
# A vocabulary that knows nothing: whatever the reader finds with it, the posting's structure found.
EMPTY = Vocabulary()


def read(text: str, vocabulary: Vocabulary = EMPTY) -> dict[str, bool]:
    title = text.strip().split("\n")[0]
    found = extract_requirements(Posting(title, None, text), vocabulary)
    return {r.text: r.required for r in found if r.kind in SKILL_KINDS}


# --- blocks and headings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "required_entry", "preferred_entry"),
    [
        ("Ward clerk\nEssential:\n- Zorbex EPR\nDesirable:\n- Quillon rota\n", "Zorbex EPR", "Quillon rota"),
        (
            "Monteur\nIhr Profil\n- Zorbex-Schulung\nVon Vorteil\n- Quillon-System\n",
            "Zorbex-Schulung",
            "Quillon-System",
        ),
        ("Réceptionniste\nProfil recherché :\n- Zorbex PMS\nUn plus :\n- Quillon CRM\n", "Zorbex PMS", "Quillon CRM"),
        ("Contable\nRequisitos:\n- Zorbex ERP\nSe valorará:\n- Quillon BI\n", "Zorbex ERP", "Quillon BI"),
    ],
    ids=["en", "de", "fr", "es"],
)
def test_headings_open_required_and_preferred_blocks(text: str, required_entry: str, preferred_entry: str) -> None:
    blocks = {c.text: c for c in clauses(text)}
    assert blocks[required_entry].block == "required" and not blocks[required_entry].preferred
    assert blocks[preferred_entry].block == "preferred" and blocks[preferred_entry].preferred
    found = read(text)
    assert found[required_entry] is True
    assert found[preferred_entry] is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Experience with Zorbex is a plus.",
        "Erfahrung mit Zorbex ist von Vorteil.",
        "Une expérience de Zorbex serait un atout.",
        "Se valorará experiencia en Zorbex.",
    ],
    ids=["en", "de", "fr", "es"],
)
def test_a_sentence_can_call_itself_preferred(sentence: str) -> None:
    text = f"Technician\nRequirements:\n- {sentence}\n- Experience with Quillon\n"
    found = read(text)
    assert found["Zorbex"] is False
    assert found["Quillon"] is True


def test_about_us_and_benefits_blocks_are_not_read() -> None:
    found = read(
        "Driver\nAbout us\nWe run Zorbex depots.\nRequirements:\n- Experience with Quillon\n"
        "Benefits:\n- Free Tachex training\n"
    )
    assert found == {"Quillon": True}


def test_duties_in_the_introduction_are_read_as_duties() -> None:
    text = "Cook\nYou'll run the pass, follow our HACCP plan and keep allergen records.\nWe are a family pub."
    kinds = {c.text: c.block for c in clauses(text)}
    assert kinds["You'll run the pass, follow our HACCP plan and keep allergen records."] == "duties"
    assert kinds["We are a family pub."] == "intro"
    assert read(text, shipped_vocabulary())["HACCP"] is True
    assert read(text) == {}  # an abbreviation in a duty counts only when the vocabulary knows it


def test_a_duty_that_is_also_nice_to_have_is_preferred() -> None:
    text = "Analyst\nResponsibilities\n- Build reports in Zorbex BI\nNice to have\n- Zorbex BI\n"
    assert read(text) == {"Zorbex BI": False}


# --- candidate phrases ---------------------------------------------------------------------------------------


def test_lists_are_cut_at_separators_and_conjunctions() -> None:
    texts = [c.text for c in candidates("Proficiency in Procore, Bluebeam and Microsoft Excel")]
    assert {"Procore", "Bluebeam", "Microsoft Excel"} <= set(texts)


@pytest.mark.parametrize(
    ("clause", "term"),
    [
        ("Strong knife skills", "knife skills"),
        ("Excellent working knowledge of the general ledger", "general ledger"),
        ("Sehr gute Kenntnisse in der Lohnbuchhaltung", "Lohnbuchhaltung"),
        ("Bonne maîtrise de la comptabilité fournisseurs", "comptabilité fournisseurs"),
        ("Sólidos conocimientos de contabilidad analítica", "contabilidad analítica"),
        ("Administer intravenous medications", "intravenous medications"),
    ],
)
def test_filler_lead_ins_and_leading_verbs_are_trimmed(clause: str, term: str) -> None:
    assert term in [c.text for c in candidates(clause)]


def test_a_term_with_a_conjunction_is_offered_whole_and_kept_when_the_vocabulary_knows_it() -> None:
    vocabulary = Vocabulary(terms=[{"name": "Moving and handling", "kind": "hard"}])
    assert "Safe moving and handling" in [c.text for c in candidates("Safe moving and handling")]
    found = read("Carer\nRequirements:\n- Safe moving and handling of residents\n", vocabulary)
    assert found == {"Moving and handling": True}


# --- confirmation without the vocabulary ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nurse\nRequirements:\n- Current BLS and ACLS\n", {"BLS", "ACLS"}),
        ("Accountant\nRequirements:\n- Accounts under FRS 102 and IFRS 16\n", {"FRS 102", "IFRS 16"}),
        ("Accountant\nRequirements:\n- Experience with NetSuite or BlackLine\n", {"NetSuite", "BlackLine"}),
        (
            "Carer\nRequirements:\n- Experience with Carebook, Rostermatic or Nourish\n",
            {"Carebook", "Rostermatic", "Nourish"},
        ),
        ("Electrician\nRequirements:\n- ECS Gold Card\n", {"ECS Gold Card"}),
        ("Cook\nEssential:\n- Butchery\n- Fish preparation\n", {"Butchery", "Fish preparation"}),
        ("Elektriker\nIhr Profil:\n- Erfahrung mit Photovoltaik und Wallboxen\n", {"Photovoltaik", "Wallboxen"}),
        ("Infirmier\nProfil recherché :\n- Diplôme d'État infirmier et permis B\n", {"permis B"}),
    ],
    ids=["acronyms", "codes", "products", "tools-in-a-list", "credential", "list-entries", "german", "french"],
)
def test_the_structure_finds_terms_the_vocabulary_does_not_know(text: str, expected: set[str]) -> None:
    assert expected <= set(read(text))


def test_the_vocabulary_normalises_and_shows_the_posting_s_own_words() -> None:
    vocabulary = shipped_vocabulary()
    found = read("Nurse\nRequirements:\n- BLS certification\n- Experience with wound care\n", vocabulary)
    assert set(found) == {"BLS", "Wound care"}
    bls = vocabulary.lookup("BLS")
    assert bls is not None and bls.name == "Basic Life Support (BLS)"


def test_soft_skills_come_from_the_vocabulary_and_are_classified_soft() -> None:
    posting = Posting("Receptionist", None, "Receptionist\nRequirements:\n- Excellent communication skills\n")
    found = extract_requirements(posting, shipped_vocabulary())
    assert [(r.text, r.kind) for r in found if r.kind in SKILL_KINDS] == [("communication", RequirementKind.SOFT_SKILL)]


# --- junk ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Staff Nurse\nYou will provide care to every patient on the ward and prepare models of production.\n"
        "Requirements:\n- Care\n- Patients\n- Team\n",
        "Pflegekraft\nIhre Aufgaben\n- Pflege der Patienten auf der Station\nIhr Profil:\n- Teamfähigkeit\n",
        "Infirmier\nVos missions\n- Préparer les soins des patients\nProfil recherché :\n- Rigueur\n",
    ],
    ids=["en", "de", "fr"],
)
def test_lone_ordinary_words_are_refused(text: str) -> None:
    found = {t.casefold() for t in read(text, shipped_vocabulary())}
    assert not found & {"care", "patient", "patients", "ward", "prepare", "models", "production", "team", "pflege"}


@pytest.mark.parametrize(
    "line",
    [
        "- At least 2 years in a busy kitchen",
        "- Able to lift 50 lbs",
        "- 28 days holiday and a pension",
        "- 401(k) with employer match",
        "- Salary £28,000 per annum",
        "- Bachelor's degree in Mechanical Engineering",
        "- Experience as a registered nurse",
        "- Mindestens 3 Jahre Berufserfahrung",
        "- 35 heures par semaine",
    ],
)
def test_amounts_benefits_degrees_and_roles_are_not_skills(line: str) -> None:
    assert read(f"Job\nRequirements:\n{line}\n", shipped_vocabulary()) == {}


def test_equal_opportunity_boilerplate_is_not_read() -> None:
    text = (
        "Clerk\nRequirements:\n- Experience with Zorbex\n"
        "We are an equal opportunity employer (EOE) and a Quillon partner."
    )
    assert read(text) == {"Zorbex": True}


@pytest.mark.parametrize(
    "text",
    [
        "Reporter\nWe are a regional daily. The ideal candidate has Zorbex CMS skills and a driving licence.",
        "Redactor\nSomos un diario regional. Pedimos experiencia con Zorbex CMS y carné de conducir.",
        "Rédacteur\nNous sommes un quotidien régional. Vous maîtrisez Zorbex CMS et avez le permis B.",
    ],
    ids=["en", "es", "fr"],
)
def test_a_posting_in_prose_is_read_where_it_asks(text: str) -> None:
    blocks = [c.block for c in clauses(text)]
    assert blocks[-2:] == ["intro", "required"]
    assert read(text)["Zorbex CMS"] is True


def test_ideally_turns_the_rest_of_a_clause_preferred() -> None:
    text = "Accountant\nRequirements:\n- Experience with Zorbex ERP, ideally with Quillon BI\n"
    assert read(text) == {"Zorbex ERP": True, "Quillon BI": False}


@pytest.mark.parametrize(
    ("text", "entry", "block"),
    [
        ("Lagerhelfer\nDas bringst du mit:\n✔ Zorbex-Schein\n", "Zorbex-Schein", "required"),
        ("Electrician\nMain duties include Zorbex testing and fault finding.\n", None, "duties"),
        ("Conseiller\nAu quotidien, vous répondez aux clients par Zorbex chat.\n", None, "duties"),
        ("Analista\n¿Qué harás?\n· Informes en Zorbex BI\n", "Informes en Zorbex BI", "duties"),
    ],
    ids=["de-check-bullets", "en-duties-in-prose", "fr-duties-in-prose", "es-question-heading"],
)
def test_blocks_are_found_in_the_usual_shapes_of_postings(text: str, entry: str | None, block: str) -> None:
    last = clauses(text)[-1]
    assert last.block == block
    if entry is not None:
        assert last.text == entry


def test_a_known_product_keeps_the_edition_the_posting_names() -> None:
    found = read("Accountant\nRequirements:\n- Experience with Sage 200 and SAP CO\n", shipped_vocabulary())
    assert {"Sage 200", "SAP CO"} <= set(found)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Lagerhelfer\nIhr Profil:\n- Teamfähigkeit und Zuverlässigkeit\n", "Teamfähigkeit"),
        ("Cuisinier\nProfil recherché :\n- Goût du travail en équipe\n", "travail en équipe"),
        ("Camarero\nRequisitos:\n- Capacidad de trabajo en equipo\n", "trabajo en equipo"),
    ],
    ids=["de", "fr", "es"],
)
def test_soft_skills_are_known_in_german_french_and_spanish(text: str, written: str) -> None:
    vocabulary = shipped_vocabulary()
    posting = Posting(text.split("\n")[0], None, text)
    soft = {r.text for r in extract_requirements(posting, vocabulary) if r.kind == RequirementKind.SOFT_SKILL}
    assert written in soft
    skill = vocabulary.lookup(written)
    assert skill is not None and skill.name == "collaboration"
