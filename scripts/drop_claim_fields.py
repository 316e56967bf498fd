"""Drop claim fields from a ``scripts/dump_state.py`` dump, to show a change only added them.

    python scripts/dump_state.py > /tmp/after.txt
    python scripts/drop_claim_fields.py time_key revision_at < /tmp/after.txt > /tmp/after-old.txt
    diff /tmp/before.txt /tmp/after-old.txt     # empty: nothing but the new fields changed

It removes the fields from the ``claim`` and ``finding`` lines and the ``jsonl`` claim listing, their lines
from the indented JSON of the rendered reports, and their columns from the ``csv`` listing.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys


def _drop(obj: object, names: set[str]) -> object:
    if isinstance(obj, dict):
        return {k: _drop(v, names) for k, v in obj.items() if k not in names}
    if isinstance(obj, list):
        return [_drop(v, names) for v in obj]
    return obj


def _line(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def _csv(lines: list[str], names: set[str]) -> list[str]:
    rows = list(csv.reader(io.StringIO("".join(lines))))
    if not rows:
        return lines
    keep = [i for i, name in enumerate(rows[0]) if name not in names]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([row[i] for i in keep])
    return out.getvalue().splitlines(keepends=True)


def main(names: set[str]) -> int:
    indented = re.compile(r'^\s*"(?:' + "|".join(map(re.escape, sorted(names))) + r')": .*\n$')
    section = ""
    held: list[str] = []  # the csv listing, rewritten as a whole
    out: list[str] = []
    for raw in sys.stdin:
        if raw.startswith(("--- ", "=== ")):
            out += _csv(held, names) if held else []
            held = []
            section = raw.strip()
            out.append(raw)
            continue
        head, _, rest = raw.partition(" ")
        if section == "--- claims --format csv":
            held.append(raw)
        elif head in ("claim", "finding") and rest.startswith("{"):
            out.append(f"{head} {_line(_drop(json.loads(rest), names))}\n")
        elif section == "--- claims --format jsonl" and raw.startswith("{"):
            out.append(json.dumps(_drop(json.loads(raw), names), ensure_ascii=False) + "\n")
        elif not indented.match(raw):
            out.append(raw)
        elif not raw.rstrip("\n").endswith(",") and out:
            # the last member of an indented object went: the one before it loses its comma
            out[-1] = out[-1].rstrip("\n").removesuffix(",") + "\n"
    out += _csv(held, names) if held else []
    sys.stdout.writelines(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(set(sys.argv[1:])))
