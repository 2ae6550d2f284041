"""Serializers of the domain, with one representation of what records share.

Countries are ISO codes; officials, events and other named records are written by slug and
read as {slug, name, url}; visits and meetings by id, read as {id, url}; every partial date is
{"value": "2025-11", "precision": "month"}.
"""

import copy
from functools import cache, cached_property
from typing import NamedTuple

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import serializer_fields
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings

from visits import api_links, dates, services
from visits.dates import DatePrecision
from visits.models import (
    EditorialModel,
    Event,
    EventSeries,
    Meeting,
    MeetingParticipant,
    Official,
    OfficialName,
    Organization,
    Position,
    Status,
    Topic,
    Visit,
)
from visits.names import normalize_name

# --- Partial dates ---


class PartialDate(NamedTuple):
    value: object  # datetime.date
    precision: str


class PartialDateSerializer(serializers.Serializer):
    """The documented form of a partial date; PartialDateField reads and writes it."""

    value = serializers.RegexField(
        r"^\d{4}(-\d{2}(-\d{2})?)?$",
        help_text=_("YYYY-MM-DD, YYYY-MM or YYYY, cut to the precision."),
    )
    precision = serializers.ChoiceField(choices=DatePrecision.choices)

    class Meta:
        ref_name = "PartialDate"


@extend_schema_field(PartialDateSerializer)
class PartialDateField(serializers.Field):
    """A partial date as {"value": "2025-11", "precision": "month"}, or null when unknown."""

    default_error_messages = {
        "invalid": _(
            'A partial date is an object like {"value": "2025-11", "precision": "month"}.'
        ),
        "mismatch": _("“{value}” is a date at {form} precision, not at {precision} precision."),
        "precision": _("The precision is one of day, month or year."),
    }

    def __init__(self, *, precision_field: str = "precision", **kwargs):
        self.precision_field = precision_field
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return (
            None if value is None else PartialDate(value, getattr(instance, self.precision_field))
        )

    def to_representation(self, value):
        return {"value": dates.to_iso(value.value, value.precision), "precision": value.precision}

    def to_internal_value(self, data):
        if not isinstance(data, dict) or not isinstance(data.get("value"), str):
            # Not self.fail(): the message's braces are not format fields.
            raise serializers.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            value, form = dates.parse_iso(data["value"])
        except DjangoValidationError as error:
            raise serializers.ValidationError({"value": error.messages}) from error
        precision = data.get("precision")
        if precision not in DatePrecision.values:
            raise serializers.ValidationError({"precision": [self.error_messages["precision"]]})
        if precision != form:
            message = self.error_messages["mismatch"].format(
                value=data["value"],
                form=DatePrecision(form).label,
                precision=DatePrecision(precision).label,
            )
            raise serializers.ValidationError({"precision": [message]})
        return PartialDate(value, precision)


# --- Reading ---

# Fields whose representation of a value is this plain conversion of it.
PLAIN_REPRESENTATIONS = {
    serializers.CharField.to_representation: str,
    serializers.IntegerField.to_representation: int,
}


def direct_attribute(field) -> str | None:
    """The one attribute of the record that `field` reads as it is, else None."""
    if len(field.source_attrs) != 1:
        return None
    if type(field).get_attribute is serializers.Field.get_attribute:
        return field.source_attrs[0]
    # A reference read from its attribute (SlugRefField, IdRefField).
    return getattr(field, "direct_attribute", None)


class DirectReadMixin:
    """Reads each field of a record the way DRF does, with fewer steps for plain attributes.

    A field that reads one attribute of the record (`source` a name, no `get_attribute` of its
    own) is read with `getattr`, and a text or an integer is converted without a call to the
    field; every other field, and every attribute that is a method, is read through the field.
    The representation is the same; a list of 20 visits reads about 3,000 attributes.
    """

    def to_representation(self, instance):
        representation = {}
        for name, attribute, field, convert in self._read_plan:
            try:
                value = getattr(instance, attribute) if attribute else field
            except ObjectDoesNotExist:
                value = None
            except AttributeError:
                value = field
            if value is field or callable(value):
                # DRF's way: a method called, a missing attribute skipped or defaulted.
                try:
                    value = field.get_attribute(instance)
                except serializers.SkipField:
                    continue
                if isinstance(value, PKOnlyObject) and value.pk is None:
                    value = None
                convert = field.to_representation
            representation[name] = None if value is None else convert(value)
        return representation

    @cached_property
    def _read_plan(self) -> list:
        """(name, attribute or None, field, conversion) of each readable field, once a
        serializer (its fields are built once)."""
        return [
            (
                field.field_name,
                direct_attribute(field),
                field,
                PLAIN_REPRESENTATIONS.get(type(field).to_representation, field.to_representation),
            )
            for field in self._readable_fields
        ]


class FieldsOnceMixin:
    """A ModelSerializer whose fields read from the model are built once a class, then copied.

    Building them asks the model about each field, and a country's choices are some 250
    translated names: a millisecond a serializer, several a request. Simple fields (no related
    record, no nested serializer) are copied as they are, before being bound to their
    serializer; declared fields are copied DRF's way, anew each time.
    """

    def get_fields(self):
        # Per language: choices hold translated names.
        by_language = type(self).__dict__.get("_field_prototypes")
        if by_language is None:
            by_language = {}
            type(self)._field_prototypes = by_language
        prototypes = by_language.get(translation.get_language())
        if prototypes is None:
            fields = super().get_fields()
            declared = self._declared_fields.keys()
            # Unbound copies, made before the serializer binds the fields it returns; a
            # declared field is copied anew, and any other is built anew (REBUILT).
            by_language[translation.get_language()] = {
                name: DECLARED if name in declared else prototype(field)
                for name, field in fields.items()
            }
            return fields
        if REBUILT in prototypes.values():
            fields = super().get_fields()
        else:
            fields = copy.deepcopy(self._declared_fields)
        return {
            name: fields[name] if prototype in (DECLARED, REBUILT) else copy.copy(prototype)
            for name, prototype in prototypes.items()
        }


# How FieldsOnceMixin makes a field it does not copy.
DECLARED, REBUILT = "declared", "rebuilt"


def prototype(field):
    """A copy of a field that holds no other field nor a related record (copied, it shares
    nothing that is bound or changed), else REBUILT."""
    nested = (serializers.BaseSerializer, serializers.RelatedField, serializers.ManyRelatedField)
    return REBUILT if isinstance(field, nested) else copy.copy(field)


@cache
def known_codes(countries) -> frozenset:
    """The codes of `countries`, in every language the same."""
    return frozenset(code for code, _name in countries)


class CountryCodeField(serializer_fields.CountryField):
    """A country shown as its code; a stored country, already one of the known codes, is
    shown without looking it up again (the lookup, per language, cost a millisecond a list)."""

    def to_representation(self, obj):
        code = getattr(obj, "code", None)
        plain = not (self.country_dict or self.name_only)
        if plain and isinstance(code, str) and code in known_codes(self.countries):
            return code
        return super().to_representation(obj)


# --- References to related records ---


class RefSerializer(serializers.Serializer):
    """How a named record is shown where another refers to it."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField()

    class Meta:
        ref_name = "Ref"


class IdRefSerializer(serializers.Serializer):
    """How a visit or a meeting is shown where another record refers to it."""

    id = serializers.IntegerField()
    url = serializers.URLField()

    class Meta:
        ref_name = "IdRef"


def api_url(view_name: str, value, request) -> str:
    return api_links.api_url(f"api:{view_name}", value, request)


class SelfLinkField(serializers.HyperlinkedIdentityField):
    """The record's own URL in the API, its route reversed once a request."""

    def get_url(self, obj, view_name, request, format):
        if format or obj.pk is None:
            return super().get_url(obj, view_name, request, format)
        return api_links.api_url(view_name, getattr(obj, self.lookup_field), request)


def self_link(view_name: str, lookup_field: str = "pk") -> serializers.HyperlinkedIdentityField:
    """The record's own URL in the API."""
    return SelfLinkField(view_name=f"api:{view_name}", lookup_field=lookup_field)


class VisibleAttributeMixin:
    """Reads the related record from the attribute for_api() filled with the visible one."""

    def __init__(self, *, visible_attr: str | None = None, **kwargs):
        self.visible_attr = visible_attr
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        if self.visible_attr and hasattr(instance, self.visible_attr):
            return getattr(instance, self.visible_attr)
        return super().get_attribute(instance)

    @property
    def direct_attribute(self) -> str | None:
        """The attribute read as it is (see DirectReadMixin), if no visible one stands first
        and the reference shows more than its key."""
        plain = not self.visible_attr and not self.use_pk_only_optimization()
        return self.source_attrs[0] if plain else None


class SlugRefField(VisibleAttributeMixin, serializers.SlugRelatedField):
    """A related record, written by slug and read as {slug, name, url}."""

    default_error_messages = {"does_not_exist": _("No {model} has the slug “{value}”.")}

    def __init__(self, view_name: str, **kwargs):
        self.view_name = view_name
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    def use_pk_only_optimization(self):
        return False

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        queryset = self.get_queryset()
        try:
            return queryset.get(slug=data)
        except queryset.model.DoesNotExist:
            self.fail("does_not_exist", model=queryset.model._meta.verbose_name, value=data)

    def to_representation(self, obj):
        request = self.context.get("request")
        return {
            "slug": obj.slug,
            "name": obj.name,
            "url": api_url(self.view_name, obj.slug, request),
        }


class IdRefField(VisibleAttributeMixin, serializers.PrimaryKeyRelatedField):
    """A related visit or meeting, written by id and read as {id, url}."""

    def __init__(self, view_name: str, **kwargs):
        self.view_name = view_name
        super().__init__(**kwargs)

    def use_pk_only_optimization(self):
        return False

    def to_internal_value(self, data):
        try:
            pk = int(data) if isinstance(data, (int, str)) and not isinstance(data, bool) else None
        except ValueError:
            pk = None
        if pk is None:
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 0 < pk < 2**63:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(pk)

    def to_representation(self, obj):
        return {"id": obj.pk, "url": api_url(self.view_name, obj.pk, self.context.get("request"))}


class SlugRefFieldSchema(OpenApiSerializerFieldExtension):
    target_class = SlugRefField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "description": "slug"}
        return auto_schema.resolve_serializer(RefSerializer, direction).ref


class IdRefFieldSchema(OpenApiSerializerFieldExtension):
    target_class = IdRefField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "integer", "description": "id"}
        return auto_schema.resolve_serializer(IdRefSerializer, direction).ref


@extend_schema_field({"type": "string", "format": "uri", "nullable": True, "readOnly": True})
class PageUrlField(serializers.Field):
    """The record's public page, or null where the site has none."""

    def __init__(self, view_name: str, lookup_field: str = "pk", **kwargs):
        self.view_name = view_name
        self.lookup_field = lookup_field
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, obj):
        key = getattr(obj, self.lookup_field)
        request = self.context.get("request")
        try:
            if request is None:
                return reverse(self.view_name, args=[key])
            # The route reversed once a request, in the request's language.
            return api_links.api_url(self.view_name, key, request)
        except NoReverseMatch:
            return None


class ArticleRefSerializer(DirectReadMixin, serializers.Serializer):
    """An article where a record cites it as a source."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    page_url = PageUrlField("article-detail", "slug")

    def get_url(self, article) -> str:
        return api_url("article-detail", article.slug, self.context.get("request"))


class SourceSerializer(DirectReadMixin, serializers.Serializer):
    """An article that reports the record, with the passage that says so."""

    article = ArticleRefSerializer()
    quote = serializers.CharField()


# --- The base of every record's serializer ---


def child_id(what) -> serializers.IntegerField:
    """The id of a nested record: given on write to keep and change it, left out for a new one."""
    return serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text=_("On write, the id of a %(what)s to keep; leave out for a new one.")
        % {"what": what},
    )


def publish_permission(model) -> str:
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def check_publish(user, model, old_status, new_status) -> None:
    """Moving a record to or from published takes the model's publish permission."""
    if old_status == new_status or Status.PUBLISHED not in (old_status, new_status):
        return
    if not user.has_perm(publish_permission(model)):
        raise PermissionDenied(
            _("Publishing or unpublishing a %(model)s needs the permission “%(permission)s”.")
            % {"model": model._meta.verbose_name, "permission": publish_permission(model)}
        )


class ReadingModelSerializer(FieldsOnceMixin, DirectReadMixin, serializers.ModelSerializer):
    """A ModelSerializer with the API's faster reading: fields built once, attributes read
    directly."""


class RecordSerializer(CountryFieldMixin, ReadingModelSerializer):
    """Runs the model's own checks (clean() and constraints) so that they come back as 400s.

    A nested serializer names in `clean_exclude` the link to its parent, not set yet.
    """

    clean_exclude: tuple[str, ...] = ()
    # Nested lists written with the record: their source -> the record's related manager.
    children: dict[str, str] = {}

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if field_class is serializer_fields.CountryField:
            field_class = CountryCodeField
        return field_class, kwargs

    def current_instance(self, attrs):
        """The record being changed, or None for a new one."""
        return self.instance

    def validate(self, attrs):
        attrs = super().validate(attrs)
        current = self.current_instance(attrs)
        attrs = self.split_partial_dates(attrs, current)
        model = self.Meta.model
        if issubclass(model, EditorialModel) and "status" in attrs:
            old = current.status if current is not None else None
            check_publish(self.context["request"].user, model, old, attrs["status"])
        self.validate_children(attrs, current)
        self.clean_model(attrs, current)
        return attrs

    def validate_children(self, attrs, current):
        """A nested item with an id must be one of the record's own."""
        for source, related in self.children.items():
            known = {child.pk for child in getattr(current, related).all()} if current else set()
            strangers = [item["id"] for item in attrs.get(source, []) if item.get("id")]
            strangers = [pk for pk in strangers if pk not in known]
            if strangers:
                name = next(n for n, f in self.fields.items() if f.source == source)
                message = _("%(id)s is not the id of one of its %(items)s.")
                raise serializers.ValidationError(
                    {name: message % {"id": strangers[0], "items": name.replace("_", " ")}}
                )

    def partial_date_fields(self):
        return [
            (name, field)
            for name, field in self.fields.items()
            if isinstance(field, PartialDateField) and not field.read_only
        ]

    def split_partial_dates(self, attrs, current):
        """Partial dates become their date and their precision; dates sharing one must agree."""
        chosen: dict[str, str] = {}
        errors = {}
        fields = self.partial_date_fields()
        for name, field in fields:
            partial = attrs.get(field.source)
            if field.source in attrs:
                attrs[field.source] = partial.value if partial else None
            if partial is None:
                continue
            if chosen.setdefault(field.precision_field, partial.precision) != partial.precision:
                errors[name] = _("A start and an end share one precision.")
            if current is None or errors:
                continue
            for other_name, other in fields:
                if other.precision_field != field.precision_field or other.source in attrs:
                    continue
                stored = getattr(current, other.source)
                if stored is not None and getattr(current, other.precision_field) != (
                    partial.precision
                ):
                    message = _("A start and an end share one precision: give the %(other)s too.")
                    errors[name] = message % {"other": other_name}
        if errors:
            raise serializers.ValidationError(errors)
        attrs.update(chosen)
        return attrs

    def clean_model(self, attrs, current):
        model = self.Meta.model
        instance = copy.copy(current) if current is not None else model()
        for key, value in attrs.items():
            try:
                field = model._meta.get_field(key)
            except FieldDoesNotExist:
                continue
            if field.concrete and not field.many_to_many and not field.primary_key:
                setattr(instance, field.name, value)
        exclude = [field.name for field in model._meta.fields if not field.editable]
        exclude = [*exclude, *self.clean_exclude]
        try:
            # Constraints after clean(), so that a rule broken is told once, in clean()'s words.
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
            instance.validate_constraints(exclude=exclude)
        except DjangoValidationError as error:
            raise serializers.ValidationError(self.api_errors(error)) from error

    def api_errors(self, error: DjangoValidationError) -> dict:
        """The model's errors under the names the API gives its fields."""
        names = {"__all__": api_settings.NON_FIELD_ERRORS_KEY}
        for name, field in list(self.fields.items())[::-1]:
            names[field.source] = name
            if isinstance(field, PartialDateField):
                names[field.precision_field] = name
        return {names.get(key, key): messages for key, messages in error.message_dict.items()}


# --- Officials and organizations ---


class OrganizationSerializer(RecordSerializer):
    url = self_link("organization-detail", "slug")
    parent = SlugRefField(
        "organization-detail", queryset=Organization.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Organization
        fields = ["id", "slug", "url", "name", "acronym", "kind", "country", "parent", "summary"]


class OfficialNameSerializer(RecordSerializer):
    id = child_id(_("name"))
    clean_exclude = ("official",)

    class Meta:
        model = OfficialName
        fields = ["id", "name", "kind", "note"]


class PositionSerializer(RecordSerializer):
    id = child_id(_("post"))
    organization = SlugRefField(
        "organization-detail", queryset=Organization.objects.all(), required=False, allow_null=True
    )
    start = PartialDateField()
    end = PartialDateField()
    clean_exclude = ("official",)

    class Meta:
        model = Position
        fields = ["id", "uid", "organization", "title", "start", "end"]


class OfficialSerializer(RecordSerializer):
    """An official with every name they go by and the posts they hold.

    On write, `other_names` and `positions`, when given, become the official's whole list:
    items with an id are kept and changed, items without one are added, the others removed.
    """

    url = self_link("official-detail", "slug")
    page_url = PageUrlField("official-detail", "slug")
    other_names = OfficialNameSerializer(many=True, required=False)
    positions = PositionSerializer(many=True, required=False)
    children = {"other_names": "other_names", "positions": "positions"}

    class Meta:
        model = Official
        fields = [
            "id",
            "slug",
            "url",
            "page_url",
            "name",
            "other_names",
            "country",
            "summary",
            "wikidata_id",
            "positions",
        ]

    def validate_other_names(self, names):
        seen = set()
        for name in names:
            normalized = normalize_name(name["name"])
            if normalized in seen:
                raise serializers.ValidationError(_("“%(name)s” is given twice.") % name)
            seen.add(normalized)
        return names

    def create(self, validated_data):
        other_names = validated_data.pop("other_names", None)
        positions = validated_data.pop("positions", None)
        return services.official_create(
            data=validated_data, other_names=other_names, positions=positions
        )

    def update(self, instance, validated_data):
        other_names = validated_data.pop("other_names", None)
        positions = validated_data.pop("positions", None)
        return services.official_update(
            official=instance, data=validated_data, other_names=other_names, positions=positions
        )


# --- Topics and events ---


class TopicSerializer(RecordSerializer):
    url = self_link("topic-detail", "slug")

    class Meta:
        model = Topic
        fields = ["id", "slug", "url", "name", "description"]


class EventSeriesSerializer(RecordSerializer):
    url = self_link("eventseries-detail", "slug")
    organizer = SlugRefField(
        "organization-detail", queryset=Organization.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = EventSeries
        fields = ["id", "slug", "url", "name", "acronym", "kind", "organizer", "description"]


class EventSerializer(RecordSerializer):
    url = self_link("event-detail", "slug")
    page_url = PageUrlField("event-detail", "slug")
    series = SlugRefField(
        "eventseries-detail", queryset=EventSeries.objects.all(), required=False, allow_null=True
    )
    organizer = SlugRefField(
        "organization-detail", queryset=Organization.objects.all(), required=False, allow_null=True
    )
    start = PartialDateField()
    end = PartialDateField()
    sources = SourceSerializer(many=True, read_only=True, source="api_sources")

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "url",
            "page_url",
            "status",
            "name",
            "series",
            "edition",
            "kind",
            "start",
            "end",
            "city",
            "country",
            "co_host_countries",
            "organizer",
            "summary",
            "sources",
        ]


# --- Visits and meetings ---


class MeetingParticipantSerializer(RecordSerializer):
    """A named official, or an unnamed counterpart known by country, organization and role."""

    id = child_id(_("participant"))
    official = SlugRefField(
        "official-detail", queryset=Official.objects.all(), required=False, allow_null=True
    )
    organization = SlugRefField(
        "organization-detail", queryset=Organization.objects.all(), required=False, allow_null=True
    )
    clean_exclude = ("meeting",)

    class Meta:
        model = MeetingParticipant
        fields = ["id", "uid", "official", "country", "organization", "role", "title"]


class MeetingSerializer(RecordSerializer):
    """A meeting with who took part.

    On write, `participants`, when given, become the meeting's whole list: items with an id
    are kept and changed, items without one are added, the others removed.
    """

    url = self_link("meeting-detail")
    visit = IdRefField(
        "visit-detail",
        queryset=Visit.objects.all(),
        visible_attr="api_visit",
        required=False,
        allow_null=True,
    )
    date = PartialDateField()
    topics = SlugRefField("topic-detail", queryset=Topic.objects.all(), many=True, required=False)
    participants = MeetingParticipantSerializer(many=True, required=False)
    children = {"participants": "participants"}
    sources = SourceSerializer(many=True, read_only=True, source="api_sources")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "uid",
            "url",
            "status",
            "visit",
            "date",
            "city",
            "country",
            "summary",
            "topics",
            "participants",
            "sources",
        ]

    def validate_participants(self, participants):
        officials = [item["official"] for item in participants if item.get("official")]
        if len(officials) != len(set(officials)):
            raise serializers.ValidationError(_("An official takes part in a meeting once."))
        return participants

    def create(self, validated_data):
        topics = validated_data.pop("topics", None)
        participants = validated_data.pop("participants", None)
        return services.meeting_create(
            data=validated_data, topics=topics, participants=participants
        )

    def update(self, instance, validated_data):
        topics = validated_data.pop("topics", None)
        participants = validated_data.pop("participants", None)
        return services.meeting_update(
            meeting=instance, data=validated_data, topics=topics, participants=participants
        )


class NestedMeetingSerializer(MeetingSerializer):
    """A meeting of a visit, written with it."""

    id = child_id(_("meeting"))
    clean_exclude = ("visit",)

    class Meta(MeetingSerializer.Meta):
        fields = [name for name in MeetingSerializer.Meta.fields if name != "visit"]

    def current_instance(self, attrs):
        visit = self.root.instance
        if visit is None or "id" not in attrs:
            return None
        return visit.meetings.filter(pk=attrs["id"]).first()


class VisitSerializer(RecordSerializer):
    """A visit with its meetings and their participants, written in one transaction.

    On write, `meetings`, when given, are added (items without an id) or changed (items with
    the id of one of the visit's meetings); meetings left out are kept, and are deleted through
    their own endpoint.
    """

    url = self_link("visit-detail")
    page_url = PageUrlField("visit-detail")
    visitor = SlugRefField("official-detail", queryset=Official.objects.all())
    delegation = SlugRefField(
        "official-detail", queryset=Official.objects.all(), many=True, required=False
    )
    event = SlugRefField(
        "event-detail",
        queryset=Event.objects.all(),
        visible_attr="api_event",
        required=False,
        allow_null=True,
    )
    inviting_organization = SlugRefField(
        "organization-detail", queryset=Organization.objects.all(), required=False, allow_null=True
    )
    start = PartialDateField()
    end = PartialDateField()
    meetings = NestedMeetingSerializer(many=True, required=False, source="api_meetings")
    children = {"api_meetings": "meetings"}
    sources = SourceSerializer(many=True, read_only=True, source="api_sources")

    class Meta:
        model = Visit
        fields = [
            "id",
            "uid",
            "url",
            "page_url",
            "status",
            "visitor",
            "delegation",
            "origin_country",
            "host_country",
            "city",
            "start",
            "end",
            "kind",
            "event",
            "invited_by",
            "inviting_organization",
            "summary",
            "meetings",
            "sources",
        ]

    def validate_api_meetings(self, meetings):
        user = self.context["request"].user
        needed = {"visits.change_meeting" for item in meetings if "id" in item}
        needed |= {"visits.add_meeting" for item in meetings if "id" not in item}
        if not user.has_perms(needed):
            raise PermissionDenied(_("Writing the meetings of a visit needs meeting permissions."))
        return meetings

    def create(self, validated_data):
        delegation = validated_data.pop("delegation", None)
        meetings = validated_data.pop("api_meetings", None)
        return services.visit_create(data=validated_data, delegation=delegation, meetings=meetings)

    def update(self, instance, validated_data):
        delegation = validated_data.pop("delegation", None)
        meetings = validated_data.pop("api_meetings", None)
        return services.visit_update(
            visit=instance, data=validated_data, delegation=delegation, meetings=meetings
        )


# --- Countries ---


class CountrySerializer(serializers.Serializer):
    """A country with its names and how many visible visits it received and made."""

    code = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))
    url = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()
    name_en = serializers.CharField()
    name_fr = serializers.CharField()
    visits_to = serializers.IntegerField(help_text=_("Visits it hosted."))
    visits_from = serializers.IntegerField(help_text=_("Visits made from it."))

    def get_url(self, country) -> str:
        return api_url("country-detail", country["code"], self.context.get("request"))

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_page_url(self, country) -> str | None:
        try:
            path = reverse("country-detail", args=[country["code"]])
        except NoReverseMatch:
            return None
        return self.context["request"].build_absolute_uri(path)


class CountryQuerySerializer(serializers.Serializer):
    """The parameters of the country list."""

    ORDERINGS = ["code", "name_en", "name_fr", "visits_to", "visits_from"]

    search = serializers.CharField(
        required=False, help_text=_("Part of the code or of the French or English name.")
    )
    ordering = serializers.ChoiceField(
        choices=[*ORDERINGS, *(f"-{name}" for name in ORDERINGS)], required=False, default="code"
    )
