"""How ``first-schema-workspace.sqlite`` was made: run at commit c0bf2c1, when the schema was revision 0001.

Kept so the fixture can be understood; rerunning it today would make a workspace at the newest schema,
which is exactly what the fixture must not be.

    .venv/bin/python tests/store/data/make_first_schema_workspace.py
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.claims.types import CheckablePart, ClaimKind, ExtractedClaim, Reason
from workbench.importers.base import ImportedArticle
from workbench.store import Status, Workspace

TEXT = (
    "Unemployment fell to 3.8% in April, the lowest rate since 1975. "
    "The minister said the figures were “a triumph”. "
    "Critics say the number hides a rise in zero-hours contracts. "
    "Exports to China doubled between 2015 and 2018."
)
SECOND = "Zoë Ångström said the bridge cost £2bn. It opened in 2012."


def claim(text: str, sentence: str, kind: ClaimKind, score: float) -> ExtractedClaim:
    start = text.index(sentence)
    end = start + len(sentence)
    return ExtractedClaim(
        text=sentence,
        start=start,
        end=end,
        score=score,
        kind=kind,
        reasons=(Reason("has a number", 0.4), Reason("named source", 0.1)),
        spans=(CheckablePart(start, start + 12, "QUANTITY"),),
    )


def main() -> None:
    path = Path(__file__).with_name("first-schema-workspace.sqlite")
    path.unlink(missing_ok=True)
    with Workspace(str(path)) as ws:
        first = ws.add_article(
            ImportedArticle(
                text=TEXT,
                title="Jobs figures",
                byline="A. Reporter",
                date="2019-05-30",
                url="https://example.org/jobs",
                language="en",
                source_path="/news/jobs.txt",
                format="txt",
            ),
            [
                claim(
                    TEXT,
                    "Unemployment fell to 3.8% in April, the lowest rate since 1975.",
                    ClaimKind.STATISTIC,
                    0.9,
                ),
                claim(TEXT, "The minister said the figures were “a triumph”.", ClaimKind.QUOTE, 0.6),
                claim(
                    TEXT, "Critics say the number hides a rise in zero-hours contracts.", ClaimKind.OTHER, 0.4
                ),
                claim(TEXT, "Exports to China doubled between 2015 and 2018.", ClaimKind.COMPARISON, 0.8),
            ],
            who="ann",
        )
        c1, c2, c3, c4 = ws.claims(first.id)
        ws.set_status(c1.id, Status.VERIFIED, who="ann")
        ws.set_note(c1.id, "ONS labour market bulletin, table A01", who="ann")
        ws.add_source(c1.id, "https://www.ons.gov.uk/a01", title="ONS A01", accessed="2019-05-31", who="ann")
        ws.set_status(c2.id, Status.DISPUTED, who="bob")
        ws.add_source(c2.id, "https://example.org/transcript", comment="said “a success”", who="bob")
        ws.set_dismissed(c3.id, True, who="bob")
        ws.add_claim(first.id, TEXT.index("the lowest"), TEXT.index(" since 1975"), who="ann")
        second = ws.add_article(
            ImportedArticle(text=SECOND, title="Bridge", source_path="/news/bridge.md", format="md"),
            [claim(SECOND, "Zoë Ångström said the bridge cost £2bn.", ClaimKind.STATISTIC, 0.7)],
            who="bob",
        )
        ws.set_status(ws.claims(second.id)[0].id, Status.VERIFIED, who="zoë")
        del c4
    with sqlite3.connect(path) as connection:
        connection.execute("VACUUM")
    connection.close()


if __name__ == "__main__":
    main()
