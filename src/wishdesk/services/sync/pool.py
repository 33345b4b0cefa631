"""A small bounded pool of requests in flight, and how it yields to Wish's rate limit.

``parse_reset`` reads ``Wish-Rate-Limit-Reset`` (an epoch time, a delay, or an ISO time).

The API has no way to read many orders at once, so the pull reads them a few at a time
(``DEFAULT_CONCURRENCY``, at most ``MAX_CONCURRENCY``). On a 429 the pool shrinks to one
request at a time for the rest of the session, and no new request starts until the wait for
``Wish-Rate-Limit-Reset`` is over.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TypeVar

from wishdesk import clock

DEFAULT_CONCURRENCY = 8
MAX_CONCURRENCY = 8
EPOCH_THRESHOLD = 1_000_000_000  # a smaller Wish-Rate-Limit-Reset number is a delay in seconds

T = TypeVar("T")
R = TypeVar("R")


class Gate:
    """How many requests may be in flight: ``size``, one after a 429, none during a wait."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self._cond = threading.Condition()
        self._busy = 0
        self._waiting = threading.Lock()  # held while a rate-limit wait is slept out

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        with self._waiting:
            pass  # a wait in progress holds every new request back
        with self._cond:
            while self._busy >= self.size:
                self._cond.wait()
            self._busy += 1
        try:
            yield
        finally:
            with self._cond:
                self._busy -= 1
                self._cond.notify_all()

    def rate_limited(self, wait: Callable[[], None]) -> None:
        """A 429: one request at a time from now on, and none starts while ``wait`` runs."""
        with self._cond:
            self.size = 1
            self._cond.notify_all()
        with self._waiting:
            wait()


def parallel(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """``fn`` over ``items`` with up to ``workers`` at once; results in the items' order.
    The first exception raised by ``fn`` is raised here (the rest are cancelled)."""
    items = list(items)
    if workers <= 1 or len(items) <= 1:
        yield from map(fn, items)
        return
    with ThreadPoolExecutor(max_workers=min(workers, len(items))) as pool:
        futures = [pool.submit(fn, item) for item in items]
        try:
            for future in futures:
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def parse_reset(value: str, now: datetime) -> float | None:
    """Seconds to wait for a ``Wish-Rate-Limit-Reset`` value: an epoch time in seconds
    (a number below 10^9 is taken as a delay in seconds) or an ISO-8601 time."""
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        try:
            moment = clock.parse_time(text)
        except ValueError:
            return None
        return (moment - now).total_seconds()
    if number != number or number in (float("inf"), float("-inf")):
        return None
    if number < EPOCH_THRESHOLD:
        return number
    return number - now.timestamp()
