"""Heavy work — reading an input, solving a model — in a child process with memory and time
limits, so that no input can take down the process that asked for it (the dashboard serves every
user from one process).

:func:`run_isolated` runs a module-level function in a child process whose address space
(``RLIMIT_AS``) and CPU time (``RLIMIT_CPU``) are limited with :mod:`resource`, waits at most a
wall-clock time, and returns the function's result — or raises what it raised (a
:class:`~calculator.errors.SpreidingInputError` with its findings comes back whole). A child that
runs out of memory, is stopped by a limit or dies (a reader that aborts on an allocation) is a
finding for that input (``work_memory_limit``, ``work_time_limit``, ``work_crashed``), never a
crash of the caller.

Limits: ``SPREIDING_WORKER_MEMORY_MB`` (default 4096: address space the work may add to what
the worker maps when it starts) and the caller's seconds.
``SPREIDING_ISOLATION=off`` runs in-process (for profiling).
"""

from __future__ import annotations

import faulthandler
import multiprocessing as mp
import os
import pickle
import resource
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from calculator.errors import Finding, SpreidingInputError
from messages import Message

T = TypeVar("T")

DEFAULT_MEMORY_MB = 4096
READ_SECONDS = 300.0  # reading and validating one input
_PRELOAD = ["calculator.validate", "calculator.settle", "optimizer.optimize"]
_forkserver_ready = threading.Lock()
_forkserver_set = False


def memory_limit_bytes() -> int:
    """The address-space limit of a worker [bytes] (``SPREIDING_WORKER_MEMORY_MB``)."""
    try:
        megabytes = int(os.environ.get("SPREIDING_WORKER_MEMORY_MB", DEFAULT_MEMORY_MB))
    except ValueError:
        megabytes = DEFAULT_MEMORY_MB
    return max(megabytes, 256) << 20


def _address_space() -> int:
    """The address space this process maps now [bytes] (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _context() -> Any:
    """``fork`` where this process has one thread (the CLI: the child starts at once with
    everything imported); else a fork server (the dashboard's threads are never forked), which
    imports the heavy modules once."""
    global _forkserver_set
    if threading.active_count() == 1:
        return mp.get_context("fork")
    context = mp.get_context("forkserver")
    with _forkserver_ready:
        if not _forkserver_set:
            context.set_forkserver_preload(_PRELOAD)
            _forkserver_set = True
    return context


def _child(
    conn: Connection,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    memory: int,
    seconds: float,
    with_progress: bool = False,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # a reader that aborts prints its own backtrace; the parent says what happened in words
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    faulthandler.disable()  # (a test runner's handler writes to its own copy of stderr)
    # the budget comes on top of what the process maps already (a forked child inherits its
    # parent's address space: libraries, the interpreter, the caller's data)
    limit = _address_space() + memory
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = max(int(seconds) + 1, 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))

    def progress(done: int, total: int, item: str) -> None:
        conn.send_bytes(pickle.dumps(("progress", (done, total, str(item)))))

    try:
        result = func(*args, progress=progress) if with_progress else func(*args)
        outcome: tuple[str, Any] = ("ok", result)
    except MemoryError:
        outcome = ("memory", None)
    except BaseException as exc:  # handed to the parent, which raises it there
        outcome = ("raised", exc)
    try:
        payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        payload = pickle.dumps(("memory", None))
    except Exception as exc:  # an exception that cannot be pickled: its words only
        payload = pickle.dumps(("crashed", f"{type(exc).__name__}: {exc}"[:300]))
    conn.send_bytes(payload)
    conn.close()


def run_isolated(
    func: Callable[..., T],
    *args: Any,
    seconds: float,
    source: str = "",
    what: str = "read",
    progress: Callable[[int, int, str], None] | None = None,
) -> T:
    """``func(*args)`` in a limited child process; its result, or its exception re-raised.

    ``seconds`` bounds the child's CPU time and (twice it, plus a minute) its wall-clock time;
    ``source`` names the input in a finding and ``what`` says what the work was (``read`` or
    ``solve``) in the finding's text. With ``progress``, ``func`` is called with a
    ``progress=`` callback whose steps ``(done, total, item)`` reach ``progress`` here.
    """
    if os.environ.get("SPREIDING_ISOLATION") == "off":
        return func(*args, progress=progress) if progress is not None else func(*args)
    memory = memory_limit_bytes()
    context = _context()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(send, func, args, memory, seconds, progress is not None)
    )
    process.start()
    send.close()
    deadline = time.monotonic() + 2 * seconds + 60
    answer: tuple[str, Any] | None = None
    try:
        while answer is None and receive.poll(max(deadline - time.monotonic(), 0)):
            try:
                kind, value = pickle.loads(receive.recv_bytes())
            except EOFError:  # the child died before it could answer
                break
            if kind != "progress":
                answer = (kind, value)
            elif progress is not None:
                progress(*value)
    finally:
        receive.close()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
    if answer is None:
        raise _failure(process.exitcode, source, what, memory, seconds)
    kind, value = answer
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "raised":
        raise value
    if kind == "memory":
        raise _limit_error("work_memory_limit", source, what, memory, seconds)
    raise _limit_error("work_crashed", source, what, memory, seconds, detail=str(value))


def _failure(
    exitcode: int | None, source: str, what: str, memory: int, seconds: float
) -> SpreidingInputError:
    if exitcode is None or exitcode in (-signal.SIGKILL, -signal.SIGXCPU):
        return _limit_error("work_time_limit", source, what, memory, seconds)
    if exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):
        # a reader aborts when an allocation fails: the memory limit is the likely cause
        return _limit_error("work_memory_limit", source, what, memory, seconds)
    return _limit_error(
        "work_crashed", source, what, memory, seconds, detail=f"exit code {exitcode}"
    )


def _limit_error(
    code: str, source: str, what: str, memory: int, seconds: float, detail: str = ""
) -> SpreidingInputError:
    return SpreidingInputError(
        [
            Finding(
                "",
                None,
                "",
                source,
                code=code,
                params={
                    "work": Message(f"work_{what}"),
                    "memory_mb": memory >> 20,
                    "seconds": int(seconds),
                    "detail": detail,
                },
            )
        ]
    )
