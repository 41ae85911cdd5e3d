"""The bundle's stand-in for BLIS's ``blis.py`` (packaging/blis/py.py) multiplies as BLIS does.

The bundle leaves BLIS's compiled Python-level module out (build.spec); spaCy's default ops would call
the stand-in's ``gemm``, so it must give BLIS's results for every argument thinc passes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import blis.py
import numpy
import pytest

STAND_IN = Path(__file__).resolve().parents[2] / "packaging" / "blis" / "py.py"


@pytest.fixture(scope="module")
def stand_in() -> ModuleType:
    spec = importlib.util.spec_from_file_location("blis_stand_in", STAND_IN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_gives_blis_results_for_each_transpose(stand_in: ModuleType, trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(7)
    a = rng.standard_normal((5, 3) if trans1 else (3, 5)).astype("f")
    b = rng.standard_normal((4, 5) if trans2 else (5, 4)).astype("f")
    expected = blis.py.gemm(a, b, trans1=trans1, trans2=trans2)
    got = stand_in.gemm(a, b, trans1=trans1, trans2=trans2)
    assert got.shape == expected.shape == (3, 4)
    assert got.dtype == expected.dtype
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(("alpha", "beta"), [(1.0, 0.0), (1.0, 1.0), (0.5, 2.0)])
def test_gemm_into_an_output_array_scales_and_accumulates_as_blis(
    stand_in: ModuleType, alpha: float, beta: float
) -> None:
    rng = numpy.random.default_rng(11)
    a, b = rng.standard_normal((3, 5)).astype("f"), rng.standard_normal((5, 4)).astype("f")
    start = rng.standard_normal((3, 4)).astype("f")
    expected, got = start.copy(), start.copy()
    blis.py.gemm(a, b, out=expected, alpha=alpha, beta=beta)
    returned = stand_in.gemm(a, b, out=got, alpha=alpha, beta=beta)
    assert returned is got
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_mismatched_shapes_are_refused(stand_in: ModuleType) -> None:
    with pytest.raises(ValueError, match="Shape mismatch"):
        stand_in.gemm(numpy.ones((3, 5), "f"), numpy.ones((4, 4), "f"))
