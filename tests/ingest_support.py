"""Helpers shared by the ingestion tests."""

from pathlib import Path

from newsroom.ingest import gazetteers, pipeline
from newsroom.ingest.reading import read

REPO = Path(__file__).resolve().parents[1]
SEED_2024 = REPO / "fixtures" / "articles" / "igef-2024.txt"
SEED_2025 = REPO / "fixtures" / "articles" / "igef-2025.txt"
EVAL = REPO / "fixtures" / "eval"


def extract(text: str | bytes) -> dict:
    """The JSON form of what ingestion reads in `text`, with the database's gazetteer."""
    return pipeline.extract(read(text), gazetteer=gazetteers.build()).to_dict()


def person(result: dict, name: str) -> dict:
    return next(p for p in result["people"] if p["name"] == name)


def names(result: dict, role: str | None = None) -> set[str]:
    return {p["name"] for p in result["people"] if role is None or p["role"] == role}
