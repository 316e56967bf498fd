"""The hostile corpus: the files in tests/hostile/corpus/ plus what git cannot hold.

Shared by tests/hostile/test_hostile.py and benchmarks/hostile.py. Special entries (FIFOs,
symbolic links out of the corpus and in loops, names with newlines and invalid UTF-8) and
the large generated files (a sentence of thousands of figures) are made at run time.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "corpus"

# a file name that, printed raw, puts two GitHub workflow commands on lines of their own
WORKFLOW_NAME = "e\n::warning::INJECTED\n::stop-commands::tok\n.txt"
INVALID_UTF8_NAME = b"bad-\xff\xfe-name.txt"

ARTICLE = "2022年3月1日 来源：新浪财经\n\n快手2021年第三季度GMV达{gmv}亿元，同比增长86.1%。\n"
CATASTROPHIC = r"^(a+)+$"


def long_sentence(figures: int) -> str:
    """One sentence (no full stop until the end) naming ``figures`` figures."""
    parts = [f"快手2021年第三季度GMV达{1000 + i % 900}亿元" for i in range(figures)]
    return "2022年3月1日 来源：新浪财经\n\n" + "，".join(parts) + "。\n"


def alias_bomb(levels: int, width: int = 10) -> str:
    """Front matter whose title expands to ``width ** levels`` strings when aliases are followed."""
    lines = ["---", "a: &a [" + ",".join(['"lol"'] * width) + "]"]
    prev = "a"
    for i in range(1, levels):
        name = f"l{i}"
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * width) + "]")
        prev = name
    lines += [f"title: *{prev}", "date: 2022-03-01", "---", "", "快手2021年第三季度GMV达1758亿元。", ""]
    return "\n".join(lines)


def build(root: Path, *, special: bool = True) -> Path:
    """The hostile corpus under ``root / 'corpus'`` (and a directory ``outside`` it links to)."""
    root = root.resolve()  # links point at absolute paths
    corpus = root / "corpus"
    outside = root / "outside"
    corpus.mkdir(parents=True)
    outside.mkdir()
    for path in STATIC.iterdir():
        shutil.copy(path, corpus / path.name)
    (corpus / "plain.txt").write_text(ARTICLE.format(gmv=1758), encoding="utf-8")
    (corpus / "formula.txt").write_text(
        '=HYPERLINK("http://evil.example/","x")\n\n+快手2021年第四季度GMV达900亿元。\n\n@SUM(1+1)快手2021年第四季度GMV达700亿元。\n',
        encoding="utf-8",
    )
    (outside / "secret.txt").write_text(ARTICLE.format(gmv=9999), encoding="utf-8")
    if not special:
        return corpus
    (corpus / WORKFLOW_NAME).write_text(ARTICLE.format(gmv=2500), encoding="utf-8")
    with open(os.path.join(os.fsencode(corpus), INVALID_UTF8_NAME), "wb") as fh:
        fh.write(ARTICLE.format(gmv=1758).encode("utf-8"))
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "secret.txt").symlink_to(outside / "secret.txt")
    (corpus / "outside_dir").symlink_to(outside, target_is_directory=True)
    if os.path.exists("/proc/kmsg"):
        (corpus / "kmsg.txt").symlink_to("/proc/kmsg")
    (corpus / "environ.txt").symlink_to("/proc/self/environ")
    (corpus / "loop_a.txt").symlink_to(corpus / "loop_b.txt")
    (corpus / "loop_b.txt").symlink_to(corpus / "loop_a.txt")
    return corpus
