"""A synthetic corpus of articles and records, for benchmarks at scale."""

from newsroom.corpus.service import CorpusError, CorpusSummary, corpus_generate

__all__ = ["CorpusError", "CorpusSummary", "corpus_generate"]
