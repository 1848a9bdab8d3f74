"""Writing files without losing any: one atomic writer, protected inputs, run-folder locks, safe names.

Every file fontassist writes goes through :func:`atomic_write`: the bytes go to
a temporary file in the target's own folder, are flushed to disk, and only then
renamed over the target, so a crash, a full disk or a cancel leaves either the
old file or the new one, never half of one. The temporary file is removed on
every failure; one left by a killed process is removed by :func:`clean_stale_temps`.

A command first names its inputs with :func:`protect_inputs`; from then on
:func:`check_not_input` (which :func:`atomic_write` calls for every file) refuses
to write over any of them, links included. A training run holds a
:class:`FolderLock` on its folder so that two runs never write into one.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import FontAssistError

log = logging.getLogger(__name__)

# Temporary files are ".<name>.<pid>.<random>.fa-tmp": the PID says whether their writer still lives.
TEMP_SUFFIX = ".fa-tmp"
_TEMP_RE = re.compile(r"^\..+\.(\d+)\.[^.]*\.fa-tmp$")
# What fontassist's writers before this module left behind: ".<name>.<pid>.tmp".
_OLD_TEMP_RE = re.compile(r"^\..+\.(\d+)\.tmp$")

_protected: list[tuple[Path, str]] = []


# ---------------------------------------------------------------- messages


def describe_os_error(error: BaseException) -> str:
    """A few words for why a write failed: 'the disk is full', 'the folder is read-only', ..."""
    code = getattr(error, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT if hasattr(errno, "EDQUOT") else -1):
        return "the disk is full"
    if code == errno.EFBIG:
        return "the file is larger than this system allows"
    if code == errno.EROFS:
        return "the file system is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ENOENT:
        return "the folder does not exist"
    if code == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if code == errno.EISDIR:
        return "it is a folder"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    # torch.save reports a failed write as RuntimeError("... unexpected pos ...") or "failed writing file".
    return "the data could not be written (is the disk full?)"


def write_error(path: str | os.PathLike, error: BaseException) -> FontAssistError:
    return FontAssistError(
        f"cannot be written: {describe_os_error(error)}.",
        path=path,
        hint="Free some disk space or choose a folder you can write to; nothing was changed.",
    )


def _is_write_failure(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return True
    # torch's zip writer turns ENOSPC/EFBIG into RuntimeErrors.
    text = str(error)
    return isinstance(error, RuntimeError) and ("unexpected pos" in text or "failed writing" in text)


# ---------------------------------------------------------- protected inputs


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when ``a`` and ``b`` name one file (hard and symbolic links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
    except (OSError, ValueError):
        return False


def _expand_input(path: Path) -> Iterator[Path]:
    yield path
    if path.is_dir():
        # A run folder: its checkpoints, config and history are inputs too.
        with contextlib.suppress(OSError):
            for child in path.iterdir():
                if child.is_file():
                    yield child


@contextlib.contextmanager
def protect_inputs(paths: Iterable[tuple[str, str | os.PathLike | None]]) -> Iterator[list[Path]]:
    """Within the block no write may replace one of ``paths`` (``(role, path)`` pairs; folders with their files)."""
    added = []
    for role, path in paths:
        if path is None or path == "":
            continue
        for p in _expand_input(Path(path).expanduser()):
            if p.exists():
                added.append((p, role))
    _protected.extend(added)
    try:
        yield [p for p, _ in added]
    finally:
        for item in added:
            _protected.remove(item)


def protected_input(path: str | os.PathLike) -> tuple[Path, str] | None:
    """The protected input ``path`` would overwrite, or None."""
    for p, role in _protected:
        if same_file(path, p):
            return p, role
    return None


def check_not_input(path: str | os.PathLike) -> None:
    """Refuse to write ``path`` when it is one of the running command's inputs."""
    hit = protected_input(path)
    if hit is not None:
        p, role = hit
        raise FontAssistError(
            f"The output {os.fspath(path)} is the same file as the {role} {p}; fontassist never overwrites its inputs.",
            hint="Write to another file or folder.",
        )


# ------------------------------------------------------------ atomic writes


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as e:  # never let a failed cleanup hide the error that caused it
        log.warning("could not remove the temporary file %s: %s", path, e)


def _flush(f: IO, durable: bool) -> None:
    """Push the data to the OS (where a full disk shows), and to the disk when ``durable``."""
    f.flush()
    if durable:
        os.fsync(f.fileno())


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike, mode: str = "wb", encoding: str | None = None, *, durable: bool = True
) -> Iterator[IO]:
    """Write ``path`` all at once: yields an open temporary file beside it (``.name`` is its path).

    On success the data is flushed (and fsynced when ``durable``: a power cut then
    leaves the old file or the new, never an empty one) and the file renamed over
    ``path``; on any exception the temporary file is removed and ``path`` is
    untouched. Write failures (disk full, read-only, permissions) become one-line
    FontAssistErrors. ``durable=False`` suits thousands of small files one can
    write again (glyph PNGs, cache entries), where an fsync each costs minutes.
    """
    path = Path(path)
    check_not_input(path)
    if path.is_dir():
        raise FontAssistError("is a folder, not a file.", path=path, hint="Give a file name.")
    if "b" not in mode and encoding is None:
        encoding = "utf-8"
    try:
        handle, temp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent
        )
        os.close(handle)
    except OSError as e:
        raise write_error(path, e) from None
    try:
        with open(temp, mode, encoding=encoding) as f:
            yield f
            _flush(f, durable)
        os.chmod(temp, _default_mode())
        os.replace(temp, path)
    except BaseException as e:
        _remove(temp)
        if _is_write_failure(e) and not isinstance(e, FontAssistError):
            raise write_error(path, e) from None
        raise


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    with atomic_write(path) as f:
        f.write(data)
    return Path(path)


def write_text(path: str | os.PathLike, text: str, *, durable: bool = True) -> Path:
    with atomic_write(path, "w", encoding="utf-8", durable=durable) as f:
        f.write(text)
    return Path(path)


def save_image(image, path: str | os.PathLike, format: str | None = None, *, durable: bool = True) -> Path:
    """Save a Pillow image atomically; the format comes from the file name unless given."""
    path = Path(path)
    format = format or image_format(path)
    with atomic_write(path, durable=durable) as f:
        image.save(f, format=format)
    return path


def link_or_copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Make ``target`` the same file as ``source`` (a hard link, else a copy), replacing it atomically."""
    target = Path(target)
    check_not_input(target)
    temp = target.with_name(f".{target.name}.{os.getpid()}.link{TEMP_SUFFIX}")
    _remove(os.fspath(temp))
    try:
        os.link(source, temp)
        os.replace(temp, target)
        return
    except OSError:
        _remove(os.fspath(temp))
    with atomic_write(target) as f, open(source, "rb") as src:
        shutil.copyfileobj(src, f)


IMAGE_FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".webp": "WEBP",
    ".bmp": "BMP",
    ".tif": "TIFF",
}


def image_format(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_FORMATS:
        raise FontAssistError(
            f"Cannot write the picture {os.fspath(path)}: unknown image type {suffix or '(no extension)'!r}.",
            hint=f"End the name with one of {', '.join(IMAGE_FORMATS)}.",
        )
    return IMAGE_FORMATS[suffix]


def check_output_file(path: str | os.PathLike, *, picture: bool = False) -> Path:
    """Up-front checks for an output file: not an input, not a folder, its folder exists and is writable."""
    path = Path(path).expanduser()
    check_not_input(path)
    if picture:
        image_format(path)
    if path.is_dir():
        raise FontAssistError(f"The output {path} is a folder.", hint="Give a file name.")
    check_parent_folder(path)
    return path


def check_parent_folder(path: str | os.PathLike, folder: str | os.PathLike | None = None) -> None:
    """Refuse ``path`` when its folder is missing or not writable."""
    folder = (
        Path(folder) if folder is not None else (Path(path).parent if str(Path(path).parent) else Path("."))
    )
    if not folder.is_dir():
        raise FontAssistError(
            f"Cannot write {os.fspath(path)}: the folder {folder} does not exist.", hint="Create it first."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FontAssistError(
            f"Cannot write {os.fspath(path)}: the folder {folder} is not writable.",
            hint="Choose a folder you can write to.",
        )


def check_output_folder(path: str | os.PathLike) -> Path:
    """Up-front checks for an output folder: not an input file, not a file, creatable."""
    path = Path(path).expanduser()
    check_not_input(path)
    if path.exists() and not path.is_dir():
        raise FontAssistError(f"The output folder {path} is a file.", hint="Give a folder.")
    probe = path
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise FontAssistError(
            f"cannot create the output folder {path}: {probe} is a file.", hint="Give another folder."
        )
    if not os.access(probe, os.W_OK | os.X_OK):
        raise FontAssistError(
            f"Cannot write into {path}: {probe} is not writable.", hint="Choose another folder."
        )
    return path


# ---------------------------------------------------------- leftover temps


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - no signal 0 there; assume alive unless we hold the lock
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_stale_temps(folder: str | os.PathLike, *, all_stale: bool = False) -> int:
    """Remove temporary files a killed writer left in ``folder``; returns how many.

    ``all_stale``: the caller holds the folder's lock, so every temporary file but
    this process's own is stale.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMP_RE.match(entry.name) or _OLD_TEMP_RE.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or (not all_stale and _alive(pid)):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError as e:
            log.warning("could not remove the leftover temporary file %s: %s", entry.path, e)
    if removed:
        log.info("removed %d leftover temporary files from %s", removed, folder)
    return removed


# ------------------------------------------------------------ folder locks


class FolderLock:
    """An exclusive OS lock on ``folder/.fontassist.lock``, released when the process ends however it ends.

    ``acquire`` refuses with one line naming the PID of the process holding it.
    """

    NAME = ".fontassist.lock"
    _OFFSET = 1 << 20  # Windows locks a byte range; lock one far from the PID text so it stays readable

    def __init__(self, folder: str | os.PathLike, what: str = "training run"):
        self.folder = Path(folder)
        self.what = what
        self._file: IO | None = None

    @property
    def path(self) -> Path:
        return self.folder / self.NAME

    def acquire(self) -> FolderLock:
        if self._file is not None:
            return self
        for _ in range(10):  # the holder may remove the file between our open and our lock: open again
            f = self._open()
            try:
                self._lock(f)
            except OSError:
                f.seek(0)
                holder = f.read(32).strip() or "unknown"
                f.close()
                raise FontAssistError(
                    f"is in use by another fontassist {self.what} (process {holder}).",
                    path=self.folder,
                    hint="Wait for it to finish or stop it, or choose another folder.",
                ) from None
            try:
                current = os.stat(self.path)
            except OSError:
                current = None
            mine = os.fstat(f.fileno())
            if current is not None and (current.st_ino, current.st_dev) == (mine.st_ino, mine.st_dev):
                break
            self._unlock(f)
            f.close()
        else:  # pragma: no cover - ten races in a row
            raise FontAssistError("cannot be locked (it keeps changing).", path=self.folder)
        try:
            f.seek(0)
            f.truncate()
            f.write(f"{os.getpid()}\n")
            f.flush()
        except OSError as e:  # a full disk: the lock holds without the PID text
            log.debug("cannot write the PID into %s: %s", self.path, e)
        self._file = f
        return self

    def _open(self) -> IO:
        try:
            return open(self.path, "a+", encoding="ascii")
        except OSError as e:
            raise FontAssistError(
                f"cannot be locked: {describe_os_error(e)}.",
                path=self.folder,
                hint="Choose a folder you can write to.",
            ) from None

    def release(self) -> None:
        """Unlock and remove the lock file (removed first, so no one locks a file about to vanish)."""
        f, self._file = self._file, None
        if f is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        with contextlib.suppress(OSError):
            self._unlock(f)
        with contextlib.suppress(OSError):  # a PID that never reached a full disk
            f.close()

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()

    @classmethod
    def _lock(cls, f, lock: bool = True) -> None:
        """Take (or with ``lock=False`` give back) the OS lock; OSError when another process holds it."""
        if sys.platform == "win32":  # pragma: no cover
            import msvcrt

            f.seek(cls._OFFSET)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK if lock else msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), (fcntl.LOCK_EX | fcntl.LOCK_NB) if lock else fcntl.LOCK_UN)

    @classmethod
    def _unlock(cls, f) -> None:
        cls._lock(f, lock=False)


# ------------------------------------------------------------- file names

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_filename(name: str, fallback: str = "untitled", max_length: int = 100) -> str:
    """``name`` made into one plain file name: no folders, no '..', no characters a file system refuses."""
    text = _UNSAFE.sub("", name).strip().strip(".").strip()
    text = text.replace("..", "")
    if not text or text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = fallback
    return text[:max_length]
