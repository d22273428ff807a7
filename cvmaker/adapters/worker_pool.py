"""A small pool of warm worker processes that run a picklable function under a time and a memory limit.

Work that can run away on hostile input (rendering, parsing uploads) runs here, so a render that loops or eats
memory costs one worker process, never the server. A worker that times out is killed; one that crashes or goes
over its memory limit is replaced; each failure is a typed error. Workers start on first use and then stay warm
(their `initializer`, e.g. importing WeasyPrint, runs once per worker, not per call).

Each worker is a fresh interpreter (`python -c`, started with `subprocess`) talking over two OS pipes wrapped in
`multiprocessing.connection.Connection`: no `multiprocessing.Pool` or `Queue`, which need `/dev/shm` (absent on
AWS Lambda); no fork of a threaded server (a forked child inherits locks held by other threads); and unlike
`multiprocessing`'s spawn, the parent's `__main__` is never re-imported, so any script or server can use it.
`run` blocks; async callers use it through a thread (`anyio.to_thread.run_sync`), and it is safe to call from
several threads at once: each call holds one worker for its duration. Calls waiting for a worker queue per
owner (whose work it is, `cvmaker.domain.quotas.current_owner`) and owners take turns, so one user's burst of
renders delays another user's single render by at most one call per worker, not by the whole burst.
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Self

from cvmaker.domain.quotas import current_owner

STARTUP_TIMEOUT_SECONDS = 60.0


class WorkerError(Exception):
    """A call could not complete in a worker."""


class WorkerTimeout(WorkerError):
    """The call ran past its time limit; its worker was killed."""


class WorkerCrashed(WorkerError):
    """The worker process died during the call (a signal, a native crash, an exit)."""


class WorkerOutOfMemory(WorkerError):
    """The call needed more memory than a worker may use; its worker was replaced."""


class RemoteError(Exception):
    """An exception raised in a worker that could not be sent back as itself (it did not pickle)."""


def _resident_bytes() -> int:
    """This process's resident memory now. Not `ru_maxrss`: Linux carries the parent's peak over into a child
    started by fork and exec, so a worker of a large server would look large from its first call."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except (OSError, IndexError, ValueError):
        return 0


def _portable(error: BaseException) -> BaseException:
    """`error` if it survives a trip through pickle, else a `RemoteError` naming it."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return RemoteError(f"{type(error).__name__}: {error}")


# The worker's first line: set up the pipes and the import path (sent by the parent as plain strings, before
# anything that needs our packages is unpickled), then run the loop below.
_CHILD_BOOT = (
    "import sys\n"
    "from multiprocessing.connection import Connection\n"
    "inbox = Connection(int(sys.argv[1]), writable=False)\n"
    "outbox = Connection(int(sys.argv[2]), readable=False)\n"
    "sys.path[:] = inbox.recv()\n"
    "from cvmaker.adapters.worker_pool import _worker_main\n"
    "_worker_main(inbox, outbox)\n"
)


def _worker_main(inbox: Connection, connection: Connection) -> None:
    """The loop of one worker process: receive (function, args, kwargs), reply (status, payload, retire)."""
    memory_limit, initializer = inbox.recv()
    if memory_limit:
        # Address space, not RSS: allocations past it fail inside this process (MemoryError), instead of the
        # machine's OOM killer picking a victim.
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        if initializer is not None:
            initializer()
        connection.send(("ready", None, False))
    except BaseException as error:
        connection.send(("error", _portable(error), True))
        return
    while True:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return
        except Exception as error:  # the call did not unpickle here (e.g. a function defined in __main__)
            connection.send(("error", RemoteError(f"The worker could not load the call: {error}"), False))
            continue
        if message is None:
            return
        function, args, kwargs = message
        try:
            reply: tuple[str, Any] = ("ok", function(*args, **kwargs))
        except MemoryError:
            reply = ("oom", None)
        except BaseException as error:
            reply = ("error", _portable(error))
        # A worker that came near its limit retires after this call: fragmented memory is not given back.
        retire = reply[0] == "oom" or bool(memory_limit and _resident_bytes() > memory_limit * 0.75)
        try:
            connection.send((*reply, retire))
        except MemoryError:
            connection.send(("oom", None, True))
            retire = True
        if retire:
            return


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    inbox: Connection  # parent -> worker
    connection: Connection  # worker -> parent

    def is_alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        try:
            self.inbox.send(None)
            self.process.wait(timeout=1)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()

    def kill(self) -> None:
        if self.is_alive():
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.inbox.close()
        self.connection.close()


class FairSlots:
    """`size` slots; callers beyond them wait in one queue per owner, and a freed slot goes to the owner at the
    head of the round (who then moves to its end): first come, first served within an owner, turns between
    owners. A free slot is never held back while anyone waits, so one owner alone still uses every slot."""

    def __init__(self, size: int) -> None:
        self._free = size
        self._lock = threading.Lock()
        # Owners with waiting callers, in turn order; each caller waits on its own event.
        self._waiting: OrderedDict[str, deque[threading.Event]] = OrderedDict()

    def acquire(self, owner: str) -> None:
        with self._lock:
            if self._free > 0 and not self._waiting:
                self._free -= 1
                return
            turn = threading.Event()
            self._waiting.setdefault(owner, deque()).append(turn)
        turn.wait()  # set by `release`, which hands its slot straight to this caller

    def release(self) -> None:
        with self._lock:
            if not self._waiting:
                self._free += 1
                return
            owner, queue = self._waiting.popitem(last=False)
            turn = queue.popleft()
            if queue:
                self._waiting[owner] = queue  # to the end of the round
            turn.set()

    @property
    def waiting(self) -> int:
        """Callers waiting for a slot (for tests and metrics)."""
        with self._lock:
            return sum(len(queue) for queue in self._waiting.values())


class WorkerPool:
    """Up to `size` warm workers. `memory_limit` (bytes) caps each worker's address space."""

    def __init__(
        self,
        size: int = 1,
        memory_limit: int | None = None,
        initializer: Callable[[], None] | None = None,
        name: str = "worker",
    ) -> None:
        self.size = size
        self.memory_limit = memory_limit
        self.initializer = initializer
        self.name = name
        self._slots = FairSlots(size)
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._closed = False
        self.started = 0  # workers started so far, for tests and metrics

    def run(self, function: Callable[..., Any], *args: Any, timeout: float, **kwargs: Any) -> Any:
        """Call `function(*args, **kwargs)` in a worker and return its result, or raise what it raised.

        Raise `WorkerTimeout` after `timeout` seconds, `WorkerOutOfMemory` or `WorkerCrashed` when the worker
        could not finish; the pool replaces that worker and keeps serving. Waits for a worker in the turn of
        the current owner (`current_owner`; work of no owner shares one queue)."""
        self._slots.acquire(current_owner() or "")
        try:
            worker = self._take_worker()
            healthy = False
            try:
                raised, payload, healthy = self._call(worker, function, args, kwargs, timeout)
            finally:
                self._give_back(worker, healthy)
        finally:
            self._slots.release()
        if raised:
            raise payload
        return payload

    def warm(self) -> None:
        """Start all workers now rather than on first use."""
        workers = []
        for _ in range(self.size):
            self._slots.acquire("")
            workers.append(self._take_worker())
        for worker in workers:
            self._give_back(worker, True)
            self._slots.release()

    @property
    def waiting(self) -> int:
        """Calls waiting for a worker (for tests and metrics)."""
        return self._slots.waiting

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---------------------------------------------------------------- internals

    def _take_worker(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise WorkerError("The worker pool is closed.")
            while self._idle:
                worker = self._idle.pop()
                if worker.is_alive():
                    return worker
                worker.kill()
        return self._start_worker()

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        with self._lock:
            if healthy and not self._closed and worker.is_alive():
                self._idle.append(worker)
                return
        worker.kill()

    def _start_worker(self) -> _Worker:
        to_child_read, to_child_write = os.pipe()
        from_child_read, from_child_write = os.pipe()
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", _CHILD_BOOT, str(to_child_read), str(from_child_write)],
                pass_fds=(to_child_read, from_child_write),
                stdin=subprocess.DEVNULL,
                close_fds=True,
            )
        finally:
            os.close(to_child_read)
            os.close(from_child_write)
        self.started += 1
        parent_end = Connection(from_child_read, writable=False)
        worker = _Worker(process, Connection(to_child_write, readable=False), parent_end)
        try:
            worker.inbox.send(list(sys.path))
            worker.inbox.send((self.memory_limit, self.initializer))
        except OSError:
            worker.kill()
            raise WorkerCrashed(f"A {self.name} worker died while starting.") from None
        if not parent_end.poll(STARTUP_TIMEOUT_SECONDS):
            worker.kill()
            raise WorkerTimeout(f"A {self.name} worker did not start in {STARTUP_TIMEOUT_SECONDS:g} seconds.")
        try:
            status, payload, _ = parent_end.recv()
        except (EOFError, OSError):
            worker.kill()
            raise WorkerCrashed(f"A {self.name} worker died while starting.") from None
        if status != "ready":
            worker.kill()
            raise WorkerCrashed(f"A {self.name} worker failed to start: {payload}")
        return worker

    def _call(
        self,
        worker: _Worker,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        timeout: float,
    ) -> tuple[bool, Any, bool]:
        """Whether the function raised, its result or exception, and whether the worker may serve again."""
        try:
            worker.inbox.send((function, args, kwargs))
            ready = worker.connection.poll(timeout)
        except (OSError, ValueError):
            raise WorkerCrashed(f"The {self.name} worker could not take the call.") from None
        if not ready:
            worker.kill()
            raise WorkerTimeout(f"The call took longer than {timeout:g} seconds.")
        try:
            status, payload, retire = worker.connection.recv()
        except (EOFError, OSError):
            worker.kill()
            raise WorkerCrashed(f"The {self.name} worker stopped (exit code {worker.process.returncode}).") from None
        if status == "oom":
            raise WorkerOutOfMemory(f"The call needed more than the {self.name} worker's memory limit.")
        return status == "error", payload, not retire
