"""Organizations, officials, their other names and the posts they hold."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from visits.models.dated import DateRangeModel
from visits.models.editorial import SlugManager, Status, UidManager, UidModel
from visits.names import normalize_name


class Organization(models.Model):
    class Kind(models.TextChoices):
        POLICE = "police", _("police")
        INTELLIGENCE = "intelligence", _("intelligence")
        MINISTRY = "ministry", _("ministry")
        GOVERNMENT = "government", _("government")
        MILITARY = "military", _("military")
        INTERNATIONAL = "international", _("international organization")
        JUDICIARY = "judiciary", _("judiciary")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = CountryField(
        _("country"), blank=True, help_text=_("Empty for an international organization.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The body this one belongs to, e.g. the DGSN-DGST pole."),
    )
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("An organization cannot be its own parent.")})
            ancestor = ancestor.parent


def named_by_published_record() -> Exists:
    """Officials that a published article, visit (as visitor or delegate) or meeting names.

    One EXISTS over the four references, each an indexed foreign key, stops at the first
    published record. Four EXISTS joined by OR would let PostgreSQL hash every reference in
    the database before it returns the first official.
    """
    published = Status.PUBLISHED
    opts = Official._meta
    article_links = opts.get_field("article_links").related_model
    visits = opts.get_field("visits").related_model
    delegations = opts.get_field("delegation_visits").through
    participations = opts.get_field("meeting_participations").related_model
    official = OuterRef("pk")
    references = [
        article_links.objects.filter(official=official, article__status=published),
        visits.objects.filter(visitor=official, status=published),
        delegations.objects.filter(official=official, visit__status=published),
        participations.objects.filter(official=official, meeting__status=published),
    ]
    first, *others = [reference.values_list(Value(1)) for reference in references]
    return Exists(first.union(*others, all=True))


class OfficialQuerySet(models.QuerySet):
    def matching(self, name: str):
        """Officials whose canonical or other name normalizes like `name`, canonical first."""
        normalized = normalize_name(name)
        if not normalized:
            return self.none()
        return (
            self.filter(Q(name_normalized=normalized) | Q(other_names__normalized=normalized))
            .annotate(
                canonical_match=models.Case(
                    models.When(name_normalized=normalized, then=0),
                    default=1,
                    output_field=models.IntegerField(),
                )
            )
            .order_by("canonical_match", "name")
            .distinct()
        )

    def visible_to(self, user):
        """All officials for editors; for the public, those a published record names."""
        if user is not None and user.is_active and user.has_perm("visits.view_official"):
            return self.all()
        return self.filter(named_by_published_record())

    def search(self, text: str):
        """Officials any of whose names contains `text`, ignoring case and accents."""
        normalized = normalize_name(text)
        if not normalized:
            return self.all()
        other_names = OfficialName.objects.filter(
            official=OuterRef("pk"), normalized__contains=normalized
        )
        return self.filter(Q(name_normalized__contains=normalized) | Exists(other_names))

    def named(self, text: str):
        """Officials of this queryset with a name containing `text`, those few read first.

        Written as a subquery, the list would test whether the public may see each official
        in name order before looking at their names: 2,000 tests to find 17 names.
        """
        matching = self.model._default_manager.search(text).order_by().values_list("pk", flat=True)
        ids = list(matching[: NAMED_IDS_MAX + 1])
        return self.filter(pk__in=matching if len(ids) > NAMED_IDS_MAX else ids)

    def for_listing(self):
        """The joins a list of officials shows: other names, positions and their organizations."""
        return self.prefetch_related(
            "other_names",
            Prefetch("positions", queryset=Position.objects.select_related("organization")),
        )

    def for_api(self, viewer):
        """The joins of the API's officials: other names, and posts in a stable order."""
        positions = Position.objects.select_related("organization").order_by("-start", "pk")
        return self.prefetch_related("other_names", Prefetch("positions", queryset=positions))


# Officials a name search reads as a list of ids; a broader search stays a subquery.
NAMED_IDS_MAX = 1000


class OfficialManager(SlugManager.from_queryset(OfficialQuerySet)):
    pass


wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata id looks like Q42."))


class Official(models.Model):
    name = models.CharField(_("canonical name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    name_normalized = models.CharField(max_length=255, db_index=True, editable=False)
    country = CountryField(_("country"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    wikidata_id = models.CharField(
        _("Wikidata id"), max_length=20, blank=True, validators=[wikidata_id_validator]
    )
    history = HistoricalRecords()

    objects = OfficialManager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="official_name_idx"),
            models.Index(fields=["country", "name"], name="official_country_name_idx"),
        ]
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="official_unique_wikidata_id",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_normalized = normalize_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("official-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class OfficialNameManager(models.Manager):
    def get_by_natural_key(self, official_slug, name):
        return self.get(official__slug=official_slug, name=name)


class OfficialName(models.Model):
    class Kind(models.TextChoices):
        ALIAS = "alias", _("alias")
        MISSPELLING = "misspelling", _("misspelling")
        TRANSLITERATION = "transliteration", _("transliteration")
        FORMER = "former", _("former name")

    official = models.ForeignKey(
        Official,
        verbose_name=_("official"),
        on_delete=models.CASCADE,
        related_name="other_names",
    )
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ALIAS)
    normalized = models.CharField(max_length=255, db_index=True, editable=False)
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    objects = OfficialNameManager()

    class Meta:
        ordering = ["official", "name"]
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        constraints = [
            models.UniqueConstraint(
                fields=["official", "normalized"], name="officialname_unique_per_official"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        self.normalized = normalize_name(self.name)
        duplicates = OfficialName.objects.filter(
            official_id=self.official_id, normalized=self.normalized
        ).exclude(pk=self.pk)
        if self.official_id and duplicates.exists():
            raise ValidationError(
                {"name": _("This official already has this name, whatever its case or accents.")}
            )

    def natural_key(self):
        return (*self.official.natural_key(), self.name)

    natural_key.dependencies = ["visits.official"]


class Position(UidModel, DateRangeModel):
    """A title held in an organization, from a date to a date."""

    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.CASCADE, related_name="positions"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
    )
    title = models.CharField(_("title"), max_length=255)
    history = HistoricalRecords()

    objects = UidManager()

    class Meta(DateRangeModel.Meta):
        ordering = ["official", "-start"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self):
        where = f", {self.organization}" if self.organization_id else ""
        return f"{self.official}: {self.title}{where}"
