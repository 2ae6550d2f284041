"""Ingestion: from an article's raw text to a draft article with proposals (issue 5)."""
