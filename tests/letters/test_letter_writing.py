"""The rules writer's letters read as a person writes: the tense from the role's dates, dates with month names, and
the CV's language (English, German, French, Spanish) from greeting to closing; CV bullets quoted as they are."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from cvmaker.domain.cv.model import Basics, CvDocument, Item, Section, SectionKind
from cvmaker.domain.cv.samples import short_cv
from cvmaker.domain.letters.language import letter_language
from cvmaker.domain.letters.layout import letter_content, letter_date
from cvmaker.domain.letters.writing import rules_cover_letter
from cvmaker.domain.matching.tailoring import LetterBrief, LetterRole
from cvmaker.services.letters import LetterRenderer
from tests.letters.conftest import a_letter

CURRENT = LetterRole("Data Analyst", "Westcountry Energy", "2020-03", None, True)
PAST = LetterRole("Analyst", "Fabrikam", "2018", "2021", False)
BULLET = "Built the weekly demand forecast in Python (statsmodels), cutting error by 18%"


def brief(role: LetterRole, language: str = "en") -> LetterBrief:
    return LetterBrief(
        name="Amelia Hartley",
        job_title="Senior Data Analyst",
        company="Northwind",
        recent_roles=(),
        matched_requirements=("SQL", "Python", "Power BI"),
        highlights=(BULLET,),
        roles=(role,),
        language=language,
    )


def test_a_current_role_is_in_the_present_since_its_month_and_a_past_one_in_the_past_with_its_years() -> None:
    assert "I work as Data Analyst at Westcountry Energy, since March 2020." in rules_cover_letter(brief(CURRENT))
    assert "I worked as Analyst at Fabrikam from 2018 to 2021." in rules_cover_letter(brief(PAST))
    months = rules_cover_letter(brief(LetterRole("Analyst", "Fabrikam", "2018-02", "2021-11", False)))
    assert "from February 2018 to November 2021." in months


def test_a_role_begun_and_never_ended_is_current_and_an_undated_one_has_no_date() -> None:
    assert "I work as Analyst at Fabrikam, since 2019." in rules_cover_letter(
        brief(LetterRole("Analyst", "Fabrikam", "2019", None, False))
    )
    assert "I worked as Analyst." in rules_cover_letter(brief(LetterRole("Analyst", None, None, None, False)))


EXPECTED = {
    "en": ("Dear Hiring Manager,", "Kind regards,", "since March 2020", "from 2018 to 2021"),
    "de": ("Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen", "Seit März 2020", "Von 2018 bis 2021"),
    "fr": ("Madame, Monsieur,", "Cordialement,", "Depuis mars 2020", "De 2018 à 2021"),
    "es": ("Estimado equipo de selección:", "Un cordial saludo,", "Desde marzo de 2020", "De 2018 a 2021"),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_the_letter_is_written_in_the_cvs_language_and_lays_out_as_greeting_body_and_closing(language: str) -> None:
    greeting, closing, since, period = EXPECTED[language]
    current = rules_cover_letter(brief(CURRENT, language))
    assert current.startswith(greeting + "\n\n") and f"{closing}\nAmelia Hartley" in current
    assert since in current and period in rules_cover_letter(brief(PAST, language))
    assert not re.search(r"\b\d{4}-\d{2}\b", current)
    assert f"- {BULLET}\n" in current  # the CV's words, not even a full stop added
    content = letter_content(current, "Amelia Hartley", "25 November 2026")
    assert (content.greeting, content.closing, content.signature) == (greeting, closing, "Amelia Hartley")


def cv(bullets: list[str], title: str = "Experience") -> CvDocument:
    item = Item(id="i1", title="Analyst", organization="Fabrikam", start_date="2019", bullets=bullets)
    return CvDocument(
        basics=Basics(name="Amelia Hartley"),
        sections=[Section(id="s1", kind=SectionKind.EXPERIENCE, title=title, items=[item])],
    )


@pytest.mark.parametrize(
    ("bullets", "title", "language"),
    [
        (["Built the forecast for the finance team and led the migration to dbt"], "Experience", "en"),
        (["Aufbau der Prognose für das Finanzteam und Leitung der Migration zu dbt"], "Berufserfahrung", "de"),
        (
            ["Mise en place des prévisions pour l'équipe finance et pilotage de la migration vers dbt"],
            "Expérience",
            "fr",
        ),
        (
            ["Creación de la previsión para el equipo de finanzas y dirección de la migración a dbt"],
            "Experiencia",
            "es",
        ),
        (["تطوير نظام التنبؤ لفريق المالية"], "الخبرة", "ar"),
    ],
)
def test_the_cvs_language_is_read_from_its_words(bullets: list[str], title: str, language: str) -> None:
    assert letter_language(cv(bullets, title)) == language


def test_a_language_the_cv_declares_wins_over_its_words() -> None:
    document = cv(["Built the forecast for the finance team"])
    declared = CvDocument(basics=document.basics, sections=document.sections, imported={"meta": {"language": "de-DE"}})
    assert letter_language(declared) == "de"


def test_french_elides_before_a_vowel_but_quotes_the_cv_as_it_is() -> None:
    letter = rules_cover_letter(brief(LetterRole("Ingénieure", "Airbus", "2018", "2021", False), "fr"))
    assert "au poste de Senior Data Analyst" in letter
    assert "j'ai travaillé en tant qu'Ingénieure chez Airbus." in letter
    assert f"- {BULLET}" in letter


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "3 December 2026"),
        ("de", "3. Dezember 2026"),
        ("fr", "3 décembre 2026"),
        ("es", "3 de diciembre de 2026"),
    ],
)
def test_a_letter_is_dated_in_its_language(language: str, written: str) -> None:
    assert letter_date(datetime(2026, 12, 3, 9, 0, tzinfo=UTC), language) == written


def test_a_rendered_letter_is_dated_in_the_language_of_its_own_text(letters: LetterRenderer) -> None:
    text = rules_cover_letter(brief(CURRENT, "de"))
    edited = replace(a_letter(text), updated_at=datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    document = short_cv()
    content = letters.content(edited, letters.rendering.prepare(document))
    assert content.date == "3. Dezember 2026"  # the last save's day, in German
    assert (content.greeting, content.closing) == ("Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen")
