"""A posting cut into clauses, each with the block it sits in: what the reader looks at before any vocabulary.

Blocks open at headings, in English, German, French and Spanish: "intro" before any heading, then "required"
("Requirements", "Essential", "Ihr Profil", "Profil recherché", "Requisitos"), "preferred" ("Nice to have",
"Desirable", "Wünschenswert", "Un plus", "Se valorará"), "duties" ("Responsibilities", "Ihre Aufgaben",
"Missions", "Funciones") and "other" (about us, benefits, how to apply), which is never read. A clause is a
sentence, a list entry or the part of one between semicolons. A clause is preferred when its block is, or when
it says so itself ("... is a plus", "von Vorteil", "un atout", "se valorará") without also calling itself
required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from cvmaker.domain.matching.text import sentences

BlockKind = Literal["intro", "required", "preferred", "duties", "other"]

_HEADINGS: dict[BlockKind, re.Pattern[str]] = {
    "preferred": re.compile(
        r"^(?:preferred|desirable|desired|nice[ -]to[ -]haves?|bonus|pluses|additional (?:qualifications|skills)|"
        r"it would be \w+ if|it(?:'s| is) a (?:bonus|plus)|(?:great|nice|lovely|ideal|even better) if|"
        r"what (?:would|will) set you apart|extra credit|ideally|wünschenswert|von vorteil|idealerweise|ein plus|"
        r"(?:ce serait )?un plus|atouts?|souhaité|apprécié|serait un (?:plus|atout)|se valorar[aá]|valorable|"
        r"deseable|valoraremos|se valora)",
        re.IGNORECASE,
    ),
    "required": re.compile(
        r"^(?:(?:basic|required|minimum|key|essential|core)\b.{0,20}(?:qualifications|requirements|skills|criteria)|"
        r"requirements|qualifications|essential|must[ -]haves?|what you(?:'ll| will)? (?:need|bring)|"
        r"what we(?:'re| are) looking for|who (?:you are|are you)|about you|the ideal candidate|what we need|"
        r"das bringst du mit|das bringen sie mit|was wir erwarten|ce que nous attendons|lo que buscamos|"
        r"qué necesitas|you have|you bring|your profile|skills|"
        r"person specification|experience and qualifications|ihr profil|dein profil|anforderungen|"
        r"was sie mitbringen|was du mitbringst|voraussetzungen|qualifikationen|profil recherché|votre profil|"
        r"profil|compétences|prérequis|requisitos|requerimos|perfil|buscamos|imprescindible|qué buscamos)",
        re.IGNORECASE,
    ),
    "duties": re.compile(
        r"^(?:responsibilities|duties|key responsibilities|main duties|what (?:you(?:'ll| will)|will you) do|"
        r"the role|your role|role|key tasks|position summary|job description|job purpose|purpose of the role|"
        r"day[- ]to[- ]day|a typical day|in this role|ihre aufgaben|deine aufgaben|aufgaben|"
        r"das erwartet (?:sie|dich)|was (?:sie|dich) erwartet|vos missions|missions|responsabilités|"
        r"vos responsabilités|ce que vous ferez|au quotidien|funciones|responsabilidades|tareas|tus funciones|"
        r"qué harás|lo que harás|tu día a día)",
        re.IGNORECASE,
    ),
    "other": re.compile(
        r"^(?:about us|about the company|who we are|benefits|perks|we offer|what we offer|salary|pay|"
        r"how to apply|compensation|selection process|application process|recruitment process|closing date|"
        r"next steps|interview process|security clearance|nationality|working for|life at|wir bieten|über uns|"
        r"nous offrons|nous proposons|avantages|ofrecemos|beneficios|sobre nosotros)",
        re.IGNORECASE,
    ),
}
PREFERRED_CLAUSE = re.compile(
    r"\b(?:a plus|preferred|desired|desirable|ideally|nice to have|bonus|advantageous|an advantage|is an asset|"
    r"von vorteil|wünschenswert|idealerweise|un plus|un atout|souhaité|apprécié|se valorar[aá]|valorable|"
    r"deseable)\b",
    re.IGNORECASE,
)
# Words in the middle of a clause after which what it names is preferred ("..., ideally in manufacturing").
_TURN = re.compile(
    r"(?<=\S)[,;(]?\s+(?:ideally|preferably|idealerweise|vorzugsweise|idéalement|de préférence|idealmente|"
    r"preferiblemente|preferentemente)\b",
    re.IGNORECASE,
)
_REQUIRED_CLAUSE = re.compile(
    r"\b(?:required|essential|must|mandatory|zwingend|obligatoire|imprescindible|indispensable|exigée?)\b",
    re.IGNORECASE,
)
# Sentences that are no requirement although a posting's requirement block may hold them.
BOILERPLATE = re.compile(
    r"equal opportunit|qualified applicants|without regard|reasonable accommodation|accommodation request|"
    r"background check|benefits/perks|criminal histor|security screening|protected veteran|"
    r"nature of your employment|regardless of race|inclusive employer|veterans'? preference|"
    r"we welcome applications|under-?represented|diversity and inclusion|disability confident|\bEOE\b|\bEEO\b|"
    r"chancengleichheit|diversité|igualdad de oportunidades",
    re.IGNORECASE,
)
# What the employer gives, not what it asks: a clause naming pay, leave or perks is not read for skills.
BENEFIT = re.compile(
    r"\b(?:salary|pay(?: rate)?|per (?:hour|annum|year)|holidays?|annual leave|days'? leave|paid time off|pto|"
    r"pension|tuition (?:assistance|reimbursement)|health (?:insurance|benefits)|dental (?:insurance|plan|cover)|"
    r"vision insurance|life insurance|discounts?|perks?|benefits|employee assistance|company (?:car|vehicle)|"
    r"cycle to work|free parking|gehalt|urlaub|urlaubstage|vergütung|zuschuss|spesen|"
    r"salaire|rémunération|congés|mutuelle|tickets? restaurant|télétravail|"
    r"salario|vacaciones|retribución|seguro médico)\b|[$£€]\s?\d|\b40[13]\s?\(?[kb]\b",
    re.IGNORECASE,
)
BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u25cf\u25aa\u25e6\u25cb\u25ba\u2013\u00b7\u2713\u2714\u27a4\u2192+>]|\d{1,2}[.)]|[a-z]\))\s*"
)
# A sentence of the introduction that says what the person will do is a duty ("You'll run your own section").
_DUTY_SENTENCE = re.compile(
    r"^(?:you(?:'ll| will)|as (?:a|an|our)\b.{0,60}you(?:'ll| will)|(?:main |key )?(?:duties|responsibilities) "
    r"(?:include|are)|the role (?:involves|includes)|job purpose|(?:au quotidien, )?vous \w+ez\b|"
    r"sie (?:sind|übernehmen)|du (?:bist|übernimmst))",
    re.IGNORECASE,
)


# A sentence of the introduction that asks for something: a posting written as prose has no requirement list.
# What follows the opening words names what it asks for.
ASK_SENTENCE = re.compile(
    r"^(?:we (?:require|need|ask for|expect)|you (?:must|should|need to) (?:have|hold|be)|"
    r"you(?:'ll| will) (?:need|have|hold|bring)|"
    r"(?:the )?(?:ideal|successful) (?:candidate|applicant)s? (?:will )?(?:have|has|hold|bring|be|is)|"
    r"(?:candidates|applicants) (?:must|should|will) (?:have|hold|be)|requirements (?:include|are)|"
    r"(?:es|será) (?:imprescindible|necesario)|pedimos|requerimos|se requiere|imprescindible|"
    r"sie (?:haben|bringen|verfügen|besitzen)|du (?:hast|bringst|verfügst)|vous (?:avez|justifiez|maîtrisez|"
    r"connaissez|êtes titulaire|possédez|disposez))",
    re.IGNORECASE,
)


def _intro_sentence_kind(sentence: str) -> BlockKind:
    if PREFERRED_CLAUSE.search(sentence) and not _REQUIRED_CLAUSE.search(sentence):
        return "preferred"
    if ASK_SENTENCE.match(sentence):
        return "required"
    return "duties" if _DUTY_SENTENCE.match(sentence) else "intro"


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    block: BlockKind
    preferred: bool
    whole_entry: bool  # the clause is a whole list entry or line, not part of running prose
    # Where the clause turns to what is preferred: "X experience, ideally in Y" asks for X and prefers Y. 0 when
    # the whole clause is preferred, its length when none of it is.
    preferred_from: int = 0


def clauses(text: str, drop: re.Pattern[str] | None = None) -> list[Clause]:
    """The posting's clauses in order, outside its "other" blocks; `drop` removes boilerplate sentences."""
    block: BlockKind = "intro"
    found: list[Clause] = []
    for raw_line in text.split("\n"):
        line = BULLET.sub("", raw_line).strip()
        if not line:
            continue
        head, colon, rest = line.partition(":")
        heading = head if colon and len(head.split()) <= 8 else line if len(line.split()) <= 8 else ""
        kind = _heading_kind(heading.strip()) if heading and not BULLET.match(raw_line) else None
        if kind is None and line.endswith(":") and len(line.split()) <= 10:
            kind = _colon_line_kind(line)
        if kind is not None:
            inline = heading is head and rest.strip()
            if not (inline and kind == "other"):
                block = kind
            elif inline:
                continue  # "Salary: ...", "Benefits: ..." on one line
            line = rest.strip() if heading is head else ""
        if block == "other" or not line:
            continue
        pieces = [s for s in sentences(line) if not (drop and drop.search(s))]
        line_block: BlockKind = "duties" if block == "intro" and _DUTY_SENTENCE.match(line) else block
        # Semicolons separate the entries of a list written on one line, full stops the sentences of prose.
        listed = len(pieces) == 1 or line.count(";") >= 2
        for sentence in pieces:
            sentence_block = _intro_sentence_kind(sentence) if line_block == "intro" else line_block
            parts = [part.strip() for part in sentence.split(";") if part.strip()]
            for part in parts:
                cue = PREFERRED_CLAUSE.search(part)
                preferred = sentence_block == "preferred" or bool(cue and not _REQUIRED_CLAUSE.search(part))
                turn = _TURN.search(part)
                if sentence_block == "preferred" or not preferred:
                    preferred_from = 0 if preferred else len(part)
                else:
                    preferred_from = (
                        turn.start() if turn is not None and cue is not None and cue.start() >= turn.start() else 0
                    )
                found.append(Clause(part, sentence_block, preferred_from < len(part), listed, preferred_from))
    return found


_COLON_OTHER = re.compile(r"\b(?:offer|bieten|offrons|proposons|ofrecemos|benefits?|apply)\b", re.IGNORECASE)
_COLON_DUTIES = re.compile(r"\b(?:you(?:'ll| will) (?:do|be)|day[- ]to[- ]day|duties|include)\b", re.IGNORECASE)
_COLON_REQUIRED = re.compile(
    r"\b(?:candidate|you (?:should|must|need)|looking for|need|bring|mitbringen|recherchons|"
    r"buscamos|requis|requisitos)\b",
    re.IGNORECASE,
)


def _colon_line_kind(line: str) -> BlockKind:
    """The block a line ending in a colon opens when it is no known heading ("The successful candidate
    will:", "We can offer:", "Your day-to-day will include:")."""
    if _COLON_OTHER.search(line):
        return "other"
    if PREFERRED_CLAUSE.search(line) or _HEADINGS["preferred"].search(line):
        return "preferred"
    if _COLON_DUTIES.search(line):
        return "duties"
    return (
        "required"
        if _COLON_REQUIRED.search(line) or re.search(r"\byou(?:'ll| will)\b", line, re.IGNORECASE)
        else "intro"
    )


def _heading_kind(heading: str) -> BlockKind | None:
    if heading.endswith((".", "!")) or heading.endswith("?") and len(heading.split()) > 5:
        return None  # a sentence, not a heading ("What will you do?" and "¿Qué harás?" are headings)
    kinds: tuple[BlockKind, ...] = ("preferred", "required", "duties", "other")
    for kind in kinds:
        if _HEADINGS[kind].search(heading.strip(" :¿¡?!")):
            return kind
    return None
