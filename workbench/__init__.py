"""Fact-Check Workbench: open an article, check its claims one by one, print the verification report."""

import os

# One BLAS thread (numpy's OpenBLAS, read when numpy loads): the claims pipeline multiplies small
# matrices, where a second thread only spins (same wall time, twice the CPU) and takes the core the
# window needs. A user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
APP_NAME = "Fact-Check Workbench"
APP_ID = "fact-check-workbench"
