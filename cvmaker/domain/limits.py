"""Size limits of a CV document. Generous for any real CV, small enough that no request can exhaust the store
(a DynamoDB item holds 400 KB) or the renderer."""

MAX_TITLE = 200
MAX_NAME = 200
MAX_SHORT_TEXT = 300
MAX_EMAIL = 254
MAX_PHONE = 50
MAX_URL = 2048
MAX_LINKS = 20
MAX_SUMMARY = 10_000
MAX_DESCRIPTION = 10_000
MAX_SECTIONS = 40
MAX_ITEMS_PER_SECTION = 200
MAX_ITEMS_TOTAL = 600
MAX_BULLETS = 50
MAX_BULLET = 2_000
MAX_KEYWORDS = 100
MAX_KEYWORD = 100
MAX_DOCUMENT_BYTES = 350_000

# A CV file (PDF or Word) a user may upload: far above any real CV, far below what could exhaust a parser.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
