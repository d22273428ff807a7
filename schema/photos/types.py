"""Types of the photo area."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

if TYPE_CHECKING:
    from cvmaker.domain.photos.model import Crop
    from cvmaker.services.photos import PhotoLink


@strawberry.input(
    description="A square of the image as it is shown upright (its EXIF orientation applied, as browsers show "
    "it), in that image's pixels: `x` and `y` its top-left corner, `size` its side (at least 32)."
)
class PhotoCropInput:
    x: int
    y: int
    size: int

    def to_domain(self) -> Crop:
        from cvmaker.domain.photos.model import Crop

        return Crop(x=self.x, y=self.y, size=self.size)


@strawberry.type(description="A CV's photo: a square JPEG of at most 800 pixels a side, with no metadata.")
class CvPhoto:
    key: str = strawberry.field(description="Where it is stored; the same as the CV's `basics.photo`.")
    url: str = strawberry.field(description="A short-lived link to the JPEG (15 minutes).")

    @classmethod
    def from_domain(cls, photo: PhotoLink) -> CvPhoto:
        return cls(key=photo.key, url=photo.url)
