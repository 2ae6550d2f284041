"""Columns of an import/export file: natural keys, ISO country codes, uids and partial dates."""

import datetime
import uuid

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from visits import dates
from visits.dates import DatePrecision


class CountryWidget(widgets.CharWidget):
    """A country as its ISO 3166 alpha-2 code."""

    def clean(self, value, row=None, **kwargs):
        return force_str(value or "").strip().upper()

    def render(self, value, obj=None, **kwargs):
        return force_str(getattr(value, "code", value) or "")


class CountriesWidget(widgets.Widget):
    """Several countries as comma-separated ISO codes, e.g. "FR,TR"."""

    def clean(self, value, row=None, **kwargs):
        codes = force_str(value or "").split(",")
        return [code.strip().upper() for code in codes if code.strip()]

    def render(self, value, obj=None, **kwargs):
        return ",".join(country.code for country in value or [])


class UidWidget(widgets.Widget):
    """A record's stable identifier, e.g. "0f8fad5b-d9cb-469f-a165-70867728950e"."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return uuid.UUID(force_str(value).strip())
        except ValueError:
            raise ValueError(_("“%(value)s” is not an identifier.") % {"value": value}) from None


class KeyWidget(widgets.ForeignKeyWidget):
    """A related record by its slug or uid; an unknown key is an error of the row."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return super().clean(force_str(value).strip(), row, **kwargs)
        except (ObjectDoesNotExist, ValidationError, ValueError):
            raise ValueError(
                _("There is no %(model)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": value}
            ) from None

    def render(self, value, obj=None, **kwargs):
        key = super().render(value)
        return "" if key is None else force_str(key)


class KeysWidget(widgets.ManyToManyWidget):
    """Related records as comma-separated slugs; an unknown slug is an error of the row."""

    def clean(self, value, row=None, **kwargs):
        keys = [key.strip() for key in force_str(value or "").split(self.separator)]
        keys = [key for key in keys if key]
        found = self.model.objects.filter(**{f"{self.field}__in": keys})
        missing = set(keys) - {force_str(getattr(record, self.field)) for record in found}
        if missing:
            raise ValueError(
                _("There is no %(model)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": ", ".join(sorted(missing))}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        keys = (force_str(getattr(record, self.field)) for record in value.all())
        return self.separator.join(sorted(keys))


def key_field(name, model, key="slug"):
    """A column holding the natural key of a related record."""
    return fields.Field(attribute=name, column_name=name, widget=KeyWidget(model, field=key))


def keys_field(name, model, key="slug"):
    """A column holding the natural keys of many related records."""
    return fields.Field(attribute=name, column_name=name, widget=KeysWidget(model, field=key))


def country_field(name):
    """A column holding an ISO country code."""
    return fields.Field(attribute=name, column_name=name, widget=CountryWidget())


def countries_field(name):
    """A column holding several ISO country codes."""
    return fields.Field(attribute=name, column_name=name, widget=CountriesWidget())


def uid_field():
    """The uid column; a row without one gets a new identifier."""
    return fields.Field(
        attribute="uid", column_name="uid", widget=UidWidget(), saves_null_values=False
    )


class PartialDateField(fields.Field):
    """A partial date, "2025-11-18", "2025-11" or "2025", that agrees with the row's precision."""

    def __init__(self, attribute, precision="precision"):
        super().__init__(attribute=attribute, column_name=attribute)
        self.precision = precision

    def get_value(self, instance):
        return dates.to_iso(getattr(instance, self.attribute), getattr(instance, self.precision))

    def clean(self, row, **kwargs):
        value = row[self.column_name]
        if value in (None, ""):
            return None, None
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return value, DatePrecision.DAY
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        try:
            return dates.parse_iso(force_str(value))
        except ValidationError as error:
            raise ValueError(*error.messages) from None

    def save(self, instance, row, is_m2m=False, **kwargs):
        value, precision = self.clean(row)
        if precision:
            # The precision column, or else the row's first date, states the precision
            # that every date of the row must be written at.
            stated = row.get(self.precision) or precision
            if precision != stated:
                raise ValueError(
                    _("“%(value)s” is at %(found)s precision, the row says %(stated)s.")
                    % {"value": row[self.column_name], "found": precision, "stated": stated}
                )
            row[self.precision] = stated
            setattr(instance, self.precision, precision)
        setattr(instance, self.attribute, value)
