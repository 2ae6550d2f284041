"""python manage.py ingest_bench: the model's load time and articles read per second."""

import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from newsroom.ingest import gazetteers, nlp, pipeline
from newsroom.ingest.reading import read


def sample_articles(length: int) -> list[bytes]:
    """The seed and evaluation texts, each cut or repeated to about `length` characters."""
    folders = [settings.BASE_DIR / "fixtures/articles", settings.BASE_DIR / "fixtures/eval"]
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(Path(f).glob("*.txt"))]
    samples = []
    for text in texts:
        header, _, body = text.partition("\n\n") if "\n\n" in text[:400] else ("", "", text)
        while len(body) < length:
            body = body + "\n\n" + body
        cut = body[:length].rsplit(" ", 1)[0]
        samples.append(((header + "\n\n" if header else "") + cut).encode("utf-8"))
    return samples


class Command(BaseCommand):
    help = "Benchmark ingestion: spaCy model load time, then articles per second (dry run)."

    def add_arguments(self, parser):
        parser.add_argument("--length", type=int, default=3000, help="Characters per article.")
        parser.add_argument("--rounds", type=int, default=5, help="Passes over the sample.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        nlp.recognizer()
        load = time.perf_counter() - started
        samples = sample_articles(options["length"])
        gazetteer = gazetteers.build()
        for data in samples[:3]:  # warm-up
            pipeline.extract(read(data), gazetteer=gazetteer)
        rates = []
        for _ in range(options["rounds"]):
            begun = time.perf_counter()
            for data in samples:
                pipeline.extract(read(data), gazetteer=gazetteer)
            rates.append(len(samples) / (time.perf_counter() - begun))
        begun = time.perf_counter()
        for data in samples:
            pipeline.extract(read(data), gazetteer=gazetteers.build())
        with_gazetteer = len(samples) / (time.perf_counter() - begun)
        size = statistics.mean(len(d) for d in samples)
        self.stdout.write(f"model {nlp.MODEL} loaded in {load:.2f} s")
        self.stdout.write(
            f"{len(samples)} articles of about {size:.0f} bytes, {options['rounds']} rounds"
        )
        self.stdout.write(
            f"extraction: {statistics.median(rates):.1f} articles/s (median; best {max(rates):.1f})"
        )
        self.stdout.write(
            f"with the gazetteer rebuilt from the database: {with_gazetteer:.1f} articles/s"
        )
