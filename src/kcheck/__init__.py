"""kcheck: find where Chinese news articles agree and contradict each other on figures and dates.

Library use::

    import datetime, kcheck
    claims = kcheck.extract("快手三季度GMV达1758亿元，同比增长86.1%", published=datetime.date(2022, 3, 1))
    report = kcheck.check(["corpus"], rules="rules")
"""

from __future__ import annotations

from kcheck.api import check, extract
from kcheck.models import Claim, Conflict, Document, Report, Topic

__all__ = ["Claim", "Conflict", "Document", "Report", "Topic", "check", "extract"]
__version__ = "0.1.0"
