from __future__ import annotations

from pathlib import Path
from typing import cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from dateline.ingest.fetch import FetchError, fetch
from dateline.ingest.formats import PARSERS
from dateline.ingest.models import IngestRun, Source
from dateline.ingest.services import document_ingest, source_run


class Command(BaseCommand):
    help = (
        "Take in wire copy: `ingest --once [SOURCE]` runs configured sources now; "
        "`ingest FILE|URL` takes in one document without a source."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "target", nargs="?", help="a source slug with --once; else a file or URL"
        )
        parser.add_argument(
            "--once", action="store_true", help="run configured sources once"
        )
        parser.add_argument(
            "--format", choices=sorted(PARSERS), help="skip format detection"
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish instead of queueing for review",
        )
        parser.add_argument(
            "--internal", action="store_true", help="allow a private or loopback URL"
        )

    def handle(
        self, *args: object, target: str | None, once: bool, **options: object
    ) -> None:
        if once:
            sources = Source.objects.filter(is_enabled=True)
            if target:
                sources = Source.objects.filter(slug=target)
                if not sources.exists():
                    raise CommandError(f"No source called {target!r}.")
            runs = [
                self._run(
                    f"Source {s.name}", lambda p, s=s: source_run(source=s, progress=p)
                )
                for s in sources
            ]
        elif target:
            data = self._read(target, internal=bool(options["internal"]))
            runs = [
                self._run(
                    target,
                    lambda p: document_ingest(
                        data=data,
                        format=cast("str | None", options["format"]),
                        publish=bool(options["publish"]),
                        label=target,
                        progress=p,
                    ),
                )
            ]
        else:
            raise CommandError(
                "Give a file or URL, or --once to run configured sources."
            )
        if any(run.status == IngestRun.Status.FAILED for run in runs):
            raise CommandError("At least one run failed; see the reasons above.")

    def _read(self, target: str, *, internal: bool) -> bytes:
        if target.startswith(("http://", "https://")):
            try:
                body = fetch(target, allow_private=internal).body
            except FetchError as error:
                raise CommandError(str(error)) from None
            return body or b""
        path = Path(target)
        if not path.is_file():
            raise CommandError(f"No such file: {target}")
        return path.read_bytes()

    def _run(self, title: str, work) -> IngestRun:  # type: ignore[no-untyped-def]
        with tqdm(
            desc=title[:60], unit=" items", file=self.stderr._out, leave=False
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done)

            run = work(progress)
        self.stdout.write(
            f"{title}: {run.get_status_display().lower()} · created {run.created}, "
            f"updated {run.updated}, skipped {run.skipped}, failed {run.failed}"
        )
        if run.error:
            self.stdout.write(f"  error: {run.error}")
        for problem in run.problems:
            self.stdout.write(
                f"  {problem['kind']}: {problem['item']} {problem['reason']}"
            )
        return run
