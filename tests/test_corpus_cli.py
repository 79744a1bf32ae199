"""``quoteattr corpus``: metadata in, tables and JSON Lines out, problems reported, old usage
kept."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.cli import main

RUIZ = "“We will rebuild the bridge,” said Mayor Ana Ruiz. Ruiz said work would start soon."
COLE = "“Prices will fall,” said Acme Corp spokesman Ben Cole."
LEE = "“The river is rising,” said Sam Lee, a hydrologist."


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def jsonl(*docs: dict[str, object]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    """Plain-text articles in one folder per outlet, and a metadata CSV."""
    for outlet, name, text in [
        ("gazette", "a1.txt", RUIZ),
        ("gazette", "a2.txt", LEE),
        ("courier", "b1.txt", COLE),
    ]:
        (tmp_path / outlet).mkdir(exist_ok=True)
        (tmp_path / outlet / name).write_text(text, encoding="utf-8")
    (tmp_path / "meta.csv").write_text(
        "file,date\na1.txt,2024-05-01\nb1.txt,2024-05-02\n", encoding="utf-8"
    )
    return tmp_path


def test_jsonl_from_stdin_table() -> None:
    lines = jsonl(
        {"text": RUIZ, "outlet": "Gazette"},
        {"text": COLE, "outlet": "Courier"},
        {"text": LEE, "outlet": "Gazette"},
    )
    code, out, err = run("corpus", "-", "--by", "outlet", stdin=lines)
    assert (code, err) == (0, "")
    lines_out = out.splitlines()
    assert lines_out[0] == (
        "3 documents, 4 quotes (0 without a resolved speaker), 3 speakers, 3 of them people"
    )
    assert "Share of women among people, by outlet" in out
    rows = {line.split()[0]: line.split()[1:] for line in lines_out if line[:1].isalpha()}
    # "Acme Corp spokesman Ben Cole": the role noun says he is a man; the others' text says
    # nothing of their gender.
    assert rows["Courier"] == ["1", "0", "1", "0", "0.0%"]
    assert rows["Gazette"] == ["2", "0", "0", "2", "-"]
    assert rows["all"] == ["3", "0", "1", "2", "0.0%"]
    assert "Speakers (the 3 most quoted of 3)" in out
    assert any(line.startswith("Ana Ruiz") and "Mayor" in line for line in lines_out)


def test_jsonl_format_writes_share_and_speaker_records() -> None:
    lines = jsonl({"text": RUIZ, "outlet": "Gazette"}, {"text": COLE, "outlet": "Courier"})
    code, out, _ = run("corpus", "-", "--by", "outlet", "--format", "jsonl", stdin=lines)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    shares = [r for r in records if r["record"] == "share"]
    assert [(r["key"], r["value"], r["unknown"]) for r in shares] == [
        (None, None, 1),
        ("outlet", "Courier", 0),
        ("outlet", "Gazette", 1),
    ]
    speakers = [r for r in records if r["record"] == "speaker"]
    assert speakers[0]["name"] == "Ana Ruiz"
    assert speakers[0]["groups"] == {"outlet": {"Gazette": {"documents": 1, "quotes": 2}}}


def test_count_quotes() -> None:
    lines = jsonl({"text": RUIZ, "outlet": "Gazette"})
    _, out, _ = run(
        "corpus", "-", "--by", "outlet", "--count", "quotes", "-f", "jsonl", stdin=lines
    )
    overall = json.loads(out.splitlines()[0])
    assert (overall["counted"], overall["unknown"]) == ("quotes", 2)


def test_plain_files_get_their_folder_and_csv_metadata(
    folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folders)
    files = ["gazette/a1.txt", "gazette/a2.txt", "courier/b1.txt"]
    code, out, err = run(
        "corpus", *files, "--by", "dir", "--by", "date", "--metadata", "meta.csv", "-f", "jsonl"
    )
    assert (code, err) == (0, "")
    shares = [json.loads(line) for line in out.splitlines()]
    by_dir = {r["value"]: r["documents"] for r in shares if r.get("key") == "dir"}
    assert by_dir == {"courier": 1, "gazette": 2}
    by_date = {r["value"]: r["documents"] for r in shares if r.get("key") == "date"}
    assert by_date == {"2024-05-01": 1, "2024-05-02": 1, None: 1}
    cole = next(r for r in shares if r.get("name") == "Ben Cole")
    assert cole["groups"]["dir"] == {"courier": {"documents": 1, "quotes": 1}}


def test_bad_inputs_are_reported_and_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    lines = jsonl({"text": RUIZ, "outlet": "A"}) + "not json\n" + jsonl({"body": "x"})
    code, out, err = run("corpus", "-", str(bad), str(tmp_path / "missing.txt"), stdin=lines)
    assert code == 1
    assert out.startswith("1 document, 2 quotes")
    assert err.splitlines() == [
        "quoteattr corpus: -, line 2: not JSON (Expecting value: line 1 column 1 (char 0)); "
        "skipped",
        "quoteattr corpus: -, line 3: no string field 'text'; skipped",
        f"quoteattr corpus: {bad}: not UTF-8 text (byte 0: invalid start byte); skipped",
        f"quoteattr corpus: {tmp_path / 'missing.txt'}: no such file; skipped",
    ]


def test_text_field_and_a_key_no_document_has() -> None:
    lines = jsonl({"body": RUIZ, "outlet": "A"})
    code, out, err = run("corpus", "-", "--text-field", "body", "--by", "section", stdin=lines)
    assert code == 0
    assert out.startswith("1 document, 2 quotes")
    assert err == "quoteattr corpus: no document has the metadata key 'section'\n"


def test_plot_is_saved(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    image = pytest.importorskip("PIL.Image")
    png = tmp_path / "share.png"
    lines = jsonl({"text": RUIZ, "outlet": "A"}, {"text": COLE, "outlet": "B"})
    code, _, err = run("corpus", "-", "--by", "outlet", "--plot", str(png), stdin=lines)
    assert (code, err) == (0, "")
    with image.open(png) as im:
        assert im.size[0] > 400 and im.size[1] > 100


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plot", "x.png"], "--plot needs a --by key"),
        (["--top", "-1"], "--top must be 0 or more"),
        (["--jobs", "0"], "--jobs must be"),
        (["--min-confidence", "2"], "--min-confidence must be in [0, 1]"),
        (["-"], "standard input (-) can be read only once"),
        (["--metadata", "no-such.csv"], "--metadata no-such.csv: no such file"),
    ],
)
def test_bad_usage(args: list[str], message: str) -> None:
    code, _, err = run("corpus", "-", *args)
    assert code == 2
    assert message in err


def test_metadata_csv_needs_a_file_column(tmp_path: Path) -> None:
    table = tmp_path / "m.csv"
    table.write_text("path,outlet\na.txt,A\n", encoding="utf-8")
    code, _, err = run("corpus", "-", "--metadata", str(table))
    assert code == 2 and "no 'file' column" in err


def test_progress_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    code, _, err = run("corpus", "-", "--progress")
    assert code == 1 and 'pip install "quoteattr[progress]"' in err


def test_progress_bar_goes_to_stderr() -> None:
    pytest.importorskip("tqdm")
    lines = jsonl({"text": RUIZ}, {"text": COLE})
    code, out, err = run("corpus", "-", "--progress", "--top", "0", stdin=lines)
    assert code == 0
    assert "2doc" in err.replace(" ", "")
    assert "doc/s" not in out


def test_the_old_usage_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpus").write_text(RUIZ, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("./corpus")
    assert code == 0 and out.splitlines()[-1] == "2 quotes"
    code, out, _ = run("--format", "jsonl", "-", stdin=RUIZ)
    assert code == 0 and json.loads(out.splitlines()[0])["speaker"]["name"] == "Ana Ruiz"


def test_console_entry_point_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quoteattr", "corpus", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "usage: quoteattr corpus" in done.stdout
    assert "--by KEY" in done.stdout
