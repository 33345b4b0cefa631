"""The respect family's tuning pool: rows of public offensive-language sets, read in place.

Not a test and not part of the corpus. The rows are read from git snapshots of the data sets'
repositories (``--mirror``, one ``owner+name/repo`` git directory each, at the commits named in
``SOURCES``), never copied here. Rows already in ``linter.jsonl`` (same text, or more than half
of their words shared with any corpus item of either split) are left out, and so are the rows
set aside for the corpus (``CORPUS_PICK`` per set and label, the first by SHA-1 of
``"respect2:" + text``): the pool is what the respect lexicon may be tuned on; the corpus keeps
text it was not tuned on. Run::

    python tests/corpus/respect_pool.py                    # recall / false alarms per language
    python tests/corpus/respect_pool.py --misses 30 --lang de
    python tests/corpus/respect_pool.py --alarms 30 --lang pt
    python tests/corpus/respect_pool.py --candidates out.jsonl   # rows set aside for the corpus

"Recall" counts the rows the source marks offensive that the linter blocks for respect; many
of them carry no offensive word at all (irony, a hateful opinion), so it cannot reach 1.
"False alarms" counts the rows the source marks clean that the linter blocks for respect.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import re
import subprocess
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPUS_PICK = 14  # rows per set and label set aside for the corpus before any tuning

# name, lang, repo, commit, path (zip member after "!")
SOURCES = [
    (
        "germeval",
        "de",
        "uds-lsv/GermEval-2018-Data",
        "9877472d39523effd54cd079b4c61157ed141508",
        "germeval2018.training.txt",
    ),
    (
        "germeval",
        "de",
        "uds-lsv/GermEval-2018-Data",
        "9877472d39523effd54cd079b4c61157ed141508",
        "germeval2018.test.txt",
    ),
    (
        "offcombr",
        "pt",
        "rogersdepelle/OffComBR",
        "261c6334f374966e952d0e83fee9253641860ac5",
        "OffComBR3.arff",
    ),
    (
        "toldbr",
        "pt",
        "JAugusto97/ToLD-Br",
        "7804082d06a42b791c456b37a8a80ed9b731198c",
        "ToLD-BR.csv",
    ),
    (
        "haspeede",
        "it",
        "tommasoc80/evalita2018-rug",
        "88065ec8cfc5b8ba5fe4a6193a3191840cd61dba",
        "Data/haspeede_FB-train.tsv",
    ),
    (
        "haspeede",
        "it",
        "tommasoc80/evalita2018-rug",
        "88065ec8cfc5b8ba5fe4a6193a3191840cd61dba",
        "Data/haspeede_TW-train.tsv",
    ),
    (
        "hateval",
        "es",
        "msang/hateval",
        "edeecf5efae3884cf1889b4298101d1e52c99efb",
        "SemEval2019-Task5/datasets/trial/trial_es.tsv",
    ),
    (
        "hateval",
        "es",
        "finiteautomata/hatEval",
        "1181117c07079c7ed6d65aa562bde8a9c8d24759",
        "notebooks/es/error_analysis/dev_with_annotations.es.csv",
    ),
    (
        "mlma",
        "fr",
        "HKUST-KnowComp/MLMA_hate_speech",
        "479836984aebfbd8a0270ca92018980f745e4c44",
        "hate_speech_mlma.zip!hate_speech_mlma/fr_dataset.csv",
    ),
]

MENTION = re.compile(r"^(?:\s*(?:rt\s+)?@\w+:?)+\s*", re.IGNORECASE)
CONTACTISH = re.compile(r"https?://|www\.|@\w|\d{6,}")
WORD = re.compile(r"\w+")


def clean(text: str) -> str:
    text = html.unescape(text.replace("|LBR|", " "))
    return MENTION.sub("", text).strip()


def blob(mirror: Path, repo: str, commit: str, path: str) -> str:
    gitdir = mirror / repo.replace("/", "+") / "repo"
    member = None
    if "!" in path:
        path, member = path.split("!", 1)
    shown = subprocess.run(
        ["git", "-C", str(gitdir), "show", f"{commit}:{path}"], capture_output=True
    )
    if shown.returncode:
        raise SystemExit(f"{repo}@{commit[:7]}:{path} is not in {mirror} (fetch github:{repo})")
    raw = shown.stdout
    if member:
        raw = zipfile.ZipFile(io.BytesIO(raw)).read(member)
    return raw.decode("utf-8", errors="replace")


def labelled(name: str, text: str) -> Iterator[tuple[int, str, str | None, dict[str, Any]]]:
    """(line, text, "pos" | "neg" | None, where) for every row of one file."""
    if name == "germeval":
        for n, line in enumerate(text.splitlines(), 1):
            parts = line.split("\t")
            if len(parts) == 3:
                fine = parts[2].strip()
                want = (
                    "pos" if fine in ("INSULT", "PROFANITY") else "neg" if fine == "OTHER" else None
                )
                yield n, parts[0], want, {"line": n}
    elif name == "offcombr":
        for n, line in enumerate(text.splitlines(), 1):
            if line.startswith(("yes,'", "no,'")):
                lab, body = line.split(",", 1)
                yield n, body.strip().strip("'"), "pos" if lab == "yes" else "neg", {"line": n}
    elif name == "toldbr":
        for n, row in enumerate(csv.DictReader(io.StringIO(text)), 2):
            votes = {k: float(v or 0) for k, v in row.items() if k != "text"}
            want = (
                "pos"
                if votes["insult"] >= 2 or votes["obscene"] >= 2
                else "neg"
                if not any(votes.values())
                else None
            )
            yield n, row["text"], want, {"row": n}
    elif name == "haspeede":
        for n, line in enumerate(text.splitlines(), 1):
            parts = line.split("\t")
            if len(parts) == 3 and parts[2].strip() in ("0", "1"):
                yield n, parts[1], "pos" if parts[2].strip() == "1" else "neg", {"line": n}
    elif name == "hateval":
        delim = "\t" if "\t" in text.splitlines()[0] else ","
        for n, row in enumerate(csv.DictReader(io.StringIO(text), delimiter=delim), 2):
            flags = {k: (row.get(k) or "0").startswith("1") for k in ("HS", "AG", "PROFANITY")}
            want = (
                "pos"
                if (flags["HS"] and flags["AG"]) or flags["PROFANITY"]
                else "neg"
                if not any(flags.values())
                else None
            )
            yield n, row["text"], want, {"id": row["id"]}
    elif name == "mlma":
        for row in csv.DictReader(io.StringIO(text)):
            s = row["sentiment"]
            want = (
                "pos" if ("offensive" in s or "abusive" in s) else "neg" if s == "normal" else None
            )
            yield 0, row["tweet"], want, {"row": {"HITId": row["HITId"]}}


def corpus_texts() -> tuple[set[str], dict[str, set[int]], list[set[str]]]:
    texts, index, bags = set(), defaultdict(set), []
    for line in (HERE / "linter.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        if "-r2" in item["id"]:  # the rows this pool set aside (CORPUS_PICK): left as picks
            continue
        words = set(WORD.findall(item["text"].lower()))
        texts.add(item["text"].strip().lower())
        for w in words:
            index[w].add(len(bags))
        bags.append(words)
    return texts, index, bags


def near_copy(text: str, seen: tuple[set[str], dict[str, set[int]], list[set[str]]]) -> bool:
    texts, index, bags = seen
    if text.strip().lower() in texts:
        return True
    words = set(WORD.findall(text.lower()))
    if not words:
        return True
    hits: dict[int, int] = defaultdict(int)
    for w in words:
        for i in index.get(w, ()):
            hits[i] += 1
    return any(k > len(words) / 2 or k > len(bags[i]) / 2 for i, k in hits.items())


def build(
    mirror: Path, only: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The pool and the set-aside rows of every source (of language ``only`` when given: the
    other sources' snapshots are then not needed)."""
    seen = corpus_texts()
    pool: list[dict[str, Any]] = []
    picks: list[dict[str, Any]] = []
    for name, lang, repo, commit, path in SOURCES:
        if only is not None and lang != only:
            continue
        rows, have = [], set()
        for _n, raw, want, where in labelled(name, blob(mirror, repo, commit, path)):
            text = clean(raw)
            if want is None or len(text) < 8 or text.lower() in have or near_copy(text, seen):
                continue
            have.add(text.lower())
            source = {"repo": repo, "path": path, "commit": commit, **where}
            row = {"lang": lang, "set": name, "text": text, "want": want, "source": source}
            if text != raw.strip():
                row["note"] = "leading @-mentions or entities removed"
            rows.append(row)
        rows.sort(key=lambda r: hashlib.sha1(f"respect2:{r['text']}".encode()).hexdigest())
        taken = {"pos": 0, "neg": 0}
        for r in rows:
            fits = 8 <= len(r["text"]) <= 400 and not CONTACTISH.search(r["text"])
            if fits and taken[r["want"]] < CORPUS_PICK:
                taken[r["want"]] += 1
                picks.append(r)
            else:
                pool.append(r)
    return pool, picks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--lang")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--alarms", type=int, default=0)
    ap.add_argument("--candidates", type=Path)
    ap.add_argument("--words", type=int, default=0, help="the N matches seen most on clean rows")
    args = ap.parse_args()
    pool, picks = build(args.mirror, args.lang)
    if args.candidates:
        with args.candidates.open("w", encoding="utf-8") as out:
            for r in picks:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(picks)} rows set aside for the corpus")
        return
    from datetime import datetime, timezone

    from wishdesk.domain.policy import lint, load_rules

    NOW = datetime(2026, 12, 2, tzinfo=timezone.utc)

    rules = load_rules()
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses, alarms = [], []
    matched: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in pool:
        findings = lint(r["text"], now=NOW, rules=rules)
        hits = [f for f in findings if f.family == "respect" and f.is_error]
        got = bool(hits)
        for word in {f.match.lower() for f in hits}:
            matched[(r["lang"], word)][r["want"] == "neg"] += 1
        for key in ((r["lang"], r["want"]), ((f"{r['lang']}/{r['set']}"), r["want"])):
            tally[key][0] += got
            tally[key][1] += 1
        if args.lang in (None, r["lang"]):
            if r["want"] == "pos" and not got:
                misses.append(r["text"])
            elif r["want"] == "neg" and got:
                alarms.append(r["text"])
    for key in sorted({k for k, _ in tally}):
        hit, pos = tally[(key, "pos")]
        fa, neg = tally[(key, "neg")]
        print(
            f"{key:14} recall {hit / max(pos, 1):.3f} ({hit}/{pos})"
            f"   false alarms {fa / max(neg, 1):.3f} ({fa}/{neg})"
        )
    ranked = sorted(matched.items(), key=lambda kv: -kv[1][1])
    for (lang, word), (pos, neg) in [kv for kv in ranked if args.lang in (None, kv[0][0])][
        : args.words
    ]:
        print(f"WORD {lang} {word!r}: offensive rows {pos}, clean rows {neg}")
    for label, rows, limit in (("MISS", misses, args.misses), ("ALARM", alarms, args.alarms)):
        for text in rows[:limit]:
            print(f"{label}: {text[:300]}")


if __name__ == "__main__":
    main()
