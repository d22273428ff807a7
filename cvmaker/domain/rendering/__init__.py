"""Rendering's domain: plain text, download names, what a template is."""
