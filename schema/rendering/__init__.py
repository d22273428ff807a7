"""The rendering area: templates, downloads in every format, and the live preview."""
