"""Process-level settings for running several worker processes: a worker count in, environment variables set.

The learnt classifier's matrix products run in NumPy's BLAS (OpenBLAS), which starts one thread per core in
every process. With N worker processes on N cores those threads compete, and OpenBLAS's idle threads spin:
on a 2-core machine two processes embedding at once took 33 s each instead of 8 s with one thread each.
The limit has to be in the environment before NumPy is first imported (worker processes are forked from the
parent, so they inherit it), which is why the command line calls this before any stage is imported. A value the
user has set is kept. Dask's workers set the same limits themselves.
"""
from __future__ import annotations

import os
import sys

BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


def one_blas_thread_per_process(workers: int) -> bool:
    """With more than one worker process, one BLAS thread each; True where the limit was set in time."""
    if workers <= 1 or "numpy" in sys.modules:
        return False
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    return True
