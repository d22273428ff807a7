"""An uploaded image made into a CV photo: identified by its bytes, never its name; refused before decoding when
too large; turned upright (EXIF orientation); cut to a square; scaled to at most `MAX_PHOTO_SIDE`; and written
afresh as a JPEG from its pixels alone, so nothing of the original file (EXIF with GPS, ICC, XMP, comments)
survives. Pure computation on bytes: the services store what comes out.
"""

from __future__ import annotations

import hashlib
import math
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

from cvmaker.domain.errors import FieldProblem, InvalidInput
from cvmaker.domain.photos.model import (
    ACCEPTED_PHOTOS,
    JPEG_QUALITY,
    MAX_PHOTO_BYTES,
    MAX_PHOTO_PIXELS,
    MAX_PHOTO_SIDE,
    MIN_CROP_SIDE,
    Crop,
    Photo,
)

# Pillow's own detectors for these formats alone: a file of any other kind is unidentified, whatever its name.
FORMATS = ("JPEG", "PNG", "WEBP")
# EXIF orientations that turn the image a quarter: the upright image's width is the file's height.
_QUARTER_TURNS = frozenset({5, 6, 7, 8})
_ORIENTATION_TAG = 0x0112
FILE_FIELD = "uploadId"


def _refuse(path: str, message: str) -> InvalidInput:
    return InvalidInput([FieldProblem(path, message)])


def prepare_photo(data: bytes, crop: Crop | None = None) -> Photo:
    """The stored form of an uploaded photo; `crop` is a square of the upright image (default: the largest
    centred one). Raises `InvalidInput` naming `uploadId` for a file that is not an accepted image or is too
    large, and `crop.*` for a square outside the image."""
    if not data:
        raise _refuse(FILE_FIELD, "The file is empty.")
    if len(data) > MAX_PHOTO_BYTES:
        raise _refuse(FILE_FIELD, f"A photo may be at most {MAX_PHOTO_BYTES // (1024 * 1024)} MB.")
    try:
        image = Image.open(BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError:
        raise _refuse(FILE_FIELD, _too_many_pixels()) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _refuse(FILE_FIELD, f"This file is not {ACCEPTED_PHOTOS}.") from None
    with image:
        width, height = image.size
        if width < 1 or height < 1:
            raise _refuse(FILE_FIELD, f"This file is not {ACCEPTED_PHOTOS}.")
        if not _complete(image.format, data):
            raise _refuse(FILE_FIELD, _CUT_SHORT)
        if width * height > MAX_PHOTO_PIXELS:  # checked on the header: no pixel is decoded yet
            raise _refuse(FILE_FIELD, _too_many_pixels())
        turned = image.getexif().get(_ORIENTATION_TAG, 1) in _QUARTER_TURNS
        upright = (height, width) if turned else (width, height)
        square = _square(crop, upright)
        if image.format == "JPEG" and square.size > MAX_PHOTO_SIDE:
            # Decode at 1/2, 1/4 or 1/8 scale where that still leaves the square at least MAX_PHOTO_SIDE across:
            # a large photo then costs a fraction of its full size in memory and time.
            reduce = square.size / MAX_PHOTO_SIDE
            image.draft(image.mode, (math.ceil(width / reduce), math.ceil(height / reduce)))
        try:
            image.load()
            upright_image = ImageOps.exif_transpose(image)
        except Image.DecompressionBombError:
            raise _refuse(FILE_FIELD, _too_many_pixels()) from None
        except (OSError, SyntaxError, ValueError):
            raise _refuse(FILE_FIELD, _CUT_SHORT) from None
    return _encode(_opaque(upright_image), square, upright[0])


_CUT_SHORT = "This image is damaged or cut short: it cannot be read."


def _complete(kind: str | None, data: bytes) -> bool:
    """Whether the file reaches its format's end. Pillow would refuse a file cut short while decoding, unless
    `ImageFile.LOAD_TRUNCATED_IMAGES` is on, and WeasyPrint turns it on for the whole process when imported
    (weasyprint/images.py): the end is checked here instead, whoever imported what."""
    if kind == "JPEG":  # the end-of-image marker after the last scan (an EXIF thumbnail has its own, earlier)
        return data.rfind(b"\xff\xd9") > data.rfind(b"\xff\xda")
    if kind == "PNG":  # the IEND chunk after the last image data
        return data.rfind(b"IEND") > data.rfind(b"IDAT")
    if kind == "WEBP":  # as many bytes as the RIFF header declares
        return len(data) >= 12 and int.from_bytes(data[4:8], "little") + 8 <= len(data)
    return False


def _too_many_pixels() -> str:
    return f"This image has more than {MAX_PHOTO_PIXELS // 1_000_000} million pixels: send a smaller one."


def _square(crop: Crop | None, size: tuple[int, int]) -> Crop:
    width, height = size
    if crop is None:
        side = min(width, height)
        return Crop((width - side) // 2, (height - side) // 2, side)
    problems = []
    if crop.size < MIN_CROP_SIDE:
        problems.append(FieldProblem("crop.size", f"must be at least {MIN_CROP_SIDE} pixels"))
    if crop.x < 0 or crop.x + max(crop.size, 0) > width:
        problems.append(FieldProblem("crop.x", f"the square must lie within the image's {width} pixels across"))
    if crop.y < 0 or crop.y + max(crop.size, 0) > height:
        problems.append(FieldProblem("crop.y", f"the square must lie within the image's {height} pixels down"))
    if problems:
        raise InvalidInput(problems)
    return crop


def _opaque(image: Image.Image) -> Image.Image:
    """RGB pixels; transparency becomes white, as on paper."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit greyscale PNGs: Pillow's direct conversion clips at 255, so scale to 8 bits first.
        return image.point(lambda value: value / 256).convert("L").convert("RGB")
    return image.convert("RGB")


def _encode(image: Image.Image, square: Crop, upright_width: int) -> Photo:
    # The image may have been decoded at a reduced scale (JPEG draft): map the square onto its pixels.
    scale = image.width / upright_width
    left, top = round(square.x * scale), round(square.y * scale)
    side = max(1, min(round(square.size * scale), image.width - left, image.height - top))
    cut = image.crop((left, top, left + side, top + side))
    target = min(MAX_PHOTO_SIDE, side)
    if target != side:
        cut = cut.resize((target, target), Image.Resampling.LANCZOS)
    # A new image holding the pixels alone: no `info` (EXIF, ICC, XMP, comments, dpi) can reach the encoder.
    clean = Image.new("RGB", cut.size)
    clean.paste(cut)
    out = BytesIO()
    clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    data = out.getvalue()
    return Photo(data=data, width=target, height=target, sha256=hashlib.sha256(data).hexdigest())
