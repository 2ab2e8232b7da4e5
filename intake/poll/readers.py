"""The daemon's readers: the worker pool and the analyser over it, rebuilt on a reload only as
far as the new config needs."""

from __future__ import annotations

from intake.config.settings import Config
from intake.poll.analysis import Analyser
from intake.poll.workers import WorkerPoolExtractor, pool_settings, pooled_extractor

__all__ = ["Readers"]


class Readers:
    """Holds the current analyser; ``None`` until ``start`` and after ``close``."""

    def __init__(self) -> None:
        self._extractor: WorkerPoolExtractor | None = None
        self.analyser: Analyser | None = None

    def start(self, config: Config) -> None:
        """Start the workers now, in the background: the first poll must not wait for them."""
        self._extractor = pooled_extractor(config)
        self._extractor.start()
        self.analyser = Analyser(config, self._extractor)

    def update(self, old: Config, new: Config) -> None:
        """An analyser for ``new``; the pool is replaced only when its settings changed. The
        caller makes sure no poll is using the old one."""
        if self._extractor is None:
            return
        if pool_settings(new) == pool_settings(old):
            self.analyser = Analyser(new, self._extractor)
            return
        replaced = self._extractor
        self.start(new)
        replaced.close()

    def close(self) -> None:
        """Stop the workers."""
        self.analyser = None
        if self._extractor is not None:
            self._extractor.close()
            self._extractor = None
