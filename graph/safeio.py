"""Write files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from graph.errors import InputError


@contextmanager
def atomic_path(target: str):
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    On any error the temporary file is removed and ``target`` is untouched.
    """
    path = Path(target)
    if not path.parent.exists():
        raise InputError(f"{target}: the folder {path.parent} does not exist; create it first")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
