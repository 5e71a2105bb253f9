"""Progress on the terminal and a clean stop on Ctrl-C for the long-running commands."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from messages import text

EXIT_INTERRUPTED = 130  # the shell's convention for a command stopped by SIGINT

Step = Callable[[int, int, str], None]


@contextmanager
def progress_bar(label: str, total: int) -> Iterator[Step]:
    """A progress bar on stderr (stdout stays clean for ``--json``); yields a step callback
    ``(done, total, item)``. Off a terminal nothing is shown, unless ``SPREIDING_PROGRESS=lines``
    asks for one line per step (for logs)."""
    if not sys.stderr.isatty():
        if os.environ.get("SPREIDING_PROGRESS") == "lines":
            yield lambda done, total, item: click.echo(f"{label}: {done}/{total} {item}", err=True)
        else:
            yield lambda done, total, item: None
        return
    with click.progressbar(
        length=total, label=label, file=sys.stderr, show_pos=True, item_show_func=str
    ) as bar:
        shown = 0

        def step(done: int, _total: int, item: str) -> None:
            nonlocal shown
            bar.update(done - shown, current_item=item)
            shown = done

        yield step


class Tally:
    """How far a run got, for the message when it is stopped."""

    def __init__(self, total: int) -> None:
        self.done = 0
        self.total = total

    def wrap(self, step: Step) -> Step:
        def counted(done: int, total: int, item: str) -> None:
            self.done = done
            step(done, total, item)

        return counted


def interrupted(tally: Tally, lang: str) -> int:
    """Say that the run was stopped (no traceback) and return the exit code for it."""
    click.echo("", err=True)
    click.echo(text("run_interrupted", lang, done=tally.done, total=tally.total), err=True)
    return EXIT_INTERRUPTED


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside ``target`` and rename it into place, so a stop or
    an error leaves no half file and a reader never sees one. The file gets the permissions of
    the file it replaces, or those a new file would get (the umask)."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(tmp))
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask
