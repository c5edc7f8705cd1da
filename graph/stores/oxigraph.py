"""An on-disk embedded store (pyoxigraph): load once, open in milliseconds afterwards."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

from graph import loading
from graph.errors import InputError
from graph.stores import base
from graph.stores.embedded import EmbeddedQueries

STAMP = "mandat-load-stamp"
CURRENT = "current"
LOADING = ".loading-"


class OxigraphStore(EmbeddedQueries, base.Store):
    """``oxigraph:PATH``: a pyoxigraph store kept in the folder PATH.

    PATH holds versions (``v-STAMP/``) and a link ``current`` to the one in
    use. A load fills a new version and then switches the link in one rename,
    so a question running meanwhile keeps the version it opened and never sees
    a half-filled or missing store. The previous version is kept for questions
    still reading it; older ones, and loads killed half-way, are removed by the
    next load.
    """

    kind = "oxigraph"

    def __init__(self, path: str):
        self.path = Path(path)
        self.spec = f"oxigraph:{path}"
        self._opened = None

    def current(self) -> Path:
        """The version folder questions read now."""
        link = self.path / CURRENT
        if not (link / STAMP).is_file():
            raise InputError(f"{self.path}: not a mandat store (no load stamp); fill it first with "
                             f"'mandat --store oxigraph:{self.path} load'")
        return Path(os.path.realpath(link))

    def stamp(self) -> str:
        return self.opened()[0]

    def open(self):
        return self.opened()[1]

    def opened(self) -> tuple:
        """(stamp, store) of the current version, opened read-only once: every query of this
        object reads the same version, even when a load switches ``current`` meanwhile."""
        import pyoxigraph as ox

        for attempt in (1, 2):
            if self._opened is not None:
                return self._opened
            folder = self.current()
            try:
                self._opened = ((folder / STAMP).read_text().strip(), ox.Store.read_only(str(folder)))
            except OSError as err:
                if attempt == 2:
                    raise InputError(f"{self.path}: cannot open the store ({err}); try again, "
                                     "or load it anew") from None
        return self._opened

    def load(self, files, progress=None) -> int:
        """Fill a new version, then switch ``current`` to it; an interrupted load changes nothing."""
        import pyoxigraph as ox

        self.prepare_folder()
        tmp = self.path / f"{LOADING}{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            target = ox.Store(str(tmp))
            loading.fill_store(loading.read_sources(files), target)
            for path in files:
                if progress:
                    progress(path)
            count = len(target)
            target.flush()
            del target
            stamp = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
            (tmp / STAMP).write_text(stamp + "\n")
            version = self.path / f"v-{stamp}"
            tmp.rename(version)
            switch_link(self.path / CURRENT, version.name)
            self.prune()
            return count
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def prepare_folder(self) -> None:
        """Create PATH, or check that it is a mandat store of this layout."""
        if (self.path / STAMP).exists():
            raise InputError(f"{self.path}: a store of an older mandat; remove the folder and load again")
        if self.path.exists() and not (self.path / CURRENT).exists() and any(self.path.iterdir()):
            raise InputError(f"{self.path}: exists and is not a mandat store; choose another PATH")
        self.path.mkdir(parents=True, exist_ok=True)

    def prune(self) -> None:
        """Remove versions older than the previous one, and loads whose process is gone."""
        keep = {os.path.realpath(self.path / CURRENT)}
        versions = sorted(self.path.glob("v-*"), key=lambda p: p.name)
        keep |= {str(p) for p in versions[-2:]}
        for folder in versions:
            if str(folder) not in keep:
                shutil.rmtree(folder, ignore_errors=True)
        for folder in self.path.glob(f"{LOADING}*"):
            if not process_alive(int(folder.name[len(LOADING):].split("-")[0])):
                shutil.rmtree(folder, ignore_errors=True)


def switch_link(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` in one rename (readers see the old or the new, never none)."""
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex[:8]}")
    os.symlink(target, tmp)
    os.replace(tmp, link)


def process_alive(pid: int) -> bool:
    """True when a process with this id runs.

    >>> process_alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
