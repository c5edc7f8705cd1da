"""Side files kept between runs, keyed by the store's load stamp: the name index, and the
default store's read-only copy of large data (:func:`store_copy`).

A file is written atomically; a damaged one is removed and rebuilt; a cache
that cannot be written (read-only or full disk, a folder that is a file) is
skipped without a word, since it only saves time.

>>> read_pickle(Path("/nonexistent/x.pickle"), dict) is None
True
"""

from __future__ import annotations

import os
import pickle
import shutil
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


# -- a read-only copy of the default store -------------------------------------------------------

STORES = "stores"
COMPLETE = "mandat-complete"
KEEP_STORES = 3


def store_copy(key: str, fill, root: Path | None = None):
    """A read-only pyoxigraph store kept in the cache folder under ``key`` (the content key of
    the files it holds), filled by ``fill(store)`` the first time; None when the cache cannot
    hold one (read-only or full disk): the caller then fills memory as before.

    Opening a copy takes milliseconds where filling memory from the shipped Turtle takes about
    50 ms. A copy is built in a temporary folder and renamed into place when complete, so a
    question never opens a half-built one; one that cannot be opened is removed and rebuilt.

    >>> import tempfile, pyoxigraph as ox
    >>> root = Path(tempfile.mkdtemp())
    >>> fill = lambda store: store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    >>> _ = (root / "a-file").write_text("")
    >>> len(store_copy("k1", fill, root)), len(store_copy("k1", None, root)), store_copy("k2", fill, root / "a-file")
    (1, 1, None)
    """
    import pyoxigraph as ox

    folder = (root or cache_dir()) / STORES / key
    if not (folder / COMPLETE).is_file():
        if not build_copy(folder, fill):
            return None
    try:
        store = ox.Store.read_only(str(folder))
    except (OSError, RuntimeError):                # RocksDB says "Corruption" as a RuntimeError
        shutil.rmtree(folder, ignore_errors=True)
        return None
    with suppress(OSError):                        # the most recently used copies are kept (a
        os.utime(folder)                           # read-only cache is still read)
    return store


def build_copy(folder: Path, fill) -> bool:
    """Fill a new copy and rename it to ``folder``; False when the disk refuses. A fault in
    the data (raised by ``fill``) propagates, leaving nothing behind."""
    import uuid

    import pyoxigraph as ox

    tmp = folder.with_name(f".building-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        tmp.parent.mkdir(parents=True, exist_ok=True)
        target = ox.Store(str(tmp))
        fill(target)
        target.flush()
        del target
        (tmp / COMPLETE).write_text("")
        with suppress(OSError):                  # another process may have renamed its copy first
            os.rename(tmp, folder)
        prune_copies(folder.parent)
        return (folder / COMPLETE).is_file()
    except (OSError, RuntimeError):               # a full disk reaches RocksDB as either
        return False
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def prune_copies(stores: Path) -> None:
    """Keep the most recently used copies, and remove builds whose process is gone."""
    from graph.stores.oxigraph import process_alive

    copies = sorted((p for p in stores.iterdir() if not p.name.startswith(".")), key=lambda p: -p.stat().st_mtime)
    for old in copies[KEEP_STORES:]:
        shutil.rmtree(old, ignore_errors=True)
    for build in stores.glob(".building-*"):
        if not process_alive(int(build.name.split("-")[1])):
            shutil.rmtree(build, ignore_errors=True)
