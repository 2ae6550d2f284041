"""Multi-step writes of the news app: ingesting a text, deciding on what it proposed."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from newsroom.ingest import gazetteers, pipeline
from newsroom.ingest import proposals as records
from newsroom.ingest.reading import ReadingError, read
from newsroom.ingest.result import ERROR, EXISTS, NEW, IngestResult
from newsroom.models import Article, Proposal


def ingest_text(
    *, text: str | bytes, path: str | None = None, dry_run: bool = False, user=None
) -> IngestResult:
    """Read a text into a draft article with pending proposals; the same text twice is "exists".

    Bad input (empty, binary, not UTF-8, over 1 MB) gives a result with status "error" and
    writes nothing; `dry_run` reads and reports without writing either.
    """
    try:
        source = read(text)
    except ReadingError as error:
        return IngestResult.failed(path, error.message)
    result = pipeline.extract(source, gazetteer=gazetteers.build())
    result.path = path
    existing = Article.objects.filter(content_hash=result.article["content_hash"]).first()
    if existing is not None:
        result.status, result.article_id = EXISTS, existing.pk
        return result
    if dry_run:
        return result
    try:
        with transaction.atomic():
            article = records.article_create(
                result=result, body=source.body, headers=source.headers, user=user
            )
    except IntegrityError:
        # The same text stored meanwhile by another request.
        existing = Article.objects.filter(content_hash=result.article["content_hash"]).first()
        if existing is None:
            raise
        result.status, result.article_id = EXISTS, existing.pk
        return result
    result.status, result.article_id = NEW, article.pk
    return result


@transaction.atomic
def proposal_accept(*, proposal: Proposal, user):
    """Create or link the record a proposal stands for; accepting again changes nothing.

    Returns the record (Official, Organization, ArticleCountry, Event, Visit or Meeting).
    A proposal that cannot become a valid record raises ValidationError and writes nothing.
    """
    proposal = Proposal.objects.select_for_update().select_related("article").get(pk=proposal.pk)
    return records.accept(proposal, user)


@transaction.atomic
def proposal_reject(*, proposal: Proposal, user) -> Proposal:
    """Mark a proposal rejected; if it had been accepted, its article stops citing the record."""
    proposal = Proposal.objects.select_for_update().select_related("article").get(pk=proposal.pk)
    records.unlink(proposal)
    proposal.decision = Proposal.Decision.REJECTED
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["decision", "decided_by", "decided_at"])
    return proposal


__all__ = ["ERROR", "EXISTS", "NEW", "ingest_text", "proposal_accept", "proposal_reject"]
