from __future__ import annotations

import pytest

from workbench.claims import ClaimExtractor, load_pipeline


@pytest.fixture(scope="session")
def extractor() -> ClaimExtractor:
    return ClaimExtractor(load_pipeline())
