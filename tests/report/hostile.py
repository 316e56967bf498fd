"""A report whose every input string is an attack on the HTML page, for the html format tests.

Each payload would set ``window.__pwned`` (or fetch something) if the page ever treated
article text as markup; the browser tests check that nothing of the kind happens and that
the payloads show up as plain text.
"""

from __future__ import annotations

from kcheck.models import Claim, Conflict, FileProblem, Report, Topic

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<a href="javascript:window.__pwned=3">点击</a>',
    '</textarea><svg onload="window.__pwned=4"></svg>',
    "</script><script>window.__pwned=5</script>",
    "<!--",
    '" autofocus onfocus="window.__pwned=6" x="',
    "javascript:window.__pwned=7",
    "</style><style>body{display:none}</style>",
    "]]><iframe srcdoc='<script>parent.__pwned=8</script>'></iframe>",
]
ATTACK = " ".join(PAYLOADS)
# a file name may hold anything but "/" and NUL
HOSTILE_DOC = 'javascript:window.__pwned=9 <img src=x onerror="window.__pwned=10">.txt'


def _claim(c: Claim) -> Claim:
    sentence = f"{ATTACK}{c.sentence}{ATTACK}"
    return c.model_copy(
        update={
            "doc": HOSTILE_DOC if c.doc.endswith("005_edited.txt") else c.doc,
            "sentence": sentence,
            "offset": sentence.find(c.quote),
            "entity": f"{c.entity}{PAYLOADS[0]}" if c.entity else c.entity,
        }
    )


def hostile(report: Report) -> Report:
    """``report`` with payloads in titles, paths, sentences, labels, messages, reasons and errors."""
    claims = [_claim(c) for c in report.claims]
    by_id = {c.id: c for c in claims}
    topics = [
        Topic.model_validate(
            {
                **t.model_dump(),
                "label": f"{t.label} {PAYLOADS[1]}",
                "why": [*t.why, ATTACK],
                "sources": [HOSTILE_DOC if s.endswith("005_edited.txt") else s for s in t.sources],
                "key": t.key.model_copy(update={"entity": f"{t.key.entity}{PAYLOADS[0]}"}),
            }
        )
        for t in report.topics
    ]
    conflicts = [
        Conflict.model_validate(
            {
                **c.model_dump(),
                "topic": f"{c.topic} {PAYLOADS[1]}",
                "message": f"{c.message} {ATTACK}",
                "type": c.type if i else f"{c.type}{PAYLOADS[3]}",
                "claims": [by_id[x.id] for x in c.claims],
            }
        )
        for i, c in enumerate(report.conflicts)
    ]
    documents = [
        d.model_copy(
            update={
                "path": HOSTILE_DOC if d.path.endswith("005_edited.txt") else d.path,
                "title": f"{d.title} {ATTACK}",
                "source": PAYLOADS[2],
                "published_note": PAYLOADS[3],
            }
        )
        for d in report.documents
    ]
    return report.model_copy(
        update={
            "claims": claims,
            "topics": topics,
            "conflicts": conflicts,
            "documents": documents,
            "unreadable": [FileProblem(path=f"{PAYLOADS[1]}.html", error=ATTACK)],
            "baseline": PAYLOADS[4],
        }
    )
