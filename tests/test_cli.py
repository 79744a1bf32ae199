"""Tests of the command line (quoteattr.cli, quoteattr.__main__ and the console script)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr import extract_quotes
from quoteattr.cli import main

ARTICLE = "“We will rebuild the bridge by spring,” said Mayor Ana Ruiz. Ruiz said costs were low."


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "bridge.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_table_from_file(article: Path) -> None:
    code, out, err = run(str(article))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["kind", "speaker", "role", "cue", "conf", "quote"]
    assert lines[1].split()[:4] == ["direct", "Ana", "Ruiz", "Mayor"]
    assert "We will rebuild the bridge by spring," in lines[1]
    assert lines[-1] == "2 quotes"


def test_stdin_when_no_file() -> None:
    code, out, _ = run("--format", "jsonl", stdin=ARTICLE)
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["file"] for r in rows] == ["-", "-"]
    assert rows[0]["speaker"]["name"] == "Ana Ruiz"
    assert ARTICLE[rows[1]["start"] : rows[1]["end"]] == rows[1]["text"]


def test_html(article: Path) -> None:
    code, out, _ = run("-f", "html", str(article), "-")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and out.count('class="qa-doc"') == 2
    assert "bridge.txt: 2 quotes" in out and "-: 0 quotes" in out


def test_bad_files_are_reported_and_others_processed(article: Path, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("“Très bien,” said Ana Ruiz.".encode("latin-1", "replace"))
    missing = tmp_path / "missing.txt"
    code, out, err = run("-f", "jsonl", str(missing), str(tmp_path), str(latin1), str(article))
    assert code == 1
    assert f"quoteattr: {missing}: no such file; skipped" in err
    assert f"quoteattr: {tmp_path}: is a directory; skipped" in err
    assert f"quoteattr: {latin1}: not UTF-8 text" in err
    assert {json.loads(x)["file"] for x in out.splitlines()} == {str(article)}


def test_several_files_get_headers(article: Path) -> None:
    code, out, _ = run(str(article), str(article))
    assert code == 0 and out.count(f"== {article} ==") == 2


def test_min_confidence_and_usage_errors(article: Path) -> None:
    code, out, _ = run("--min-confidence", "0.85", "-f", "jsonl", str(article))
    assert code == 0 and len(out.splitlines()) == 1
    assert run("--min-confidence", "2", str(article))[0] == 2
    with pytest.raises(SystemExit) as exc:
        run("--format", "pdf", str(article))
    assert exc.value.code == 2


def test_unavailable_backend_is_a_clear_error(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteattr import BackendUnavailableError, backends

    def broken(config: object) -> object:
        raise BackendUnavailableError("stanza is not installed: pip install 'quoteattr[stanza]'")

    monkeypatch.setitem(backends.BACKENDS, "stanza", broken)
    code, out, err = run("--backend", "stanza", str(article))
    assert code == 1 and out == ""
    assert err.startswith("quoteattr: error: stanza is not installed")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8"}


def test_python_dash_m(article: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "-f", "jsonl", str(article), str(tmp_path / "no")],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 2
    assert "no such file" in proc.stderr


def test_console_script_reads_stdin() -> None:
    script = Path(sys.executable).with_name("quoteattr")
    if not script.exists():
        pytest.skip("the quoteattr console script is not installed in this environment")
    proc = subprocess.run(
        [str(script), "--format", "table"],
        input=ARTICLE,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Ana Ruiz" in proc.stdout and proc.stdout.rstrip().endswith("2 quotes")


def test_jobs_give_the_same_output_in_order(article: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("“Not yet,” said Ben Cole. Cole said the vote would wait.", encoding="utf-8")
    files = [str(article), str(tmp_path / "gone.txt"), str(other), str(article)]
    serial = run("-f", "jsonl", *files)
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "-f", "jsonl", "--jobs", "2", *files],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
    )
    assert proc.returncode == serial[0] == 1
    assert proc.stdout == serial[1]
    assert [json.loads(x)["file"] for x in proc.stdout.splitlines()] == [
        str(article),
        str(article),
        str(other),
        str(other),
        str(article),
        str(article),
    ]
    assert "gone.txt: no such file" in proc.stderr
    assert run("--jobs", "0", str(article))[0] == 2


# -- issue 13: decoding, offsets, degraded documents, limits, flags -----------------------------
def run_bytes(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """Like :func:`run`, with standard input as bytes under a text stream (as in a shell)."""
    out, err = io.StringIO(), io.StringIO()
    stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    code = main(list(argv), stdin=stream, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_stdin_is_decoded_like_a_file(tmp_path: Path) -> None:
    bad = "“Très bien,” said Ana Ruiz.".encode("latin-1", "replace")
    code, out, err = run_bytes("-f", "jsonl", stdin=bad)
    assert code == 1 and out == ""
    assert err.startswith("quoteattr: -: not UTF-8 text (byte 3: invalid continuation byte)")
    f = tmp_path / "bad.txt"
    f.write_bytes(bad)
    assert run("-f", "jsonl", str(f))[2] == err.replace("-:", f"{f}:")
    code, out, _ = run_bytes("-f", "jsonl", stdin=ARTICLE.encode("utf-8"))
    assert code == 0 and len(out.splitlines()) == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_point_into_the_files_own_characters(tmp_path: Path, newline: str) -> None:
    text = newline.join(
        ["Mayor Ana Ruiz spoke on Monday.", "", ARTICLE, "", "“We are ready,” she said."]
    )
    f = tmp_path / "article.txt"
    f.write_bytes(text.encode("utf-8"))
    for args in ((str(f),), ("-",)):
        code, out, _ = run_bytes("-f", "jsonl", *args, stdin=f.read_bytes())
        rows = [json.loads(x) for x in out.splitlines()]
        assert code == 0 and len(rows) == len(extract_quotes(text)) >= 3
        for r in rows:
            assert text[r["start"] : r["end"]] == r["text"]
            assert text[r["cue"]["start"] : r["cue"]["end"]] == r["cue"]["text"]


def test_a_degraded_document_is_named_and_the_status_says_so(article: Path) -> None:
    code, out, err = run("-f", "jsonl", "--time-budget", "1e-9", str(article))
    assert code == 3
    assert f"quoteattr: {article}: degraded: time budget of 1e-09 s ran out" in err
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows and all(r["warnings"] and r["speaker"] is None for r in rows)
    code, out, _ = run("--time-budget", "1e-9", str(article))
    assert code == 3 and f"warning: {article}: time budget" in out
    assert run("--time-budget", "0", str(article))[0] == 2
    assert run("--regex-timeout", "-1", str(article))[0] == 2
    code, out, err = run("-f", "jsonl", "--time-budget", "60", "--regex-timeout", "5", str(article))
    assert code == 0 and err == "" and "warnings" not in out


def test_endless_and_giant_inputs_are_refused_and_the_next_files_read(
    article: Path, tmp_path: Path
) -> None:
    giant = tmp_path / "giant.txt"
    giant.write_bytes(b"word " * 300_000)  # 1.5 MB
    zero = "/dev/zero" if Path("/dev/zero").exists() else str(giant)
    code, out, err = run("-f", "jsonl", "--max-mb", "1", zero, str(giant), str(article))
    assert code == 1
    assert f"quoteattr: {zero}: larger than 1 MB (--max-mb); skipped" in err
    assert f"quoteattr: {giant}: larger than 1 MB (--max-mb); skipped" in err
    assert {json.loads(x)["file"] for x in out.splitlines()} == {str(article)}
    code, _, err = run_bytes("--max-mb", "1", stdin=b"word " * 300_000)
    assert code == 1 and "quoteattr: -: larger than 1 MB" in err


def test_stanza_advice_can_be_followed_on_the_command_line(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The missing-models message says to pass a model directory or download=True: the
    command line has --stanza-dir and --download, says so, and hands them to the backend."""
    from quoteattr import BackendUnavailableError, Config, backends

    seen: list[Config] = []

    def missing(config: Config) -> object:
        seen.append(config)
        raise BackendUnavailableError(
            "stanza's English models were not found in '/m'; pass download=True to download them"
        )

    monkeypatch.setitem(backends.BACKENDS, "stanza", missing)
    code, _, err = run("-b", "stanza", "--stanza-dir", "/m", "--download", str(article))
    assert code == 1 and "(on the command line: --stanza-dir DIR, or --download)" in err
    assert seen[0].stanza_dir == "/m" and seen[0].download is True


def test_scheme_flag() -> None:
    text = "The mayor believes the bridge is safe. Ana Ruiz said the road was closed."
    code, out, _ = run("--format", "jsonl", "-", stdin=text)
    assert code == 0 and [json.loads(line)["cue"]["text"] for line in out.splitlines()] == ["said"]
    code, out, _ = run("--scheme", "broad", "--format", "jsonl", "-", stdin=text)
    cues = [json.loads(line)["cue"]["text"] for line in out.splitlines()]
    assert code == 0 and cues == ["believes", "said"]
    with pytest.raises(SystemExit) as bad:  # argparse: a usage error
        run("--scheme", "parc", "-", stdin=text)
    assert bad.value.code == 2
