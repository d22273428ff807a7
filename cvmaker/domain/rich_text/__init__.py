"""Rich text in summaries, descriptions and bullets: one small Markdown subset, read into a typed tree that every
output (HTML, DOCX, plain text) renders. Stored text stays Markdown as typed; see `parsing` for what is read."""
