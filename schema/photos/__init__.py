"""The photo area: a signed upload target for an image, and a CV's photo set, shown and removed."""
