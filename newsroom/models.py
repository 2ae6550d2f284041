"""Outlets, articles, and the links from an article to the records it reports."""

import hashlib
import unicodedata

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from visits import dates
from visits.dates import DatePrecision
from visits.models import (
    EditorialModel,
    EditorialQuerySet,
    Event,
    Meeting,
    Official,
    Organization,
    Status,
    Topic,
    Visit,
)
from visits.models.editorial import SlugManager, pointing_to


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    SPANISH = "es", _("Spanish")
    OTHER = "other", _("other")


def content_hash(text: str) -> str:
    """The SHA-256 of a text, blind to Unicode composition, line endings and outer blanks."""
    canonical = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(canonical.strip().encode("utf-8")).hexdigest()


class Outlet(models.Model):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    url = models.URLField(_("website"), blank=True)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.FRENCH
    )
    history = HistoricalRecords()

    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class ArticleQuerySet(EditorialQuerySet):
    def for_listing(self):
        """The joins a list of articles shows."""
        return self.select_related("outlet").prefetch_related("topics")

    def for_detail(self, viewer):
        """The listing's joins and the records the article reports, those `viewer` may see."""
        participants = "meeting__participants"
        meetings = visible_links(ArticleMeeting, viewer).prefetch_related(
            participants, f"{participants}__official", "meeting__topics"
        )
        return self.for_listing().prefetch_related(
            Prefetch(
                "articleofficial_set",
                queryset=visible_links(ArticleOfficial, viewer),
                to_attr="official_links",
            ),
            Prefetch(
                "articlevisit_set",
                queryset=visible_links(ArticleVisit, viewer).select_related("visit__visitor"),
                to_attr="visit_links",
            ),
            Prefetch("articlemeeting_set", queryset=meetings, to_attr="meeting_links"),
            Prefetch(
                "articleevent_set",
                queryset=visible_links(ArticleEvent, viewer),
                to_attr="event_links",
            ),
            "country_links",
        )

    def for_api(self, viewer):
        """The joins of the API's articles; links kept only to records `viewer` may see."""

        def links(model):
            return Prefetch(
                f"{model._meta.model_name}_set",
                queryset=visible_links(model, viewer),
                to_attr=f"api_{model.target_field}_links",
            )

        return self.select_related("outlet").prefetch_related(
            "topics",
            links(ArticleOfficial),
            links(ArticleOrganization),
            links(ArticleEvent),
            links(ArticleVisit),
            links(ArticleMeeting),
            "country_links",
        )


def visible_links(model, viewer):
    """An article's links of one kind, to the records `viewer` may see, with the record.

    An official that a published article names is public (named_by_published_record): a
    link from a published article needs no other check, which for the public are all.
    """
    target = model._meta.get_field(model.target_field).related_model
    manager = target._default_manager
    visible = manager.visible_to(viewer) if hasattr(manager, "visible_to") else manager.all()
    links = model.objects.all()
    if target is Official and visible.query.where:
        shown = Exists(visible.filter(pk=OuterRef(model.target_field)))
        links = links.filter(Q(article__status=Status.PUBLISHED) | shown)
    else:
        links = pointing_to(links, model.target_field, visible)
    return links.select_related(model.target_field)


class ArticleManager(SlugManager.from_queryset(ArticleQuerySet)):
    pass


class Article(EditorialModel):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    outlet = models.ForeignKey(
        Outlet,
        verbose_name=_("outlet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    author = models.CharField(_("author"), max_length=255, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    published_precision = models.CharField(
        _("publication date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.FRENCH
    )
    body = models.TextField(_("text"), help_text=_("The article's text as published."))
    summary = models.TextField(_("summary"), blank=True)
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("SHA-256 of the text: the same text is never stored twice."),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="articles"
    )
    officials = models.ManyToManyField(
        Official, through="ArticleOfficial", blank=True, related_name="articles"
    )
    organizations = models.ManyToManyField(
        Organization, through="ArticleOrganization", blank=True, related_name="articles"
    )
    events = models.ManyToManyField(
        Event, through="ArticleEvent", blank=True, related_name="articles"
    )
    visits = models.ManyToManyField(
        Visit, through="ArticleVisit", blank=True, related_name="articles"
    )
    meetings = models.ManyToManyField(
        Meeting, through="ArticleMeeting", blank=True, related_name="articles"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[topics])

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_on", "-created_at"]
        # Every list sorts by date: the public one among published articles, staff among all.
        indexes = [
            models.Index(
                fields=["status", "-published_on", "-created_at", "id"],
                name="article_status_published_idx",
            ),
            models.Index(
                fields=["-published_on", "-created_at", "id"], name="article_published_idx"
            ),
            # An outlet's articles, newest first: an outlet may publish thousands. Staff read
            # them all; the public reads the published, nine in ten, checked entry by entry.
            models.Index(
                fields=["outlet", "-published_on", "-created_at", "id"],
                name="article_outlet_published_idx",
            ),
            models.Index(fields=["status", "title"], name="article_status_title_idx"),
            models.Index(fields=["title"], name="article_title_idx"),
            models.Index(fields=["status", "language"], name="article_status_language_idx"),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish articles"))]
        constraints = dates.precision_constraints(
            "newsroom_article", "published_on", precision_field="published_precision"
        )

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        errors = dates.precision_errors(self.published_precision, published_on=self.published_on)
        self.content_hash = content_hash(self.body)
        same_text = Article.objects.filter(content_hash=self.content_hash).exclude(pk=self.pk)
        if self.body and same_text.exists():
            errors["body"] = ValidationError(
                _("An article with the same text already exists: “%(title)s”."),
                code="duplicate_text",
                params={"title": same_text.first().title},
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"slug": self.slug})

    @property
    def published_iso(self) -> str | None:
        return dates.to_iso(self.published_on, self.published_precision)

    @property
    def published_display(self) -> str:
        return dates.humanize(self.published_on, self.published_precision)


class ArticleLinkManager(models.Manager):
    def get_by_natural_key(self, article_slug, *target_key):
        target = self.model._meta.get_field(self.model.target_field).related_model
        return self.get(
            article__slug=article_slug,
            **{self.model.target_field: target.objects.get_by_natural_key(*target_key)},
        )


class ArticleLink(models.Model):
    """The link from an article to a record it reports, with the passage that says so."""

    target_field = ""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE)
    quote = models.TextField(
        _("quoted passage"), blank=True, help_text=_("The passage of the article that reports it.")
    )
    history = HistoricalRecords(inherit=True)

    objects = ArticleLinkManager()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.article} → {getattr(self, self.target_field)}"

    def natural_key(self):
        return (self.article.slug, *getattr(self, self.target_field).natural_key())


def _link_meta(target: str, verbose_name, verbose_name_plural):
    return type(
        "Meta",
        (),
        {
            "ordering": ["article", "pk"],
            "verbose_name": verbose_name,
            "verbose_name_plural": verbose_name_plural,
            "constraints": [
                models.UniqueConstraint(
                    fields=["article", target], name=f"%(app_label)s_%(class)s_unique_{target}"
                )
            ],
        },
    )


class ArticleOfficial(ArticleLink):
    target_field = "official"
    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.PROTECT, related_name="article_links"
    )
    Meta = _link_meta("official", _("official in the article"), _("officials in the article"))


class ArticleOrganization(ArticleLink):
    target_field = "organization"
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )
    Meta = _link_meta(
        "organization", _("organization in the article"), _("organizations in the article")
    )


class ArticleEvent(ArticleLink):
    target_field = "event"
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="article_links"
    )
    Meta = _link_meta("event", _("event in the article"), _("events in the article"))


class ArticleVisit(ArticleLink):
    target_field = "visit"
    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.PROTECT, related_name="article_links"
    )
    Meta = _link_meta("visit", _("visit in the article"), _("visits in the article"))


class ArticleMeeting(ArticleLink):
    target_field = "meeting"
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="article_links"
    )
    Meta = _link_meta("meeting", _("meeting in the article"), _("meetings in the article"))


class ArticleCountryManager(models.Manager):
    def get_by_natural_key(self, article_slug, country):
        return self.get(article__slug=article_slug, country=country)


class ArticleCountry(models.Model):
    """A country an article reports on, with the passage that names it."""

    class Role(models.TextChoices):
        HOST = "host", _("host")
        ORIGIN = "origin", _("origin")
        MENTIONED = "mentioned", _("mentioned")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="country_links"
    )
    country = CountryField(_("country"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MENTIONED)
    quote = models.TextField(_("quoted passage"), blank=True)
    history = HistoricalRecords()

    objects = ArticleCountryManager()

    class Meta:
        ordering = ["article", "country"]
        indexes = [models.Index(fields=["country"], name="articlecountry_country_idx")]
        verbose_name = _("country in the article")
        verbose_name_plural = _("countries in the article")
        constraints = [
            models.UniqueConstraint(fields=["article", "country"], name="articlecountry_unique")
        ]

    def __str__(self):
        return f"{self.article} → {self.country.name}"

    def natural_key(self):
        return (self.article.slug, self.country.code)


class Proposal(models.Model):
    """Something ingestion read in an article, waiting for an editor to accept or reject it."""

    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        ORGANIZATION = "organization", _("organization")
        COUNTRY = "country", _("country")
        EVENT = "event", _("event")
        VISIT = "visit", _("visit")
        MEETING = "meeting", _("meeting")

    class Decision(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveIntegerField(_("position"), default=0)
    data = models.JSONField(_("data"), default=dict, help_text=_("What was read, as extracted."))
    evidence = models.TextField(_("passage"), blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["article", "kind", "position"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "position"], name="proposal_unique_position"
            )
        ]

    def __str__(self):
        label = self.data.get("name") or self.data.get("visitor") or self.evidence[:60]
        return f"{self.get_kind_display()}: {label}"
