"""The jobs area: postings and their requirements, matching a CV to a job, tailoring, cover letters."""
