"""Make files and folders unwritable for a test, also when the tests run as root (where chmod stops nothing)."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess

import pytest


def writable(path) -> bool:
    """Whether this process can still write `path` (a file: open it for appending; a folder: make a file in it)."""
    try:
        if os.path.isdir(path):
            probe = os.path.join(path, ".write-probe")
            with open(probe, "w"):
                pass
            os.remove(probe)
        else:
            with open(path, "ab"):
                pass
        return True
    except OSError:
        return False


@contextlib.contextmanager
def unwritable(*paths):
    """chmod 0o444 (files) / 0o555 (folders); where that leaves them writable (root), `chattr +i` as well.

    Skips the test when neither works (root without CAP_LINUX_IMMUTABLE, or a file system without the flag).
    Yields how the paths were locked: "chmod" or "chattr +i".
    """
    modes = {path: os.stat(path).st_mode & 0o7777 for path in paths}
    immutable = []
    try:
        for path in paths:
            os.chmod(path, 0o555 if os.path.isdir(path) else 0o444)
        for path in paths:
            if writable(path) and shutil.which("chattr"):
                if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
                    immutable.append(path)
        still = [str(path) for path in paths if writable(path)]
        if still:
            pytest.skip(f"cannot make {', '.join(still)} unwritable here (running as root without chattr +i)")
        yield "chattr +i" if immutable else "chmod"
    finally:
        for path in reversed(immutable):
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        for path, mode in modes.items():
            os.chmod(path, mode)
