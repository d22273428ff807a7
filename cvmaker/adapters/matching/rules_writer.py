"""`TextGenerator` by deterministic rules: no model, no network, the same answer every time.

Requirements are read with the shipped skills vocabulary; the summary and cover letter are put together from the
CV's own sentences (see `cvmaker.domain.matching.tailoring.rules_summary` and `letters.rules_cover_letter`: the
letter in the CV's language, its roles in the tense their dates call for, dated as a person writes dates).
"""

from __future__ import annotations

from cvmaker.domain.letters.writing import rules_cover_letter
from cvmaker.domain.matching.extraction import Posting, extract_requirements
from cvmaker.domain.matching.jobs import Requirement
from cvmaker.domain.matching.tailoring import LetterBrief, SummaryBrief, rules_summary
from cvmaker.domain.matching.vocabulary import Vocabulary, shipped_vocabulary
from cvmaker.ports import ProposedRequirement


class RulesWriter:
    name = "rules"

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or shipped_vocabulary()

    def extract_requirements(self, posting: Posting) -> list[ProposedRequirement] | None:
        return [_proposed(r) for r in extract_requirements(posting, self.vocabulary)]

    def write_summary(self, brief: SummaryBrief) -> str | None:
        return rules_summary(brief)

    def write_cover_letter(self, brief: LetterBrief) -> str | None:
        return rules_cover_letter(brief)


def _proposed(requirement: Requirement) -> ProposedRequirement:
    return ProposedRequirement(requirement.text, requirement.kind.value, requirement.required)
