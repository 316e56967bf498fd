"""Property: any bytes as file content and as file names give a clean run.

No traceback or internal error, exit code 0, 1 or 2 only, and every output (stdout,
stderr, in every format) free of raw control characters and of lines a CI runner would
take as workflow commands; the files are left as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile import assert_safe

from kcheck.cli import main

ARTICLE = "2022年3月1日\n\n快手2021年第三季度GMV达{n}亿元，同比增长86.1%。\n".encode()  # {n}: a figure

names = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)
# raw bytes, text in any encoding-free form, and a real article with random bytes spliced in
contents = st.one_of(
    st.binary(max_size=1500),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda n, noise, at: _splice(n, noise, at),
        st.integers(1000, 3000),
        st.binary(max_size=60),
        st.integers(0, 60),
    ),
)


def _splice(n: int, noise: bytes, at: int) -> bytes:
    article = ARTICLE.replace(b"{n}", str(n).encode())
    at = min(at, len(article))
    return article[:at] + noise + article[at:]


COMMANDS = [
    ["report", "--format", "text"],
    ["report", "--format", "json"],
    ["report", "--format", "markdown"],
    ["report", "--format", "github"],
    ["claims", "--format", "csv"],
    ["claims", "--format", "table"],
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.dictionaries(names, contents, min_size=1, max_size=3),
    command=st.sampled_from(COMMANDS),
)
def test_any_bytes_as_content_and_names_give_a_clean_run(
    files: dict[bytes, bytes], command: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(os.fsencode(tmp), b"corpus")
        os.mkdir(root)
        for name, data in files.items():
            with open(os.path.join(root, name), "wb") as fh:
                fh.write(data)
        before = {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}
        env = {"NO_COLOR": "1", "GITHUB_STEP_SUMMARY": ""}
        result = CliRunner().invoke(main, [*command, os.fsdecode(root)], env=env)
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
        assert_safe(result.stdout, annotations="github" in command)
        assert_safe(result.stderr)
        if "json" in command and result.exit_code in (0, 1):
            json.loads(result.stdout)
        after = {}
        for name in os.listdir(root):
            with open(os.path.join(root, name), "rb") as fh:
                after[name] = hashlib.sha256(fh.read()).hexdigest()
        assert after == before
