"""A photo on a CV: an uploaded image checked by its bytes, turned upright, cropped square, scaled down and
re-encoded as a plain JPEG that keeps none of the original's metadata (`processing.prepare_photo`)."""
