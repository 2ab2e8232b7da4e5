"""Hands freed heap memory back to the kernel, so a long-lived process stays the size of what
it holds, not of the most it ever held."""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache

M_ARENA_MAX = -8  # glibc's malloc.h


def release_free_memory() -> None:
    """glibc's ``malloc_trim(0)``; nothing where the C library has no such call (musl)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def limit_heap_arenas(count: int) -> None:
    """glibc's ``mallopt(M_ARENA_MAX, count)``: threads share ``count`` heap arenas instead of
    reserving one each; nothing where the C library has no such call."""
    library = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(library), "mallopt", None) if library else None
    if mallopt is not None:
        mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        mallopt(M_ARENA_MAX, count)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    # Reading a PDF or a message allocates and frees many blocks of every size; glibc keeps the
    # freed pages in its arenas, and a worker's resident size grew from 78 to 115 MiB over 120
    # documents without this call, against 63-70 MiB with it (about 0.1 ms a call).
    library = ctypes.util.find_library("c")
    if library is None:
        return None
    trim = getattr(ctypes.CDLL(library), "malloc_trim", None)
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]
