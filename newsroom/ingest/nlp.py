"""The spaCy recognizer, loaded once per process from the installed French model package."""

import threading
import time
from functools import lru_cache

MODEL = "fr_core_news_sm"
# Only the recognizer and the layer it reads are needed: the rest costs time for nothing.
EXCLUDED = ["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]

_lock = threading.Lock()
load_seconds: float | None = None


@lru_cache(maxsize=1)
def _load():
    global load_seconds
    import spacy

    started = time.perf_counter()
    # spacy.load finds the model as an installed package: nothing is downloaded at run time.
    model = spacy.load(MODEL, exclude=EXCLUDED)
    load_seconds = time.perf_counter() - started
    return model


def recognizer():
    """The loaded pipeline; the first call pays for loading it."""
    with _lock:
        return _load()


def people(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Character spans of the persons spaCy recognizes in each text."""
    if not texts:
        return []
    model = recognizer()
    return [
        [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PER"]
        for doc in model.pipe(texts, batch_size=32)
    ]
