"""The photo itself: accepted by its bytes, upright, square, at most 800 pixels, and with no metadata left."""

from __future__ import annotations

import pytest
from PIL import Image

from cvmaker.domain.errors import InvalidInput
from cvmaker.domain.photos.model import MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, Crop
from cvmaker.domain.photos.processing import prepare_photo
from tests.photos.images import (
    decode,
    phone_jpeg,
    png_bomb,
    text_named_jpeg,
    transparent_png,
    truncated_jpeg,
    truncated_png,
    truncated_webp,
    webp,
)

RED, BLUE = (220, 30, 30), (30, 30, 220)


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False))


def refused_field(data: bytes, crop: Crop | None = None) -> list[str]:
    with pytest.raises(InvalidInput) as refused:
        prepare_photo(data, crop)
    return [problem.path for problem in refused.value.problems]


def test_a_phones_jpeg_loses_its_gps_camera_icc_and_xmp() -> None:
    original = phone_jpeg()
    assert decode(original).getexif().get_ifd(0x8825)  # the input does carry a location
    photo = prepare_photo(original)
    stored = decode(photo.data)
    assert stored.format == "JPEG" and stored.mode == "RGB"
    assert len(stored.getexif()) == 0 and not stored.getexif().get_ifd(0x8825)
    assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"} & set(stored.info)
    for trace in (b"Exif\x00\x00", b"ICC_PROFILE", b"http://ns.adobe.com/xap", b"Secretville", b"PhoneMaker"):
        assert trace not in photo.data
    assert b"taken at home" not in photo.data


def test_the_default_crop_is_the_largest_centred_square_scaled_to_800() -> None:
    photo = prepare_photo(phone_jpeg((1200, 900)))
    assert (photo.width, photo.height) == (MAX_PHOTO_SIDE, MAX_PHOTO_SIDE)
    stored = decode(photo.data)
    assert stored.size == (800, 800)
    # The centred 900 x 900 square of a red-left, blue-right 1200 x 900 image: red then blue, split in the middle.
    assert near(stored.getpixel((100, 400)), RED) and near(stored.getpixel((700, 400)), BLUE)


def test_a_small_image_is_not_scaled_up() -> None:
    photo = prepare_photo(phone_jpeg((300, 200)))
    assert decode(photo.data).size == (200, 200)


def test_exif_orientation_is_applied_before_the_crop() -> None:
    # Orientation 6: the camera was turned; shown upright, the file's left half is on top.
    photo = prepare_photo(phone_jpeg((1200, 900), orientation=6))
    stored = decode(photo.data)
    assert near(stored.getpixel((400, 100)), RED) and near(stored.getpixel((400, 700)), BLUE)
    # The crop is in the upright image's pixels: 900 wide, 1200 tall. Its top square is all red.
    top = decode(prepare_photo(phone_jpeg((1200, 900), orientation=6), Crop(0, 0, 600)).data)
    assert top.size == (600, 600) and near(top.getpixel((300, 20)), RED) and near(top.getpixel((300, 580)), RED)
    # A square 1000 pixels across does not fit in 900.
    assert refused_field(phone_jpeg((1200, 900), orientation=6), Crop(0, 0, 1000)) == ["crop.x"]


def test_a_given_crop_picks_the_square() -> None:
    # The right 400 x 400 of a 1200 x 900 image: all blue.
    stored = decode(prepare_photo(phone_jpeg((1200, 900)), Crop(800, 500, 400)).data)
    assert stored.size == (400, 400) and near(stored.getpixel((10, 10)), BLUE)


def test_a_large_jpeg_is_decoded_at_a_reduced_scale_and_still_cropped_right() -> None:
    big = phone_jpeg((6000, 4000), quality=70)
    # The right 1600 x 1600 square (blue), read through JPEG draft decoding at half scale.
    stored = decode(prepare_photo(big, Crop(4400, 2400, 1600)).data)
    assert stored.size == (800, 800) and near(stored.getpixel((5, 5)), BLUE) and near(stored.getpixel((795, 795)), BLUE)
    edge = decode(prepare_photo(big, Crop(2200, 0, 1600)).data)  # straddles the middle at 3000
    assert near(edge.getpixel((390, 400)), RED) and near(edge.getpixel((410, 400)), BLUE)


def test_a_png_with_transparency_becomes_a_jpeg_on_white() -> None:
    stored = decode(prepare_photo(transparent_png()).data)
    assert stored.format == "JPEG" and stored.mode == "RGB"
    assert near(stored.getpixel((50, 200)), (255, 255, 255), 8)
    assert near(stored.getpixel((350, 200)), (0, 160, 0))


def test_webp_is_accepted() -> None:
    assert decode(prepare_photo(webp()).data).size == (500, 500)


@pytest.mark.parametrize(
    "data",
    [
        text_named_jpeg(),
        b"%PDF-1.7\n" + b"0" * 500,
        b"GIF89a" + b"\x00" * 100,
        truncated_jpeg(),
        b"",
    ],
    ids=["text", "pdf", "gif", "truncated", "empty"],
)
def test_what_is_not_an_accepted_image_is_refused_on_the_upload(data: bytes) -> None:
    assert refused_field(data) == ["uploadId"]


@pytest.mark.parametrize("lenient", [False, True], ids=["strict", "weasyprint-lenient"])
@pytest.mark.parametrize("data", [truncated_jpeg(), truncated_png(), truncated_webp()], ids=["jpeg", "png", "webp"])
def test_a_file_cut_short_is_refused_even_where_pillow_is_told_to_accept_it(
    data: bytes, lenient: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import ImageFile

    # WeasyPrint sets this for the whole process when it is imported.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", lenient)
    with pytest.raises(InvalidInput) as refused:
        prepare_photo(data)
    assert [p.path for p in refused.value.problems] == ["uploadId"]
    assert "cut short" in refused.value.problems[0].message or "not a JPEG" in refused.value.problems[0].message


def test_a_gif_is_refused_even_though_pillow_reads_gifs() -> None:
    from io import BytesIO

    out = BytesIO()
    Image.new("RGB", (64, 64), RED).save(out, "GIF")
    assert refused_field(out.getvalue()) == ["uploadId"]


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = png_bomb()
    assert len(bomb) < 10_000  # small on the wire, 900 million pixels claimed
    with pytest.raises(InvalidInput) as refused:
        prepare_photo(bomb)
    assert refused.value.problems[0].path == "uploadId" and "million pixels" in refused.value.problems[0].message
    # Under Pillow's own limit but over ours (81 million pixels): refused all the same.
    assert refused_field(png_bomb(9_000, 9_000)) == ["uploadId"]


def test_a_file_over_the_size_cap_is_refused_unread() -> None:
    assert refused_field(b"\xff\xd8\xff" + b"\x00" * MAX_PHOTO_BYTES) == ["uploadId"]


@pytest.mark.parametrize(
    "crop, fields",
    [
        (Crop(-1, 0, 100), ["crop.x"]),
        (Crop(0, 850, 100), ["crop.y"]),
        (Crop(0, 0, 10), ["crop.size"]),
        (Crop(1150, 880, 100), ["crop.x", "crop.y"]),
    ],
)
def test_a_crop_outside_the_image_names_its_fields(crop: Crop, fields: list[str]) -> None:
    assert refused_field(phone_jpeg((1200, 900)), crop) == fields


def test_the_same_image_and_crop_give_the_same_bytes() -> None:
    data = phone_jpeg()
    assert prepare_photo(data).sha256 == prepare_photo(data).sha256
