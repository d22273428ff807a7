"""The shipped skills vocabulary: whole-term matching, alias and plural folding, ambiguous words."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return shipped_vocabulary()


def names(vocabulary: Vocabulary, text: str) -> list[str]:
    return [found.skill.name for found in vocabulary.find(text)]


def test_go_is_a_whole_term_written_as_a_name(vocabulary: Vocabulary) -> None:
    assert names(vocabulary, "We are going to go fast and let's go") == []
    assert names(vocabulary, "Services in Go and golang") == ["Go", "Go"]
    assert names(vocabulary, "our Go to Market plan and the go-live date") == ["Go-to-market"]


def test_aliases_fold_to_one_skill(vocabulary: Vocabulary) -> None:
    assert names(vocabulary, "k8s, Kubernetes, NodeJS, node.js, Python 3, ReactJS") == [
        "Kubernetes",
        "Kubernetes",
        "Node.js",
        "Node.js",
        "Python",
        "React",
    ]


def test_plurals_fold_on_the_last_word(vocabulary: Vocabulary) -> None:
    assert names(vocabulary, "built design systems") == names(vocabulary, "built a design system") == ["Design systems"]
    assert names(vocabulary, "two FPGAs") == ["FPGA"]


def test_symbols_inside_names_count(vocabulary: Vocabulary) -> None:
    assert names(vocabulary, "C++, C# and .NET; not C-suite") == ["C++", "C#", ".NET"]


def test_software_and_data_skills_fold_their_usual_spellings(vocabulary: Vocabulary) -> None:
    text = "Postgres, sklearn, PowerBI, OAuth 2.0, HTML5, VS Code, Golang, AWS S3, GCP, CI/CD, TDD and Vue 3"
    assert names(vocabulary, text) == [
        "PostgreSQL",
        "scikit-learn",
        "Power BI",
        "OAuth",
        "HTML",
        "Visual Studio Code",
        "Go",
        "Amazon S3",
        "Google Cloud Platform",
        "CI/CD",
        "Test-driven development",
        "Vue.js",
    ]
    # Names that are also English words count only as written: "a rust-free agile team" names no skill.
    assert names(vocabulary, "a rust-free and agile team; Rust and Agile") == ["Rust", "Agile"]


def test_the_longest_known_phrase_wins(vocabulary: Vocabulary) -> None:
    assert names(vocabulary, "Apache Spark and Spring Boot") == ["Apache Spark", "Spring Boot"]


def test_soft_skills_match_in_any_case(vocabulary: Vocabulary) -> None:
    found = vocabulary.find("Strong Communication skills and a team player")
    assert [(f.skill.name, f.skill.kind) for f in found] == [("communication", "soft"), ("collaboration", "soft")]


def test_a_keyword_names_its_skill_in_any_case(vocabulary: Vocabulary) -> None:
    assert vocabulary.lookup("python") == vocabulary.lookup("Python 3")
    assert vocabulary.lookup("golang").name == "Go"  # type: ignore[union-attr]
    assert vocabulary.lookup("knitting") is None


def test_the_shipped_data_names_its_sources_and_licences() -> None:
    package = resources.files("cvmaker.domain.matching.skills_data")
    terms = json.loads(package.joinpath("vocabulary.json").read_text(encoding="utf-8"))["terms"]
    licences = package.joinpath("LICENSES.md").read_text(encoding="utf-8")
    sources = {source for term in terms for source in term["sources"]}
    assert sources == {"microsoft-skills", "onet", "esco", "cvmaker"}
    for source in sources:
        assert f"`{source}`" in licences
    assert "CC BY 4.0" in licences and "2011/833/EU" in licences and "Apache-2.0" in licences
    assert len(terms) > 3000


def test_german_french_and_spanish_names_fold_to_the_english_skill(vocabulary: Vocabulary) -> None:
    text = (
        "Kommissionierung, préparation de commandes, preparación de pedidos; Inventur, prise d'inventaire; "
        "Wareneingang, réception des marchandises; Staplerschein, CACES, carretilla elevadora; Monatsabschluss, "
        "clôture mensuelle, cierre mensual; Wundversorgung, soins des plaies; Unterrichtsplanung, Tenue de caisse"
    )
    assert names(vocabulary, text) == [
        *["Order picking"] * 3,
        *["Stocktaking"] * 2,
        *["Goods receiving"] * 2,
        *["Forklift licence"] * 3,
        *["Month-end close"] * 3,
        *["Wound care"] * 2,
        "Lesson planning",
        "Cash handling",
    ]
    # Each spelling names the same skill as the English one, in any letter case and with or without accents.
    for spelling in ("Kommissionierung", "PREPARATION DE COMMANDES", "préparation de commandes"):
        assert vocabulary.lookup(spelling) == vocabulary.lookup("Order picking")


def test_a_broad_word_in_another_language_names_nothing(vocabulary: Vocabulary) -> None:
    # "Lager" (store, camp, bearing), "caisse" (till, box, fund), "ventas" and "compras" (sales, purchases of any
    # kind) say too little alone; the phrases postings use do name a skill.
    assert names(vocabulary, "Lager, caisse, ventas, compras, Einkauf, Versand") == []
    assert names(vocabulary, "Lagerverwaltung, tenue de caisse, gestión de ventas, gestión de compras") == [
        "Inventory management",
        "Cash handling",
        "Sales management",
        "Procurement",
    ]
