"""Side files kept between runs (the name index), keyed by the store's load stamp.

A file is written atomically; a damaged one is removed and rebuilt; a cache
that cannot be written (read-only or full disk, a folder that is a file) is
skipped without a word, since it only saves time.

>>> read_pickle(Path("/nonexistent/x.pickle"), dict) is None
True
"""

from __future__ import annotations

import os
import pickle
import tempfile
from contextlib import suppress
from pathlib import Path


def cache_dir() -> Path:
    """``$MANDAT_CACHE_DIR``, else ``$XDG_CACHE_HOME/mandat`` (``~/.cache/mandat``)."""
    base = os.environ.get("MANDAT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "mandat"


def read_pickle(path: Path, kind: type):
    """The pickled object of type ``kind``, or None when there is none or it is damaged (then
    it is removed). The garbage collector is paused while unpickling: it would otherwise walk
    the growing heap again and again."""
    import gc

    gc.disable()
    try:
        with open(path, "rb") as handle:
            found = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file: any unpickling error means "rebuild"
        found = None
    finally:
        gc.enable()
    if isinstance(found, kind):
        return found
    with suppress(OSError):
        path.unlink()
    return None


def write_pickle(path: Path, value) -> None:
    """Write the pickle atomically; on any OSError write nothing and leave no temporary file."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            with suppress(OSError):
                os.remove(tmp)
