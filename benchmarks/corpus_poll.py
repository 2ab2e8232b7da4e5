"""Every PDF and DOCX of the shared corpus, each attached to a message, through one poll.

Run from the repository root:
    python3 -m benchmarks.corpus_poll [--workers 2] [--seconds 30] [--memory-mib 512]
Prints the poll's wall time, each document status count, and the peak memory (RSS) of the
polling process and of the extraction workers.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from intake.config.runtime import open_runtime
from intake.config.settings import Config
from intake.mailbox.maildir import MaildirMailbox
from intake.poll.analysis import Analyser
from intake.poll.cycle import PollReport, poll_once
from intake.poll.progress import Progress
from intake.poll.workers import pooled_extractor
from storage.models import Document
from tests import messages
from tests.configs import make_config

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DELIVERED = 1_760_000_000


@dataclass(frozen=True)
class CorpusRun:
    """What one poll over the corpus documents did."""

    documents: int
    seconds: float
    report: PollReport
    statuses: Counter[str]
    peak_process_kib: int
    peak_worker_kib: int


def corpus_documents(root: Path = CORPUS) -> list[Path]:
    """Every file under the corpus's pdf/ and docx/ folders, in a stable order."""
    return sorted(
        p for folder in ("pdf", "docx") for p in (root / folder).rglob("*") if p.is_file()
    )


def write_maildir(maildir: Path, documents: Iterable[Path]) -> int:
    """One application per document, attached as application/octet-stream; returns the count."""
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    count = 0
    for count, path in enumerate(documents, start=1):
        raw = messages.application(
            message_id=f"<corpus-{count}@example.com>",
            attachments=((path.name, "application/octet-stream", path.read_bytes()),),
        )
        (maildir / "new" / f"{DELIVERED + count}.C{count}.corpus").write_bytes(raw)
    return count


def poll_corpus(config: Config, documents: list[Path]) -> CorpusRun:
    """Write the messages, then time one poll with a worker pool of the config's size."""
    count = write_maildir(config.mailbox.path or Path(), documents)
    runtime = open_runtime(config)
    extractor = pooled_extractor(config)
    try:
        mailbox = MaildirMailbox(config.mailbox.path or Path(), config.mailbox.folder)
        started = time.perf_counter()
        report = poll_once(
            config,
            runtime.sessions,
            mailbox,
            progress=Progress(live=False),
            analyser=Analyser(config, extractor),
        )
        seconds = time.perf_counter() - started
        with runtime.sessions() as session:
            statuses = Counter(str(s) for s in session.scalars(select(Document.status)))
    finally:
        extractor.close()
        runtime.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return CorpusRun(count, seconds, report, statuses, peak, extractor.peak_worker_rss_kib)


def corpus_config(work: Path, workers: int, seconds: int, memory_mib: int) -> Config:
    """A SQLite, Maildir config with the given extraction settings."""
    return make_config(
        work,
        f"sqlite:///{work / 'intake.db'}",
        overrides={
            "extraction": {"workers": workers},
            "limits": {"extraction_seconds": seconds, "extraction_memory_mib": memory_mib},
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--memory-mib", type=int, default=512)
    args = parser.parse_args()
    documents = corpus_documents()
    if not documents:
        raise SystemExit(f"no corpus documents under {CORPUS}")
    with tempfile.TemporaryDirectory() as work:
        config = corpus_config(Path(work), args.workers, args.seconds, args.memory_mib)
        run = poll_corpus(config, documents)
    print(f"documents: {run.documents} ({len(documents)} files), workers: {args.workers}")
    print(f"poll: {run.report.summary()}")
    print(f"wall time: {run.seconds:.1f} s ({run.documents / run.seconds:.2f} documents/s)")
    print("statuses: " + ", ".join(f"{n} {s}" for s, n in sorted(run.statuses.items())))
    print(f"peak RSS, polling process: {run.peak_process_kib / 1024:.0f} MiB")
    print(
        f"peak RSS, one extraction worker: {run.peak_worker_kib / 1024:.0f} MiB "
        f"(cap {args.memory_mib} MiB)"
    )
    if not run.report.ok or sum(run.statuses.values()) != run.documents:
        raise SystemExit("FAILED: not every document ended with a stored status")


if __name__ == "__main__":
    main()
