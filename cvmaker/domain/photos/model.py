"""What a photo is once accepted, the square a person cuts out of it, and the limits both are held to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cvmaker.domain.limits import MAX_UPLOAD_BYTES

# The same cap as every upload (the app's own upload route and Lambda's request size both hold to it): a phone's
# photo fits, and the web app scales a larger one down before sending it.
MAX_PHOTO_BYTES = MAX_UPLOAD_BYTES
# Decoded, a 50-megapixel image takes about 150 MB; more is refused before any pixel is decoded, so a small file
# that claims a huge canvas (a decompression bomb) costs nothing.
MAX_PHOTO_PIXELS = 50_000_000
MAX_PHOTO_SIDE = 800  # the stored photo's side, in pixels: about 68 mm at 300 dpi, far above a CV's 26-40 mm
MIN_CROP_SIDE = 32  # a smaller square is no portrait
JPEG_QUALITY = 85
PHOTO_CONTENT_TYPE = "image/jpeg"
# Declared types a photo upload may carry; the bytes decide all the same (`processing.prepare_photo`).
PHOTO_CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp")
ACCEPTED_PHOTOS = "a JPEG, PNG or WebP image"
# A stored photo's key: under its owner's prefix, named by the SHA-256 of its bytes. The CV document holds this key
# (`Basics.photo`), so a new photo makes a new document and a new render cache key.
PHOTO_KEY = re.compile(r"^users/[A-Za-z0-9_.@:|-]{1,128}/photos/[0-9a-f]{64}\.jpg\Z")


@dataclass(frozen=True, slots=True)
class Crop:
    """A square of the upright image (EXIF orientation applied, as browsers show it), in its pixels."""

    x: int
    y: int
    size: int


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo as stored: a baseline JPEG of at most `MAX_PHOTO_SIDE` pixels a side, with no metadata."""

    data: bytes
    width: int
    height: int
    sha256: str


def photo_key(owner: str, sha256: str) -> str:
    return f"users/{owner}/photos/{sha256}.jpg"


def photos_prefix(owner: str) -> str:
    return f"users/{owner}/photos/"


def is_photo_key(key: str) -> bool:
    return bool(PHOTO_KEY.match(key))
