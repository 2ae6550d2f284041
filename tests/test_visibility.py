"""Visibility: one QuerySet method decides who sees drafts."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from newsroom.models import Article
from tests.factories import ArticleFactory, EventFactory, MeetingFactory, UserFactory, VisitFactory
from visits.models import Event, Meeting, Status, Visit

pytestmark = pytest.mark.django_db

EDITORIAL = [
    (Article, ArticleFactory),
    (Visit, VisitFactory),
    (Meeting, MeetingFactory),
    (Event, EventFactory),
]


def viewer(kind, model):
    if kind == "anonymous":
        return AnonymousUser()
    user = UserFactory(is_active=kind != "inactive editor")
    if kind in {"editor", "inactive editor"}:
        user.user_permissions.add(
            Permission.objects.get(
                content_type__app_label=model._meta.app_label,
                codename=f"view_{model._meta.model_name}",
            )
        )
    return user


@pytest.mark.parametrize(("model", "factory"), EDITORIAL)
@pytest.mark.parametrize(
    ("kind", "sees_drafts"),
    [("anonymous", False), ("reader", False), ("inactive editor", False), ("editor", True)],
)
@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.PUBLISHED])
def test_only_editors_see_what_is_not_published(model, factory, kind, sees_drafts, status):
    record = factory(status=status)
    visible = model.objects.visible_to(viewer(kind, model))
    assert (record in visible) == (status == Status.PUBLISHED or sees_drafts)


@pytest.mark.parametrize(("model", "factory"), EDITORIAL)
def test_new_records_start_as_drafts(model, factory):
    record = factory(status=model._meta.get_field("status").default)
    assert record.status == Status.DRAFT
    assert not model.objects.published().filter(pk=record.pk).exists()


@pytest.mark.parametrize("kind", ["anonymous", "article editor"])
def test_an_article_links_the_officials_its_reader_may_see(client, kind):
    """A published article makes the officials it names public; a draft does not, for a
    reader who sees draft articles but not every official."""
    from tests.factories import ArticleOfficialFactory, OfficialFactory

    named_in_public = OfficialFactory(name="Nommé en public")
    named_in_draft = OfficialFactory(name="Nommé en brouillon")
    published = ArticleFactory(status=Status.PUBLISHED)
    draft = ArticleFactory(status=Status.DRAFT)
    for article in (published, draft):
        ArticleOfficialFactory(article=article, official=named_in_public)
    ArticleOfficialFactory(article=draft, official=named_in_draft)
    if kind == "article editor":
        client.force_login(viewer("editor", Article))

    articles = client.get("/api/v1/articles/").json()["results"]
    named = {row["slug"]: [o["official"]["slug"] for o in row["officials"]] for row in articles}

    assert named[published.slug] == [named_in_public.slug]
    if kind == "anonymous":
        assert draft.slug not in named
    else:
        assert named[draft.slug] == [named_in_public.slug]
    assert named_in_draft.slug not in str(named)
