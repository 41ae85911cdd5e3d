"""``blis.py`` in the bundle: the one function thinc calls, through numpy.

The app's models multiply through numpy (``workbench.claims.pipeline`` builds them with
``NumpyOps(use_blis=False)``), so the bundle leaves out BLIS's Python-level module, which carries its own
18 MB copy of every BLIS kernel (``blis.cy``, which the parser uses, keeps the other). thinc still
imports ``blis.py`` to learn that BLIS is there, and spaCy creates default ``NumpyOps`` when it is
imported, whose ``gemm`` would call this: same arguments and results as BLIS's, to float rounding.
build.spec ships this file as ``blis/py.py`` in place of the compiled module.
"""

from __future__ import annotations

import numpy


def gemm(A, B, out=None, trans1=False, trans2=False, alpha=1.0, beta=1.0):
    """``alpha * op(A) @ op(B) + beta * out``, where ``op`` transposes when ``trans1``/``trans2``."""
    a = A.T if trans1 else A
    b = B.T if trans2 else B
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"Shape mismatch for blis.gemm: {a.shape}, {b.shape}")
    product = numpy.dot(a, b)
    if alpha != 1.0:
        product *= alpha
    if out is None:
        return product  # BLIS starts from zeros here, so beta changes nothing
    if beta == 0.0:
        out[...] = product
    else:
        out *= beta
        out += product
    return out
