"""The services an adapter set has been wired into (by `api.composition`), handed to every request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cvmaker.services.cvs import CvService


@dataclass
class Services:
    cvs: CvService
    # Optional capabilities, present when their adapters are configured (typed where they are built).
    rendering: Any = None
    importing: Any = None
    jobs: Any = None
    matching: Any = None
    tailoring: Any = None
