"""Write files whole or not at all, the way ``cp`` treats its target.

A link is written through (its target changes, the link stays); a target
that is not a regular file (a folder, a device such as /dev/full, a pipe) is
refused; an existing file keeps its mode; a new file gets the umask's mode.
The temporary file is removed on every way out, and errors name the path the
user gave, never the temporary one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from graph.errors import InputError


def real_target(target: str) -> Path:
    """The regular file that writing ``target`` should replace (through links).

    >>> real_target("/dev/null")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: /dev/null: not a regular file; give the path of a file to write
    """
    path = Path(os.path.realpath(target))
    if path.exists() and not path.is_file():
        raise InputError(f"{target}: not a regular file; give the path of a file to write")
    if not path.parent.is_dir():
        raise InputError(f"{target}: the folder {Path(target).parent} does not exist; create it first")
    return path


def new_file_mode(existing: Path) -> int:
    """The mode the written file gets: the existing file's, or 0666 less the umask."""
    if existing.exists():
        return stat.S_IMODE(existing.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_path(target: str):
    """Yield a temporary path beside the real ``target``; rename it over the target on success.

    On any error the temporary file is removed and the target is untouched;
    a failing write (full disk, read-only folder) is one line naming ``target``.
    """
    path = real_target(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise InputError(f"{target}: cannot write here ({err.strerror}); choose another path") from None
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, new_file_mode(path))
        os.replace(tmp, path)
    except OSError as err:
        raise InputError(f"{target}: cannot write ({err.strerror}); nothing was changed") from None
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
