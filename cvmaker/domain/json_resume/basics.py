"""JSON Resume basics to and from our basics and the CV summary."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from cvmaker.domain.json_resume.codecs import Codec, Entry, Fields, Sources, Text, hash_of, text_of, with_scheme

BASICS_FIELDS: tuple[Codec, ...] = (
    Text("name", "name"),
    Text("label", "headline"),
    Text("email", "email"),
    Text("phone", "phone"),
)
LOCATION_PARTS = ("address", "city", "region", "postalCode", "countryCode")
# Where a profile lives when a document names the network and username but no URL.
PROFILE_URLS = {
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "twitter": "https://twitter.com/{}",
    "x": "https://x.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "instagram": "https://www.instagram.com/{}",
    "facebook": "https://www.facebook.com/{}",
    "soundcloud": "https://soundcloud.com/{}",
    "dribbble": "https://dribbble.com/{}",
    "behance": "https://www.behance.net/{}",
}


def read_basics(jr: Entry) -> tuple[Fields, str | None, Sources]:
    """Our basics and summary from JSON Resume basics, with the JSON Resume path of each of our fields."""
    basics: Fields = {"name": "", "headline": None, "email": None, "phone": None, "location": None, "links": []}
    sources: Sources = {}
    for codec in BASICS_FIELDS:
        codec.read(jr, basics, sources)
    origins = {f"basics.{cv}": f"basics.{key}" for cv, key in sources.items()}
    location = jr.get("location")
    if isinstance(location, dict):
        parts = [
            location[key].replace("\n", ", ")
            for key in LOCATION_PARTS
            if isinstance(location.get(key), str) and location[key]
        ]
        if parts:
            basics["location"] = ", ".join(parts)
            origins["basics.location"] = "basics.location"
    website = text_of(jr, ("url", "website"))
    if website:
        origins[f"basics.links.{len(basics['links'])}"] = f"basics.{website[0]}"
        basics["links"].append({"label": None, "url": with_scheme(website[1])})
    for p, profile in enumerate(jr.get("profiles") or []):
        link = _profile_link(profile) if isinstance(profile, dict) else None
        if link:
            where, n = f"basics.profiles.{p}", len(basics["links"])
            origins |= {f"basics.links.{n}": where, f"basics.links.{n}.label": f"{where}.network"}
            basics["links"].append(link)
    summary = text_of(jr, ("summary",))
    if summary:
        origins["summary"] = "basics.summary"
    return basics, summary[1] if summary else None, origins


def _profile_link(profile: Entry) -> Fields | None:
    network = text_of(profile, ("network",))
    url = text_of(profile, ("url",))
    username = text_of(profile, ("username",))
    if url:
        address = with_scheme(url[1])
    elif network and username and network[1].casefold() in PROFILE_URLS:
        address = PROFILE_URLS[network[1].casefold()].format(quote(username[1].lstrip("@"), safe=""))
    else:
        return None
    return {"label": network[1] if network else None, "url": address}


def write_basics(basics: Fields, summary: str | None) -> Entry:
    jr: Entry = {}
    for codec in BASICS_FIELDS:
        codec.write(basics, jr)
    links = basics.get("links") or []
    website = next((link for link in links if not link.get("label")), None)
    if website:
        jr["url"] = website["url"]
    if summary:
        jr["summary"] = summary
    if basics.get("location"):
        jr["location"] = {"city": basics["location"]}
    profiles = [_profile(link) for link in links if link is not website]
    if profiles:
        jr["profiles"] = profiles
    return jr


def _profile(link: Fields) -> Entry:
    profile: Entry = {}
    if link.get("label"):
        profile["network"] = link["label"]
    split = urlsplit(link["url"])
    segments = [segment for segment in split.path.split("/") if segment]
    # The username is a guess from the address: only where the address ends in it (no query, no fragment).
    if split.scheme in ("http", "https") and segments and not split.query and not split.fragment:
        profile["username"] = segments[-1].lstrip("@")
    profile["url"] = link["url"]
    return profile


def basics_fingerprint(jr: Entry) -> str:
    """Equal for basics that read into the same basics and summary, however another tool formatted them."""
    basics, summary, _ = read_basics(jr)
    return hash_of(write_basics(basics, summary))
