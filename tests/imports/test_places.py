"""Where the candidate lives: postal addresses in the forms of many countries, and countries and regions named in
the CV's own language (ISO 3166 names and their translations), read from the contact lines; an entry's place
does not swallow its title or employer."""

from __future__ import annotations

import pytest

from cvmaker.domain.parsing.contact import ContactPiece, is_address, is_location_text, read_contact
from cvmaker.domain.parsing.places import split_location_suffix


@pytest.mark.parametrize(
    "line",
    [
        "Wiesingerweg 42, 20253 Hamburg",
        "31 rue Croix des Petits Champs, 75049 Paris, France",
        "Van Berchenstraat 38, Nijmegen 6511BD",
        "2 Salthrop Rise Coate Swindon SN3 6EW",
        "5807 S Woodlawn Ave, Chicago, IL 60637",
        "Av. 5 de Mayo 18, Colonia Centro, CDMX",
        "1280 Main Street West, Hamilton, Ontario, Canada L8S 4M4",
        "Via Roma 12, 00184 Roma",
    ],
)
def test_postal_addresses_are_places(line: str) -> None:
    assert is_address(line)
    assert is_location_text(line)


@pytest.mark.parametrize(
    "line",
    ["+49 170 1234567", "+1 (312) 555-0199", "Since 2020 Berlin", "2019 - 2021", "anna@example.org, 10115 Berlin"],
)
def test_phones_years_and_emails_are_not_addresses(line: str) -> None:
    assert not is_address(line)


@pytest.mark.parametrize(
    "line",
    [
        "Casablanca, Maroc",
        "Rio de Janeiro, Brasil",
        "Ouagadougou, Burkina Faso",
        "ISTANBUL",
        "Lima, Perú",
        "Stockholm, SE",
        "Lyon, FRA",
    ],
)
def test_countries_and_regions_in_the_cvs_language_are_places(line: str) -> None:
    assert is_location_text(line)


@pytest.mark.parametrize(
    "line", ["Software Engineer, Consultant", "Python, Java, SQL", "Central", "Northern", "Engineer, IT"]
)
def test_titles_skills_and_generic_region_words_are_not_places(line: str) -> None:
    assert not is_location_text(line)


def test_a_labelled_residence_is_read_without_its_label() -> None:
    contact = read_contact(
        [
            ContactPiece("Ana Souza", 20.0, 0),
            ContactPiece("Residence: Basel, Switzerland", 10.0, 1),
            ContactPiece("ana@example.org", 10.0, 2),
        ]
    )
    assert contact.location == "Basel, Switzerland"


def test_an_address_with_a_house_number_is_not_taken_for_a_phone() -> None:
    contact = read_contact(
        [ContactPiece("Jonas Weber", 20.0, 0), ContactPiece("Grimmstr. 4 70197 Stuttgart Germany", 10.0, 1)]
    )
    assert (contact.location, contact.phone) == ("Grimmstr. 4 70197 Stuttgart Germany", None)


@pytest.mark.parametrize(
    ("pieces", "kept", "place"),
    [
        (["Software Developer Intern", "Berlin", "Germany"], ["Software Developer Intern"], ["Berlin", "Germany"]),
        (["Zalando SE", "Berlin"], ["Zalando SE"], ["Berlin"]),
        (["Acme Corp", "Springfield", "Illinois", "USA"], ["Acme Corp"], ["Springfield", "Illinois", "USA"]),
    ],
)
def test_an_entrys_place_leaves_its_title_and_employer(pieces: list[str], kept: list[str], place: list[str]) -> None:
    assert split_location_suffix(pieces, allow_whole=True) == (kept, place)
