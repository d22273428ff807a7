"""`Outbox` as a folder of RFC 5322 messages (`.eml`), the embedded default's stand-in for sending mail.

Nothing leaves the machine: the admin reads the messages with `cvmaker outbox` (or any mail reader). They hold
reset codes, so the folder is 0700 and each file 0600, written whole (a temporary file, then a rename) so a
reader never sees half a message. File names start with the time, so a listing is in the order of sending.
"""

from __future__ import annotations

import os
import tempfile
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from cvmaker.domain.password_reset import OutboxMessage

SENDER = "CV Maker <no-reply@cvmaker.local>"


class FolderOutbox:
    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def put(self, message: OutboxMessage) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        mail = EmailMessage()
        mail["From"] = SENDER
        mail["To"] = message.to
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(message.created_at, usegmt=True)
        mail["X-CVMaker-Message-Id"] = message.id
        mail.set_content(message.body)
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".new-")  # created 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(mail.as_bytes(policy=policy.SMTP))
            os.replace(temp, self.folder / f"{message.created_at:012d}-{message.id}.eml")
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def messages(self) -> list[OutboxMessage]:
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.eml")):
            mail = message_from_bytes(path.read_bytes(), policy=policy.default)
            body = mail.get_body(("plain",)) if isinstance(mail, EmailMessage) else None
            created = path.name.split("-", 1)[0]
            found.append(
                OutboxMessage(
                    id=str(mail.get("X-CVMaker-Message-Id", path.stem)),
                    to=str(mail.get("To", "")),
                    subject=str(mail.get("Subject", "")),
                    body=body.get_content() if isinstance(body, EmailMessage) else "",
                    created_at=int(created) if created.isdigit() else 0,
                )
            )
        return found
