"""Skills sections: atomic items, category labels ("Languages:") kept apart from the items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cvmaker.domain.parsing.rows import Row

_CATEGORY = re.compile(r"^\s*([^:•·▪●|]{2,40}?)\s*:\s+(.+)$")  # "• Git • Italien: courant" is no category
_LIST_SPLIT = re.compile(r"\s*[,;|•·◦▪●/]\s+|\s*[;|•·◦▪●]\s*|\s+[–—]\s+")
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
# How well a language or a skill is known, in the languages CVs are written in.
LEVEL_WORDS = (
    r"native|fluent|proficient|advanced|intermediate|beginner|basic|expert|mother tongue|bilingual|"
    r"conversational|elementary|working proficiency|professional working proficiency|"
    r"full professional proficiency|limited working proficiency|good|very good|"
    r"nativo|nativa|língua nativa|fluente|avançado|avançada|intermediário|intermediária|básico|básica|iniciante|"
    r"lengua materna|fluido|avanzado|avanzada|intermedio|intermedia|principiante|bilingüe|experto|experta|"
    r"natif|langue maternelle|courant|avancé|avancée|intermédiaire|débutant|débutante|notions|bilingue|"
    r"muttersprache|muttersprachlich|fließend|verhandlungssicher|fortgeschritten|grundkenntnisse|gut|sehr gut|"
    r"madrelingua|avanzato|avanzata|scolastico|moedertaal|vloeiend|gevorderd|[ABC][12]"
)
_LANGUAGE_LEVEL = re.compile(rf"\s*[\(\[]?\s*({LEVEL_WORDS})\s*[\)\]]?\s*$", re.IGNORECASE)
_ONLY_A_LEVEL = re.compile(rf"(?:{LEVEL_WORDS})", re.IGNORECASE)


@dataclass
class SkillGroup:
    category: str | None
    items: list[str] = field(default_factory=list)
    line_index: int = 0


_RATING = re.compile(r"[●○◉◎★☆■□▪▫◆◇⬤◯]+")


# What a list entry says about the skills it names: "... experience", "... skills", "... knowledge".
_KIND_TAIL = re.compile(r"(?<=\S)\s+(?:experience|skills|knowledge|proficiency)$", re.IGNORECASE)
# Names of three or more characters joined by slashes, maybe followed by what they are ("programming").
_SLASHED = re.compile(
    r"((?:[A-Z][\w#+.-]{2,}|[a-z]+[A-Z][\w#+.-]*)(?:/(?:[A-Z][\w#+.-]{2,}|[a-z]+[A-Z][\w#+.-]*))+)"
    r"(?:\s+(?:programming|development|languages?|frameworks?|tools))?"
)


def _split_list(text: str) -> list[str]:
    # A parenthesis holding a list ("databases (MySQL, MongoDB)") gives its items too; one without a comma
    # ("Angular (versions 2+)", "JavaScript (ES6+)") stays with its item.
    items: list[str] = []
    text = _RATING.sub(" ", text)  # rating dots and stars ("Python ●●●●○") say a level, not a skill
    inner_lists = re.findall(r"\(([^()]*,[^()]*)\)", text)
    text = re.sub(r"\s*\(([^()]*,[^()]*)\)", "", text)
    depth_safe = re.sub(r"\(([^()]*)\)", lambda m: "(" + m.group(1).replace(",", "\u0000") + ")", text)
    for part in _LIST_SPLIT.split(depth_safe):
        part = part.replace("\u0000", ",").strip(" .,;:")
        part = re.sub(r"^(?:and|&)\s+", "", part, flags=re.IGNORECASE)
        if not re.search(r"\w", part) or _ONLY_A_LEVEL.fullmatch(part):
            continue  # "Python 3 • avançado": how well, not another skill
        part = _KIND_TAIL.sub("", part) or part  # "PyTorch and TensorFlow experience": the tools themselves
        names = _SLASHED.fullmatch(part)
        if names is not None:
            # "Java/Python programming", "HTML/JavaScript/CSS": names joined by slashes, each a skill
            # ("CI/CD", "TCP/IP", "UI/UX" are one name: their parts are too short to stand alone).
            items.extend(names.group(1).split("/"))
            continue
        halves = _AND.split(part)
        if len(halves) > 1 and all(1 <= len(h.split()) <= 2 for h in halves):
            items.extend(h.strip() for h in halves if h.strip())
        else:
            items.append(part)
    for inner in inner_lists:
        items.extend(_split_list(inner))
    return items


_LEVEL_LINE = re.compile(r"^\s*(level|nivel|niveau|livello|stufe|niveau de maîtrise)\b\s*:?\s*\w+\s*$", re.IGNORECASE)


def _is_prose(text: str) -> bool:
    """A written sentence, not a list: long and ending with a full stop, or most of its comma-parts long."""
    words = text.split()
    parts = [p for p in re.split(r"[,;]", text) if p.strip()]
    if len(words) >= 8 and text.rstrip().endswith(".") and len(parts) <= 2:
        return True
    # "Expert developer in Python, Matlab, Julia." is a list in a sentence: its parts are short
    return len(words) >= 12 and sum(len(p.split()) > 4 for p in parts) * 2 > len(parts)


def parse_skills(rows: list[Row]) -> list[SkillGroup]:
    """Rows of a skills section -> groups of items. Wrapped lists are joined before splitting."""
    groups: list[SkillGroup] = []
    pending: list[str] = []
    pending_index = 0

    def flush() -> None:
        nonlocal pending
        if pending:
            text = " ".join(pending)
            target = groups[-1] if groups and groups[-1].category and not groups[-1].items else None
            if target is None:
                target = SkillGroup(None, line_index=pending_index)
                groups.append(target)
            target.items.extend(_split_list(text))
            pending = []

    continues_category = False
    for position, row in enumerate(rows):
        text = row.text if row.bullet else row.line.text
        if _LEVEL_LINE.match(text) or _is_prose(text):
            # "Nivel Avanzado" under "R"; "Validación de bases de datos, generación de análisis...": what a skill
            # is and how well it is known, written out; not a list of skills (it stays in the warnings).
            flush()
            continue
        following = rows[position + 1] if position + 1 < len(rows) else None
        if (
            following is not None
            and not row.bullet
            and row.line.bold
            and not following.line.bold
            and len(row.line.spans) == 1
            and "," not in text
            and len(text.split()) <= 5
            and "," in following.line.text
        ):
            # "Cloud & operations" in bold over "AWS, GCP, Kubernetes,": a category label on its own line.
            flush()
            continues_category = False
            groups.append(SkillGroup(text.strip().rstrip(":"), line_index=row.index))
            continue
        spans = [s.text for s in row.line.spans]
        category = _CATEGORY.match(text)
        if continues_category and not category and not row.bullet and groups:
            # "Developer Tools: Git, Docker, ... Visual Studio," then "PyCharm, IntelliJ": one group.
            groups[-1].items.extend(_split_list(text))
            continues_category = text.rstrip().endswith(",")
            continue
        continues_category = bool(category) and text.rstrip().endswith(",")
        if category and len(category.group(1).split()) <= 5:
            flush()
            group = SkillGroup(category.group(1).strip(), line_index=row.index)
            group.items.extend(_split_list(category.group(2)))
            groups.append(group)
            continue
        if len(spans) >= 2 and len(spans[0].split()) <= 4 and "," not in spans[0] and any("," in s for s in spans[1:]):
            # A category in a cell or column of its own: "Languages | Python, Java, SQL".
            flush()
            group = SkillGroup(spans[0].strip().rstrip(":"), line_index=row.index)
            for span in spans[1:]:
                group.items.extend(_split_list(span))
            groups.append(group)
            continue
        if len(spans) > 1 and not any("," in s for s in spans):
            # Chips or a table of skills: each span is an item.
            flush()
            target = SkillGroup(None, line_index=row.index)
            for span in spans:
                target.items.extend(_split_list(span.strip(" •·")))
            groups.append(target)
            continue
        if text.endswith(":") and len(text.split()) <= 5:
            flush()
            groups.append(SkillGroup(text.rstrip(":").strip(), line_index=row.index))
            continue
        if row.bullet:
            flush()
            pending_index = row.index
            pending = [text]
            flush()
            continue
        if not pending:
            pending_index = row.index
        pending.append(text)
        if not re.search(r"[,;]\s*$", text) and "," not in text and len(text.split()) <= 4:
            flush()
    flush()
    # Merge ungrouped items into one group so that a plain list becomes one item with keywords.
    merged: list[SkillGroup] = []
    for group in groups:
        if group.category is None and merged and merged[-1].category is None:
            merged[-1].items.extend(group.items)
        else:
            merged.append(group)
    for group in merged:
        seen: set[str] = set()
        unique = []
        for item in group.items:
            key = item.casefold()
            if key not in seen:
                seen.add(key)
                unique.append(item)
        group.items = unique
    return [g for g in merged if g.items or g.category]


def split_language(text: str) -> tuple[str, str | None]:
    """ "German (C1)" -> ("German", "C1"); "English: native" -> ("English", "native")."""
    text = re.sub(r"\s+", " ", _RATING.sub(" ", text)).strip()
    if ":" in text:
        name, level = text.split(":", 1)
        return name.strip(), level.strip() or None
    for separator in (" – ", " — ", " - "):
        if separator in text:
            name, level = text.split(separator, 1)
            return name.strip(), level.strip() or None
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", text)
    if bracket:  # "Deutsch (Muttersprache)", "English (Native or Bilingual)"
        return bracket.group(1).strip(), bracket.group(2).strip()
    match = _LANGUAGE_LEVEL.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(" ,-"), match.group(1)
    return text, None


def split_languages(text: str) -> list[str]:
    """ "English (native), Spanish (C1)" -> two; commas inside a parenthesis do not split."""
    safe = re.sub(r"\(([^()]*)\)", lambda m: "(" + m.group(1).replace(",", "\u0000") + ")", text)
    return [p.replace("\u0000", ",").strip() for p in re.split(r"\s*[,;|•·]\s*", safe) if p.strip()]
