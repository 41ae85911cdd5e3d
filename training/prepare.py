"""Turn the labelled sentences in ``../shared/eval/`` into spaCy training data for the claim classifier.

ClaimBuster's 22,501 crowd-labelled sentences (``claimbuster/crowdsourced.csv``; the eval README says
the file names are swapped relative to Zenodo's README) are split 80/10/10 into ``train``, ``dev``
(spaCy's checkpoint choice) and ``calib`` (fitting how classifier and linguistic evidence combine),
written as DocBin and JSONL files under ``training/output/corpus/``.

With ``--ufs`` (the default) the classifiers learn three classes, ClaimBuster's own: check-worthy
(CFS), unimportant factual (UFS, ``UNIMPORTANT``) and non-factual (NFS, with every other negative,
``OTHER``); only the check-worthy score is used. Telling the two kinds of negative apart gives both
classifiers a better ranking of the check-worthy class on every held-out split (training/README.md).
``--positive-copies 2`` (the default) repeats each check-worthy training sentence of the debates
(ClaimBuster, CheckThat! 2019) once more: a class weight of 2 where that class is the minority (24%).
The tweets, 64% check-worthy already, are left as they are.

With ``--tweets`` (the default) the CheckThat! 2022 English claim tweets (COVID-19 tweets labelled
"contains a verifiable factual claim") are added: its train and dev files to ``train``, its dev_test
file to ``calib``. They bring news-like topics and wording that presidential debates lack.

With ``--labelled`` (the default) the sentences we labelled ourselves (``training/labels/``, read with
its README) join as well: CheckThat! 2019 debate lines fact-checkers did not choose (source
``debate-lines``) and news sentences from the corpus's saved pages (source ``news``), each split
70/15/15 into ``train``, ``calib`` and ``valid`` by a hash of the page or line (so no page is both
trained on and measured, and labelling more never moves a held-out sentence into training). Only their
positions and labels are in the repository; the text is read from ``../shared/``.
``--second-reader`` also trains on our own labels of 9,600 ClaimBuster train sentences beside the
crowd's (tried, not shipped; training/README.md).

Sentences that also occur in a set we report as a test (the ClaimBuster expert set, CheckThat! 2024
dev-test, NewsClaims) are dropped, so no test sentence is ever trained on.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import random
import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "training" / "labels"
OUT = ROOT / "training" / "output" / "corpus"
POSITIVE, NEGATIVE = "CHECKWORTHY", "OTHER"
# With --ufs, ClaimBuster's unimportant factual sentences (Verdict 0) get a class of their own.
UNIMPORTANT = "UNIMPORTANT"


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def ct24_text(raw: str) -> str:
    """CheckThat! 2024 sentences read with QUOTE_NONE keep their CSV quoting; undo it."""
    if len(raw) >= 2 and raw.startswith('"') and raw.endswith('"'):
        return raw[1:-1].replace('""', '"')
    return raw


def tweet_text(raw: str) -> str:
    """A tweet as prose: links dropped, mentions and hashtags turned into words, entities decoded."""
    text = html.unescape(raw)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"@(\w+)", r"\1", text)
    text = re.sub(r"#(\w+)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def tweets(eval_dir: Path, names: tuple[str, ...]) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for name in names:
        path = eval_dir / "checkthat2022_claims_tweets" / f"CT22_english_1B_claim_{name}.tsv"
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                text = tweet_text(row["tweet_text"])
                if text:
                    rows.append((text, POSITIVE if row["class_label"].strip() == "1" else NEGATIVE, "tweets"))
    return rows


# CheckThat! 2019 debates held out of training: their lines (label 1 = chosen by fact-checkers) measure
# how well a model ranks unseen debate lines; nothing is fitted on them.
HELD_OUT_DEBATES = ("20161019_3pres", "20170228_trump_address", "20180916_trump_miami")


def debate_lines(eval_dir: Path, held_out: bool) -> list[tuple[str, str, str]]:
    """The CheckThat! 2019 debate and speech lines, label 1 where fact-checkers chose to check them.

    ``held_out`` picks the files in HELD_OUT_DEBATES, else the others.
    """
    rows: list[tuple[str, str, str]] = []
    for path in sorted((eval_dir / "checkthat2019_debates").glob("*.tsv")):
        if (path.stem in HELD_OUT_DEBATES) != held_out:
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for fields in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(fields) >= 4 and fields[2].strip():
                    label = POSITIVE if fields[3].strip() == "1" else NEGATIVE
                    rows.append((fields[2].strip(), label, "debates"))
    return rows


# Our own labels (training/labels/README.md) as the classes the classifiers learn; X (not English, not a
# sentence) is left out.
OWN_LABELS = {"CFS": POSITIVE, "UFS": UNIMPORTANT, "NFS": NEGATIVE}


def own_class(label: str, ufs: bool) -> str:
    """The class one of our labels trains (without --ufs, unimportant factual joins the negatives)."""
    return OWN_LABELS[label] if ufs or label != "UFS" else NEGATIVE


def read_labels(name: str) -> list[list[str]]:
    with (LABELS / name).open(encoding="utf-8", newline="") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


def labelled_debate_lines(eval_dir: Path, ufs: bool) -> list[tuple[str, str, str, str]]:
    """The CheckThat! 2019 lines we labelled, as (text, class, source, group)."""
    texts: dict[tuple[str, str], str] = {}
    for path in (eval_dir / "checkthat2019_debates").glob("*.tsv"):
        with path.open(encoding="utf-8", newline="") as f:
            for fields in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(fields) >= 4:
                    texts[(path.stem, fields[0])] = fields[2].strip()
    rows = []
    for transcript, line, label in read_labels("checkthat2019_lines.tsv"):
        if label in OWN_LABELS:
            text = texts[(transcript, line)]
            rows.append((text, own_class(label, ufs), "debate-lines", f"{transcript}:{line}"))
    return rows


def labelled_news(corpus_dir: Path, ufs: bool) -> list[tuple[str, str, str, str]]:
    """The news sentences we labelled, cut from the corpus's true article bodies, as (…, page)."""
    truth = json.loads((corpus_dir / "html" / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = {page[:16]: value["articleBody"] for page, value in truth.items()}
    rows = []
    for page, start, end, label in read_labels("news_corpus.tsv"):
        if label in OWN_LABELS:
            rows.append((bodies[page][int(start) : int(end)], own_class(label, ufs), "news", page))
    return rows


def labelled_claimbuster(eval_dir: Path, ufs: bool) -> list[tuple[str, str, str]]:
    """ClaimBuster crowd sentences we labelled again: a second reader (source ``claimbuster-ours``)."""
    with (eval_dir / "claimbuster" / "crowdsourced.csv").open(encoding="utf-8", newline="") as f:
        texts = {row["Sentence_id"]: row["Text"].strip() for row in csv.DictReader(f)}
    rows = []
    for sentence_id, label in read_labels("claimbuster_crowd.tsv"):
        if label in OWN_LABELS:
            rows.append((texts[sentence_id], own_class(label, ufs), "claimbuster-ours"))
    return rows


def part_of(group: str, seed: int) -> str:
    """train, calib or valid (70/15/15) for a group, from a hash of its name: a group's part never
    changes when labels for other groups are added, so a sentence once measured is never trained on."""
    digest = hashlib.sha256(f"{seed}:{group}".encode()).digest()
    share = int.from_bytes(digest[:8], "big") % 100
    return "train" if share < 70 else "calib" if share < 85 else "valid"


def written_sentences(ufs: bool) -> list[tuple[str, str, str]]:
    """Sentences we wrote ourselves in the genres the public data has least of (``written.tsv``)."""
    rows = []
    for _, label, text in read_labels("written.tsv"):
        rows.append((text, own_class(label, ufs), "written"))
    return rows


def split_by_group(rows: list[tuple[str, str, str, str]], seed: int) -> dict[str, list[tuple[str, str, str]]]:
    """About 70/15/15 into train, calib and valid, whole groups (a page, a line) at a time."""
    out: dict[str, list[tuple[str, str, str]]] = {"train": [], "calib": [], "valid": []}
    for text, cls, source, group in rows:
        out[part_of(group, seed)].append((text, cls, source))
    return out


def test_sentences(eval_dir: Path) -> set[str]:
    """Normalised text of every sentence in the sets reported as tests."""
    seen: set[str] = set()
    with (eval_dir / "claimbuster" / "groundtruth.csv").open(encoding="utf-8", newline="") as f:
        seen.update(normalise(row["Text"]) for row in csv.DictReader(f))
    tsv = eval_dir / "checkthat2024" / "CT24_checkworthy_english_dev-test.tsv"
    with tsv.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        seen.update(normalise(ct24_text(row["Text"])) for row in reader)
    articles = json.loads((eval_dir / "newsclaims_dev" / "articles.json").read_text(encoding="utf-8"))
    seen.update(normalise(s["sentence"]) for a in articles for s in a["sentences"])
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--tweets", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--debates", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--ufs", action=argparse.BooleanOptionalAction, default=True,
                        help="train ClaimBuster's unimportant factual sentences as a third class")
    parser.add_argument("--positive-copies", type=int, default=2,
                        help="repeat each check-worthy training sentence this many times (class weighting)")
    parser.add_argument("--weighted-sources", default="claimbuster,debates",
                        help="the sources whose check-worthy sentences --positive-copies repeats")
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS)
    parser.add_argument("--labelled", action=argparse.BooleanOptionalAction, default=True,
                        help="add the debate lines and news sentences we labelled (training/labels/)")
    parser.add_argument("--second-reader", action=argparse.BooleanOptionalAction, default=False,
                        help="also train on our own labels of ClaimBuster train sentences (a second reader)")
    parser.add_argument("--written", action=argparse.BooleanOptionalAction, default=False,
                        help="also train on the sentences we wrote and labelled (labels/written.tsv)")
    parser.add_argument("--debate-negatives", action=argparse.BooleanOptionalAction, default=False,
                        help="also train on the debate lines fact-checkers did not choose, as negatives")
    args = parser.parse_args()

    excluded = test_sentences(args.eval_dir)
    rows: list[tuple[str, str, str]] = []
    dropped = 0
    verdicts = {"1": POSITIVE, "0": UNIMPORTANT if args.ufs else NEGATIVE, "-1": NEGATIVE}
    with (args.eval_dir / "claimbuster" / "crowdsourced.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = row["Text"].strip()
            if not text:
                continue
            if normalise(text) in excluded:
                dropped += 1
                continue
            rows.append((text, verdicts[row["Verdict"].strip()], "claimbuster"))
    random.Random(args.seed).shuffle(rows)
    n = len(rows)
    cut_dev, cut_calib = n * 8 // 10, n * 9 // 10
    splits = {"train": rows[:cut_dev], "dev": rows[cut_dev:cut_calib], "calib": rows[cut_calib:]}
    if args.tweets:
        train = [r for r in tweets(args.eval_dir, ("train", "dev")) if normalise(r[0]) not in excluded]
        calib = [r for r in tweets(args.eval_dir, ("dev_test",)) if normalise(r[0]) not in excluded]
        splits["train"] = splits["train"] + train
        splits["calib"] = splits["calib"] + calib
    if args.debates:
        lines = [r for r in debate_lines(args.eval_dir, held_out=False) if normalise(r[0]) not in excluded]
        splits["train"] = splits["train"] + [r for r in lines if r[1] == POSITIVE or args.debate_negatives]
    held_out = debate_lines(args.eval_dir, held_out=True)
    splits["valid"] = [r for r in held_out if normalise(r[0]) not in excluded]
    if args.labelled and args.second_reader:
        # Only sentences of this run's ClaimBuster train split: dev and calib keep the crowd's label alone.
        in_train = {text for text, _, source in splits["train"] if source == "claimbuster"}
        splits["train"] += [r for r in labelled_claimbuster(args.eval_dir, args.ufs) if r[0] in in_train]
    if args.labelled:
        for own in (labelled_debate_lines(args.eval_dir, args.ufs), labelled_news(args.corpus_dir, args.ufs)):
            kept = [r for r in own if normalise(r[0]) not in excluded]
            for name, items in split_by_group(kept, args.seed).items():
                splits[name] = splits[name] + items
    if args.written:
        splits["train"] += [r for r in written_sentences(args.ufs) if normalise(r[0]) not in excluded]
    weighted = [r for r in splits["train"] if r[1] == POSITIVE and r[2] in args.weighted_sources.split(",")]
    splits["train"] += weighted * (args.positive_copies - 1)
    random.Random(args.seed).shuffle(splits["train"])

    nlp = spacy.blank("en")
    labels = (POSITIVE, UNIMPORTANT, NEGATIVE) if args.ufs else (POSITIVE, NEGATIVE)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, items in splits.items():
        docs = DocBin()
        for doc, (_, label, _) in zip(nlp.pipe(t for t, _, _ in items), items, strict=True):
            doc.cats = {each: float(each == label) for each in labels}
            docs.add(doc)
        docs.to_disk(args.out / f"{name}.spacy")
        (args.out / f"{name}.jsonl").write_text(
            "".join(json.dumps({"text": t, "label": c == POSITIVE, "class": c, "source": s}) + "\n"
                    for t, c, s in items),
            encoding="utf-8",
        )
        print(f"{name}: {len(items)} sentences, {sum(c == POSITIVE for _, c, _ in items)} check-worthy")
    print(f"dropped {dropped} sentences that also occur in a test set")


if __name__ == "__main__":
    main()
