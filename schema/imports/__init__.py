"""The import area: signed upload targets and CVs parsed from PDF and Word files."""
