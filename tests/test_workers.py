"""One BLAS thread per worker process (sitrep/workers.py): set before NumPy loads, only for several workers."""
import os
import subprocess
import sys


def run_python(code: str, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    environment.update(env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment,
                          check=True).stdout.strip()


def test_several_workers_get_one_blas_thread_and_one_worker_keeps_the_default():
    code = ("import os; from sitrep.workers import one_blas_thread_per_process as f; "
            "print(f({n}), os.environ.get('OPENBLAS_NUM_THREADS'))")
    assert run_python(code.format(n=2)) == "True 1"
    assert run_python(code.format(n=1)) == "False None"


def test_a_value_the_user_set_is_kept_and_it_is_too_late_once_numpy_is_loaded():
    code = "import os; from sitrep.workers import one_blas_thread_per_process as f; print(f(4), os.environ['OPENBLAS_NUM_THREADS'])"
    assert run_python(code, OPENBLAS_NUM_THREADS="3") == "True 3"
    late = "import numpy, os; from sitrep.workers import one_blas_thread_per_process as f; print(f(4), os.environ.get('OPENBLAS_NUM_THREADS'))"
    assert run_python(late) == "False None"


def test_the_command_line_sets_it_for_ingest_workers_before_numpy_loads(tmp_path):
    store = tmp_path / "events.duckdb"
    code = ("import os, sys; from sitrep.cli import main; "
            f"main(['ingest', {str(tmp_path / 'missing.txt')!r}, '--db', {str(store)!r}, '--workers', sys.argv[-1]]); "
            "print(os.environ.get('OPENBLAS_NUM_THREADS'))")
    environment = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    outputs = [subprocess.run([sys.executable, "-c", code, workers], capture_output=True, text=True, env=environment)
               .stdout.strip().splitlines()[-1] for workers in ("2", "1")]
    assert outputs == ["1", "None"]
