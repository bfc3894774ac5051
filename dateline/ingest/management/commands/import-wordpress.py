from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from dateline.ingest.formats import FormatError
from dateline.ingest.services import WordPressSummary, wordpress_import


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): posts, pages, authors, categories, tags."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "export", type=Path, help="the .xml file from Tools › Export"
        )
        parser.add_argument(
            "--uploads", type=Path, help="wp-content/uploads, to copy featured images"
        )

    def handle(
        self, *args: object, export: Path, uploads: Path | None, **options: object
    ) -> None:
        if not export.is_file():
            raise CommandError(f"No such file: {export}")
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"No such folder: {uploads}")
        with tqdm(
            desc="Importing", unit=" posts", file=self.stderr._out, leave=False
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done)

            try:
                summary = wordpress_import(
                    data=export.read_bytes(), uploads=uploads, progress=progress
                )
            except FormatError as error:
                raise CommandError(str(error)) from None
        self._report(summary)

    def _report(self, summary: WordPressSummary) -> None:
        for label, counts in (
            ("Imported", summary.imported),
            ("Updated", summary.updated),
            ("Skipped (unchanged)", summary.skipped),
            ("Failed", summary.failed),
        ):
            listed = (
                ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "none"
            )
            self.stdout.write(f"{label}: {listed}")
        statuses = ", ".join(f"{n} {s}" for s, n in summary.statuses.items())
        self.stdout.write(f"In the export: {statuses}")
        self.stdout.write(f"Attachments kept as references: {summary.image_references}")
        if summary.not_imported:
            others = ", ".join(
                f"{n} {kind}" for kind, n in summary.not_imported.items()
            )
            self.stdout.write(f"Not imported (not content): {others}")
        for reason in summary.reasons:
            self.stdout.write(f"  - {reason}")
