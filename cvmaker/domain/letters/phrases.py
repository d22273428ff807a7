"""The fixed words of a letter written by rules, per language: greeting, sentences, closing, and dates as a person
writes them ("March 2020", "März 2020", "mars 2020", "marzo de 2020"), never "2020-03"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{\w+\}")


@dataclass(frozen=True, slots=True)
class Phrases:
    greeting: str
    applying: str  # {title}
    applying_at: str  # {title}, {company}
    works: str  # a current role: {role}, {since}
    works_undated: str  # {role}
    worked: str  # a past role: {role}, {period}
    worked_undated: str  # {role}
    role_at: str  # {title}, {organization}
    role_only_at: str  # {organization}, when the role has no title
    since: str  # {date}
    period: str  # {start}, {end}
    period_one: str  # {date}: started and ended within the same written date
    shows: str  # {skills}
    and_word: str
    done: str
    thanks: str
    closing: str
    months: tuple[str, ...]
    month_year: str  # {month}, {year}


PHRASES = {
    "en": Phrases(
        greeting="Dear Hiring Manager,",
        applying="I am applying for the {title} role.",
        applying_at="I am applying for the {title} role at {company}.",
        works="I work as {role}, since {since}.",
        works_undated="I work as {role}.",
        worked="I worked as {role} {period}.",
        worked_undated="I worked as {role}.",
        role_at="{title} at {organization}",
        role_only_at="a member of {organization}",
        since="{date}",
        period="from {start} to {end}",
        period_one="in {date}",
        shows="My CV shows the {skills} this role asks for.",
        and_word="and",
        done="Some of what I have done:",
        thanks="Thank you for your time. I would welcome the chance to talk about the role.",
        closing="Kind regards,",
        months=(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        month_year="{month} {year}",
    ),
    "de": Phrases(
        greeting="Sehr geehrte Damen und Herren,",
        applying="hiermit bewerbe ich mich um die Stelle als {title}.",
        applying_at="hiermit bewerbe ich mich um die Stelle als {title} bei {company}.",
        works="Seit {since} arbeite ich als {role}.",
        works_undated="Derzeit arbeite ich als {role}.",
        worked="{period} war ich als {role} tätig.",
        worked_undated="Ich war als {role} tätig.",
        role_at="{title} bei {organization}",
        role_only_at="Mitarbeiter bei {organization}",
        since="{date}",
        period="Von {start} bis {end}",
        period_one="{date}",
        shows="Mein Lebenslauf zeigt die Kenntnisse in {skills}, die diese Stelle verlangt.",
        and_word="und",
        done="Einige meiner Erfolge:",
        thanks="Vielen Dank für Ihre Zeit. Über ein persönliches Gespräch würde ich mich sehr freuen.",
        closing="Mit freundlichen Grüßen",
        months=(
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ),
        month_year="{month} {year}",
    ),
    "fr": Phrases(
        greeting="Madame, Monsieur,",
        applying="Je vous propose ma candidature au poste de {title}.",
        applying_at="Je vous propose ma candidature au poste de {title} chez {company}.",
        works="Depuis {since}, je travaille en tant que {role}.",
        works_undated="Je travaille en tant que {role}.",
        worked="{period}, j'ai travaillé en tant que {role}.",
        worked_undated="J'ai travaillé en tant que {role}.",
        role_at="{title} chez {organization}",
        role_only_at="membre de l'équipe de {organization}",
        since="{date}",
        period="De {start} à {end}",
        period_one="En {date}",
        shows="Mon CV montre les compétences en {skills} que ce poste demande.",
        and_word="et",
        done="Quelques-unes de mes réalisations :",
        thanks="Je vous remercie de votre attention et reste à votre disposition pour un entretien.",
        closing="Cordialement,",
        months=(
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
        month_year="{month} {year}",
    ),
    "es": Phrases(
        greeting="Estimado equipo de selección:",
        applying="Me dirijo a ustedes para presentar mi candidatura al puesto de {title}.",
        applying_at="Me dirijo a ustedes para presentar mi candidatura al puesto de {title} en {company}.",
        works="Desde {since} trabajo como {role}.",
        works_undated="Trabajo como {role}.",
        worked="{period} trabajé como {role}.",
        worked_undated="Trabajé como {role}.",
        role_at="{title} en {organization}",
        role_only_at="parte del equipo de {organization}",
        since="{date}",
        period="De {start} a {end}",
        period_one="En {date}",
        shows="Mi CV muestra la experiencia en {skills} que pide este puesto.",
        and_word="y",
        done="Algunos de mis logros:",
        thanks="Gracias por su tiempo. Me encantaría hablar con ustedes sobre el puesto.",
        closing="Un cordial saludo,",
        months=(
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
        month_year="{month} de {year}",
    ),
}


def phrases_for(language: str) -> Phrases:
    """The language's phrases; English for a language without them."""
    return PHRASES.get(language, PHRASES["en"])


def written_date(value: str, phrases: Phrases) -> str:
    """ "2020-03" as "March 2020" (in the phrases' language); a year stays a year; what is not a date stays as
    the CV has it."""
    year, _, rest = value.strip().partition("-")
    month = rest[:2]
    if not (len(year) == 4 and year.isdigit()):
        return value.strip()
    if month.isdigit() and 1 <= int(month) <= 12:
        return phrases.month_year.format(month=phrases.months[int(month) - 1], year=year)
    return year


def every_phrase_word() -> str:
    """Every fixed word of every language's letter (for the no-fabrication check: the writer's own words are no
    claim about the person)."""
    texts: list[str] = []
    for phrases in PHRASES.values():
        for value in (
            phrases.greeting,
            phrases.applying_at,
            phrases.works,
            phrases.works_undated,
            phrases.worked,
            phrases.worked_undated,
            phrases.role_at,
            phrases.role_only_at,
            phrases.period,
            phrases.period_one,
            phrases.shows,
            phrases.done,
            phrases.thanks,
            phrases.closing,
            *phrases.months,
        ):
            texts.append(_PLACEHOLDER.sub(" ", value))
    return " ".join(texts)
