"""Hostile and broken files, made in code (docs/security.md §10 items 28-37)."""

from __future__ import annotations

import io
import os
import zipfile
import zlib


def minimal_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF of the given objects (numbered from 1, the first is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def _page_with_stream(content: bytes, compress: bool = True) -> list[bytes]:
    stream = zlib.compress(content, 9) if compress else content
    filters = b"/Filter /FlateDecode " if compress else b""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def deflate_bomb_pdf() -> bytes:
    """~140 KB that inflates to ~70 MB of drawing operators: PDFium needs well over a gigabyte for it."""
    content = b"BT /F1 12 Tf 72 712 Td (Jane Doe) Tj ET\n" + b"0 0 m 1 1 l S\n" * 5_000_000
    return minimal_pdf(_page_with_stream(content))


def encrypted_pdf() -> bytes:
    """Standard security handler with a user password: opening it without the password fails."""
    objects = _page_with_stream(b"BT /F1 12 Tf 72 712 Td (secret) Tj ET", compress=False)
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>"
        % (os.urandom(32).hex().encode(), os.urandom(32).hex().encode())
    )
    ident = os.urandom(16).hex().encode()
    return minimal_pdf(objects, b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (ident, ident))


def recursive_pages_pdf() -> bytes:
    """A page tree whose node is its own kid, and a form XObject that draws itself."""
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /XObject << /X1 5 0 R >> >> >>",
            b"<< /Length 8 >>\nstream\n/X1 Do Q\nendstream",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> >> "
            b"/Length 6 >>\nstream\n/X1 Do\nendstream",
        ]
    )


def zip_bytes(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/word/document.xml" ContentType="%s"/></Types>'
)


def docx_zip_bomb() -> bytes:
    """document.xml inflates 1000:1 to 60 MB."""
    return zip_bytes(
        {
            "[Content_Types].xml": CONTENT_TYPES % b"application/vnd.openxmlformats-officedocument."
            b"wordprocessingml.document.main+xml",
            "word/document.xml": b"<w:document>" + b" " * (60 * 1024 * 1024) + b"</w:document>",
        }
    )


def docx_with_many_entries() -> bytes:
    return zip_bytes({f"word/media/{n}.xml": b"x" for n in range(1_200)}, zipfile.ZIP_STORED)


def docm_renamed(docx_data: bytes) -> bytes:
    """A macro-enabled document (its main part says so) with a .docx name."""
    source = zipfile.ZipFile(io.BytesIO(docx_data))
    entries = {name: source.read(name) for name in source.namelist()}
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return zip_bytes(entries)


def docx_with_entities(docx_data: bytes, secret_path: str, laughs: bool) -> bytes:
    """document.xml declares and uses an external entity (a local file), and with `laughs` billion-laughs
    entities too."""
    source = zipfile.ZipFile(io.BytesIO(docx_data))
    entries = {name: source.read(name) for name in source.namelist()}
    document = entries["word/document.xml"].decode()
    entities = (
        '<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
        if laughs
        else ""
    )
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">{entities}]>'
    declaration_end = document.index("?>") + 2
    document = document[:declaration_end] + doctype + document[declaration_end:]
    assert "<w:t>Summary</w:t>" in document
    uses = "&xxe; &lol9;" if laughs else "&xxe;"
    document = document.replace("<w:t>Summary</w:t>", f"<w:t>Summary {uses}</w:t>", 1)
    entries["word/document.xml"] = document.encode()
    return zip_bytes(entries)


def text_matrix_scaled_pdf(lines: list[tuple[float, float, str]], font_size: float = 1.0) -> bytes:
    """A page whose text is set the way Word and Pages on macOS write it: `1 Tf`, with the glyph size carried by the
    text matrix (`s 0 0 s x y Tm`). `lines` are (size on the page, y, text)."""
    content = b"".join(
        b"BT /F1 %g Tf %g 0 0 %g 72 %g Tm (%s) Tj ET\n" % (font_size, size, size, y, text.encode("latin-1"))
        for size, y, text in lines
    )
    return minimal_pdf(_page_with_stream(content))


def painted_text_pdf(items: list[bytes]) -> bytes:
    """A page of raw content-stream pieces (rectangles, coloured text), for hidden-text tests."""
    return minimal_pdf(_page_with_stream(b"\n".join(items)))


def text_at(x: float, y: float, text: str, colour: str = "0 0 0", size: float = 11) -> bytes:
    return b"BT %s rg /F1 %g Tf %g %g Td (%s) Tj ET" % (colour.encode(), size, x, y, text.encode("latin-1"))


def filled_box(x: float, y: float, width: float, height: float, colour: str) -> bytes:
    return b"%s rg %g %g %g %g re f" % (colour.encode(), x, y, width, height)
