"""Privacy: what a person's export holds and what deleting their account removed."""

from cvmaker.domain.privacy.model import AccountRecord, DataExport, DeletedAccount

__all__ = ["AccountRecord", "DataExport", "DeletedAccount"]
