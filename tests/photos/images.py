"""Images made in memory for the photo tests: real files of each accepted kind, with the metadata a phone writes,
and files that only pretend to be images."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

from PIL import ExifTags, Image, ImageCms

# A place the stored photo must not give away.
LATITUDE = (51.0, 30.0, 26.0)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Secretville"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def halves(size: tuple[int, int], first: tuple[int, int, int], second: tuple[int, int, int]) -> Image.Image:
    """Left half `first`, right half `second`: which way up it ends is easy to read back."""
    image = Image.new("RGB", size, second)
    image.paste(first, (0, 0, size[0] // 2, size[1]))
    return image


def phone_jpeg(size: tuple[int, int] = (1200, 900), orientation: int = 1, quality: int = 90) -> bytes:
    """A JPEG as a phone writes it: EXIF with the camera, the time and GPS coordinates, an ICC profile and XMP."""
    image = halves(size, (220, 30, 30), (30, 30, 220))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Pocket 12"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = "2026:05:01 10:11:12"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = BytesIO()
    image.save(out, "JPEG", quality=quality, exif=exif, icc_profile=icc, xmp=XMP, comment=b"taken at home")
    return out.getvalue()


def transparent_png(size: tuple[int, int] = (400, 400)) -> bytes:
    """A PNG with a fully transparent left half and an opaque green right half."""
    image = Image.new("RGBA", size, (0, 160, 0, 255))
    image.paste((0, 0, 0, 0), (0, 0, size[0] // 2, size[1]))
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def webp(size: tuple[int, int] = (500, 500)) -> bytes:
    out = BytesIO()
    halves(size, (240, 200, 0), (0, 120, 120)).save(out, "WEBP", quality=90)
    return out.getvalue()


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A small PNG whose header claims `width` x `height` pixels (900 million by default): decoded, it would take
    gigabytes. Its data holds a few rows of zeros; a reader that trusts the header before decoding is caught."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * ((width * 3 + 1) * 4), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def text_named_jpeg() -> bytes:
    """What a file called `me.jpg` may really be."""
    return b"Hello! This is a text file with a .jpg name.\n" * 20


def truncated_jpeg() -> bytes:
    data = phone_jpeg((800, 800))
    return data[: len(data) // 3]


def truncated_png() -> bytes:
    data = transparent_png()
    return data[: len(data) - 20]


def truncated_webp() -> bytes:
    data = webp()
    return data[: len(data) // 2]


def decode(data: bytes) -> Image.Image:
    image = Image.open(BytesIO(data))
    image.load()
    return image
