"""Contact details: name, headline, email, phone, location and links, from the top of a CV and from contact-like
sections ("Contact", "Links")."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from cvmaker.domain.parsing.iso_places import country_codes
from cvmaker.domain.parsing.places import (
    is_place_word,
    looks_like_city,
    split_location_suffix,
)
from cvmaker.domain.parsing.roles import org_score, title_score

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# International formats: +44 20 7946 0958, (415) 555-0142, 0171/123456, +49 (0)30 1234567, 555.123.4567
PHONE = re.compile(r"(?<![\w/])(?:\(?\+\d{1,3}\)?[\s.\-]?)?(?:\(0\)\s?)?(?:\(?\d{1,5}\)?[\s.\-/]?){1,6}\d{2,5}(?!\w)")
URL = re.compile(
    r"(?<![@\w])(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|co|ai|app|page|site|xyz|info|"
    r"tech|de|uk|fr|es|it|nl|ch|ca|in|eu|us|blog|cv|design|codes|academy|edu|gov)(?:/[^\s,;|]*)?",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"\s+[|•·◦▪●◆♦⋄∙—–]\s+|\s*[|•·◦▪●◆♦⋄∙]\s*|\s{2,}|\s+—\s*|\s+-\s+")
LABEL = re.compile(
    r"^(name|nombre|nom|e-?mail|mail|phone|tel|telephone|mobile|mob|cell|address|location|linkedin|github|gitlab|website|web|"
    r"portfolio|homepage|url|twitter|x|skype|telefon|tel\.|tél|téléphone|teléfono|handy|mobil|adresse|anschrift|"
    r"dirección|indirizzo|courriel|correo|residence|résidence|residência|residencia|residenza|wohnort|domicile|"
    r"domicilio|endereço|city|ville|ciudad|cidade|città|stadt|ort)\s*:\s*(?://\s*)?",
    re.IGNORECASE,
)
NETWORK_URLS = {
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "twitter": "https://twitter.com/{}",
    "x": "https://x.com/{}",
    "stackoverflow": "https://stackoverflow.com/users/{}",
    "medium": "https://medium.com/@{}",
    "kaggle": "https://www.kaggle.com/{}",
    "behance": "https://www.behance.net/{}",
    "dribbble": "https://dribbble.com/{}",
}
NETWORK_HANDLE = re.compile(
    r"^(github|gitlab|linkedin|twitter|x|stackoverflow|medium|kaggle|behance|dribbble)\s*(?::\s*(?://)?|-|–)\s*@?"
    r"([A-Za-z0-9][\w.\-]{0,60})$",
    re.IGNORECASE,
)
DOCUMENT_TITLE = re.compile(
    r"^(curriculum vitae|resume|résumé|cv|lebenslauf|hoja de vida|currículum|curriculum|my resume|cover letter)"
    r"(\s+of\b.*)?$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-.]*$|^[A-ZÀ-Ý]{2,}$")


@dataclass
class ContactPiece:
    text: str
    size: float
    line_index: int
    labelled: bool = False  # under a label the CV model has no field for ("Estado Civil: Soltero")


@dataclass
class Contact:
    name: str | None = None
    headline: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    urls: list[tuple[str, str]] = field(default_factory=list)  # (url, visible text)
    unplaced: list[ContactPiece] = field(default_factory=list)  # header text that is none of the above
    # A second email or phone: a CV keeps one of each, the others are reported, never dropped unseen.
    more: list[tuple[str, str]] = field(default_factory=list)  # ("email" | "phone", as printed)
    sources: dict[str, int] = field(default_factory=dict)  # field -> line index


# Titles around a name are no part of it: "Dr Alexander Mikhalev", "Dr.-Ing. Maximilian Raff", "Jane Doe, PhD".
_HONORIFICS = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Dipl|Ing|Mag|Ir|Drs|Lic|Eng)\.?(?:-Ing\.?)?\s+)+|"
    r",?\s+(?:Ph\.?\s?D\.?|M\.?D\.?|MBA|M\.?Sc\.?|CPA|PE|RN)$"
)


def _fold_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _handles(contact: Contact) -> list[str]:
    """The parts of the contact details people make from their names: the email's local part and the last
    part of each profile link's path ("najmi.achraf@…", "linkedin.com/in/jane-doe"), folded."""
    found = [contact.email.split("@", 1)[0]] if contact.email else []
    found += [url.rstrip("/").rsplit("/", 1)[-1] for url, _ in contact.urls if "/" in url.split("://", 1)[-1]]
    return [_fold_accents(h).casefold() for h in found if h]


def _named_in(text: str, handles: list[str]) -> bool:
    """Whether a line names the person the email or a profile link is made from: a word of three or more
    letters of it occurs in one of them ("ACHRAF NAJMI" in "najmi.achraf@gmail.com")."""
    words = [w for w in re.findall(r"\w+", _fold_accents(text).casefold()) if len(w) >= 3]
    return any(w in handle for w in words for handle in handles)


def split_pieces(text: str) -> list[str]:
    return [p.strip(" ,;") for p in SEPARATORS.split(text) if p and p.strip(" ,;")]


# Words that join the parts of a name in many languages; they do not count towards its length.
NAME_PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "la",
        "las",
        "le",
        "los",
        "y",
        "e",
        "i",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "des",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "zu",
        "bin",
        "binti",
        "bint",
        "ibn",
        "ben",
        "al",
        "el",
        "ap",
        "ni",
    }
)


def _is_name_word(word: str) -> bool:
    """A capitalised word ("Łukasz", "O'Brien") or a word in a script without case (王芳, प्रिया, فاطمة)."""
    if _NAME_WORD.match(word):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    return (
        bool(letters)
        and all(ch.isalpha() or unicodedata.category(ch)[0] == "M" or ch in "'’-." for ch in word)
        and letters[0].upper() == letters[0].lower()
    )


ADDRESS_LABEL = re.compile(
    r"^\s*(address|home address|adresse|anschrift|dirección|direccion|indirizzo|endereço|endereco|adres|residence|"
    r"résidence|residência|domicilio|domicile|wohnort)\s*:",
    re.IGNORECASE,
)
# A label the CV model has no field for, before its value ("Estado Civil: Soltero").
OTHER_LABEL = re.compile(r"^([^\W\d][\w .'/-]{0,29}?)\s*:\s*\S")
PHONE_WORD = re.compile(
    r"phone|tel|mobile|mobil|cell|handy|móvil|movil|celular|telefone|téléphone|portable|gsm|whatsapp|"
    r"电话|手机|電話|携帯|전화|휴대폰|هاتف|جوال|טלפון|נייד",
    re.IGNORECASE,
)


def looks_like_name(text: str) -> bool:
    text = re.sub(r"\s\([^()\s]{1,20}\)\s", " ", f" {text} ").strip()  # "Antonia (Toni) Marcheva": a nickname
    words = text.replace(",", " ").split()
    parts = [w for w in words if w.casefold() not in NAME_PARTICLES]
    if not 2 <= len(parts) <= 8 or len(words) > 14 or any(ch.isdigit() or ch in "@/:|" for ch in text):
        return False
    if title_score(text) > 0 or org_score(text) > 0:
        return False  # "UX Designer", "Acme Corp"
    if DOCUMENT_TITLE.match(text.strip()):
        return False
    return all(_is_name_word(w) or w.casefold() in NAME_PARTICLES for w in words)


def normalise_url(text: str) -> str:
    url = text.strip().rstrip(".,;)")
    if not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE):
        url = "https://" + url
    return url


def phone_in(text: str) -> str | None:
    for match in PHONE.finditer(text):
        candidate = match.group(0).strip()
        digits = re.sub(r"\D", "", candidate)
        is_years = re.fullmatch(r"(?:(?:19|20)\d\d[\s\-–/.]*)+", candidate)
        is_a_date = re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d", candidate)  # a birth date
        # "2017/08/10-2018/03", "03/2019 - 05/2021": a period, not a number to call
        holds_a_date = re.search(r"(?:19|20)\d\d[/.-][01]?\d\b|\b[01]?\d[/.-](?:19|20)\d\d\b", candidate)
        if 7 <= len(digits) <= 15 and not is_years and not is_a_date and not holds_a_date:
            return candidate
    return None


# A postal address: a house number beside a street word, or a postal code beside a place name, in the forms of
# the countries whose CVs we read ("Wiesingerweg 42, 20253 Hamburg", "31 rue Croix des Petits Champs, 75049 Paris",
# "Van Berchenstraat 38, Nijmegen 6511BD", "2 Salthrop Rise Coate Swindon SN3 6EW", "Chicago, IL 60637").
_STREET = (
    r"(?:street|st\.?|avenue|ave\.?|av\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|way|place|pl\.?|"
    r"court|ct\.?|square|sq\.?|rise|close|crescent|terrace|hall|bldg\.?|building|"
    r"rue|allée|chemin|quai|impasse|avenida|calle|carrera|paseo|rua|travessa|via|viale|piazza|corso|"
    r"ul\.?|ulica|straße|strasse|str\.?|weg|gasse|platz|allee|ring|damm|straat|laan|gracht|plein|vej|gatan|gata|vägen)"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}[a-z]?,?\s+(?:[\w'.-]+\s+){{0,4}}{_STREET}\b"  # "5807 S Woodlawn Ave", "31 rue Croix"
    rf"|\b{_STREET}\s+(?:[\w'.-]+\s+){{0,3}}\d{{1,5}}[a-z]?\b"  # "Av. 5 de Mayo 18", "Via Roma 12"
    rf"|\w(?:{_STREET[3:-1]})\.?\s+\d{{1,5}}[a-z]?\b"  # "Wiesingerweg 42", "Grimmstr. 4", "Berchenstraat 38"
    r"|\b(?!(?:19|20)\d\d\b)\d{4,5}\s+[A-ZÀ-Ý][\w-]+"  # "20253 Hamburg", "75049 Paris"; not "2020 Berlin", a year
    r"|\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b"  # "IL 60637", "WA, 98103"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"  # "SN3 6EW"
    r"|\b\d{4}\s?[A-Z]{2}\b"  # "6511BD"
    r"|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b",  # "L8S 4M4"
    re.IGNORECASE,
)


def is_address(text: str) -> bool:
    """A postal address line: an address pattern, and no more digits than an address holds (not a phone)."""
    return bool(_ADDRESS.search(text)) and len(re.sub(r"\D", "", text)) <= 16 and not EMAIL.search(text)


def is_location_text(text: str) -> bool:
    if is_address(text):
        return True
    text = re.sub(r"(,\s*[A-Z]{2})\s+\d{5}(?:-\d{4})?$", r"\1", text.strip())  # "Austin, TX 78701"
    pieces = [p.strip() for p in re.split(r"[,،]", text) if p.strip()]  # the Latin or the Arabic comma
    if (
        not pieces
        or any(ch.isdigit() for ch in text)
        and not re.search(r"\d+\s+\w+\s+(st|street|ave|road|rd)\b", text, re.IGNORECASE)
    ):
        return False
    if len(pieces) == 1:
        return is_place_word(pieces[0])
    if len(pieces) == 2 and pieces[1] in country_codes() and looks_like_city(pieces[0]) and not title_score(pieces[0]):
        return True  # "Stockholm, SE", "Lyon, FRA": a city and its country's code
    _, location = split_location_suffix(pieces, allow_whole=True)
    if location and len(location) >= len(pieces) - 2:
        return all(looks_like_city(p) or is_place_word(p) or re.search(r"\d", p) for p in pieces)
    return False


def read_contact(pieces: list[ContactPiece]) -> Contact:
    """Find the contact fields among pieces of the header (in reading order, with font sizes)."""
    contact = Contact()
    leftovers: list[ContactPiece] = []
    for piece in pieces:
        handle = NETWORK_HANDLE.match(piece.text.strip())
        if handle and not URL.search(piece.text):
            # "GitHub: deedy", "LinkedIn:// debarghyadas": a handle on a known network is a link.
            network, name = handle.group(1).casefold(), handle.group(2)
            contact.urls.append((NETWORK_URLS[network].format(name), piece.text.strip()))
            continue
        text = LABEL.sub("", piece.text).strip()
        if not re.search(r"\w", text):
            continue  # a stray bracket or separator
        if contact.location is None and ADDRESS_LABEL.match(piece.text) and not EMAIL.search(text):
            contact.location = text  # "Dirección: Miguel Claro 730": the label says what it is
            contact.sources["location"] = piece.line_index
            continue
        text = re.sub(r"(?<=\d)\s*[–—]\s*(?=\d)", "-", text)  # "+569–93942235": a dash typeset as a dash
        other = OTHER_LABEL.match(text)
        if other and not EMAIL.search(text) and not URL.search(text) and not PHONE_WORD.search(other.group(1)):
            # "Rut: 16.958.329-3", "Fecha de Nacimiento: 18 de junio": personal data under a label the CV model
            # has no field for; kept as unplaced text, never read as a phone, a place or a name.
            leftovers.append(ContactPiece(text, piece.size, piece.line_index, labelled=True))
            continue
        text = re.sub(r"^[^:]{1,30}:\s*", "", text) if other else text
        emails = list(EMAIL.finditer(text))
        for email in emails:  # "a@uni.edu / b@gmail.com": each one is read
            if contact.email is None:
                contact.email = email.group(0)
                contact.sources["email"] = piece.line_index
            elif email.group(0).casefold() != contact.email.casefold():
                contact.more.append(("email", email.group(0)))
        for email in reversed(emails):
            text = text[: email.start()] + " " + text[email.end() :]
        text = text.strip(" /")
        for url in list(URL.finditer(text)):
            contact.urls.append((normalise_url(url.group(0)), url.group(0)))
            text = text.replace(url.group(0), " ").strip()
        if not text:
            continue
        for _ in range(3):  # "+44 20 … / +44 7700 …": each number on the line is read
            phone = phone_in(text)
            if not phone or is_location_text(text):
                break
            if contact.phone is None:
                contact.phone = phone
                contact.sources["phone"] = piece.line_index
            elif re.sub(r"\D", "", phone) != re.sub(r"\D", "", contact.phone):
                contact.more.append(("phone", phone))
            if phone not in text:
                break
            text = text.replace(phone, " ").strip(" ,;/")
        if not text:
            continue
        if contact.location is None and is_location_text(text):
            contact.location = text
            contact.sources["location"] = piece.line_index
            continue
        leftovers.append(ContactPiece(text, piece.size, piece.line_index))
    names = [p for p in leftovers if not p.labelled and looks_like_name(p.text)]
    plain = [p for p in leftovers if not DOCUMENT_TITLE.match(p.text.strip())]
    if names:
        handles = _handles(contact)
        best = max(names, key=lambda p: (_named_in(p.text, handles), p.size, -p.line_index))
        contact.name = (
            _HONORIFICS.sub("", best.text).strip(" ,") or best.text
        )  # as printed: a name in capitals stays so (users edit it; matching folds case)
        contact.sources["name"] = best.line_index
        leftovers.remove(best)
    elif plain := [p for p in plain if not p.labelled and not p.text.rstrip().endswith(":")]:
        best = max(plain, key=lambda p: (p.size, -p.line_index))
        if len(best.text.split()) <= 5 and not any(ch.isdigit() for ch in best.text):
            contact.name = best.text
            contact.sources["name"] = best.line_index
            leftovers.remove(best)
    in_paragraph = {index for run in paragraph_runs(leftovers) for index in run}
    headline_candidates = [
        p
        for p in leftovers
        if p.line_index not in in_paragraph
        and not p.labelled
        and not p.text.rstrip().endswith((":", "："))
        and 1 <= len(p.text.split()) <= 10
        and not re.search(r"\d{3}", p.text)
        and not p.text.endswith(".")
        and not DOCUMENT_TITLE.match(p.text.strip())
    ]
    if headline_candidates:
        best = max(headline_candidates, key=lambda p: (p.size, -p.line_index))
        # "Software Architect · Security Expert": the line's pieces together.
        same_line = [p for p in headline_candidates if p.line_index == best.line_index and p.size == best.size]
        # Wrapped in a narrow sidebar: the next lines in the same type go on with it ("Principal Engineer" /
        # "· Distributed systems and" / "logistics").
        line = best.line_index
        while following := [p for p in headline_candidates if p.line_index == line + 1 and p.size == best.size]:
            if sum(len(p.text.split()) for p in same_line + following) > 14:
                break
            same_line += following
            line += 1
        headline = same_line[0].text
        for before, piece in itertools.pairwise(same_line):
            runs_on = piece.line_index != before.line_index and _DANGLING.search(before.text) is not None
            headline += (" " if runs_on else " · ") + piece.text
        contact.headline = headline
        contact.sources["headline"] = best.line_index
        for piece in same_line:
            leftovers.remove(piece)
    contact.unplaced = leftovers
    return contact


_DANGLING = re.compile(r"\b(?:and|of|&|for|the|in|at|to|with)$", re.IGNORECASE)


def paragraph_runs(pieces: list[ContactPiece]) -> list[list[int]]:
    """The lines of paragraphs among `pieces`: three or more consecutive lines with 25 words or more between
    them, ending in a full stop. A summary set in a narrow column wraps after a few words a line, so no one line
    of it looks like running text, nor is its first line a headline."""
    by_line: dict[int, list[str]] = {}
    for piece in pieces:
        by_line.setdefault(piece.line_index, []).append(piece.text)
    runs: list[list[int]] = []
    run: list[int] = []
    for index in [*sorted(by_line), -2]:
        if run and index == run[-1] + 1:
            run.append(index)
            continue
        text = " ".join(" ".join(by_line[i]) for i in run)
        if len(run) >= 3 and len(text.split()) >= 25 and text.rstrip().endswith((".", "!")):
            runs.append(run)
        run = [index]
    return runs
