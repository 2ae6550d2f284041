"""Partial dates: a date with a precision of day, month or year."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


def truncate(value: datetime.date, precision: str) -> datetime.date:
    """The first day of the period that `value` stands for at `precision`."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def matches_precision(value: datetime.date | None, precision: str) -> bool:
    """A partial date is stored as the first day of its period."""
    return value is None or truncate(value, precision) == value


def to_iso(value: datetime.date | None, precision: str) -> str | None:
    """ISO form cut to the precision: "2025-11-18", "2025-11" or "2025"."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def parse_iso(text: str) -> tuple[datetime.date, str]:
    """Read "2025-11-18", "2025-11" or "2025" into a stored date and its precision."""
    text = (text or "").strip()
    try:
        parts = [int(part) for part in text.split("-")]
        if len(parts) == 1 and len(text) == 4:
            return datetime.date(parts[0], 1, 1), DatePrecision.YEAR
        if len(parts) == 2:
            return datetime.date(parts[0], parts[1], 1), DatePrecision.MONTH
        if len(parts) == 3:
            return datetime.date(*parts), DatePrecision.DAY
    except ValueError:
        pass
    raise ValidationError(
        _("“%(value)s” is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY."),
        code="invalid_partial_date",
        params={"value": text},
    )


def humanize(value: datetime.date | None, precision: str) -> str:
    """The date as a reader says it, in the active language: "18 sept. 2025", "novembre 2025"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[value.month]} {value.year}"
    return formats.date_format(value, "DATE_FORMAT")


def precision_errors(precision: str, **dates: datetime.date | None) -> dict[str, ValidationError]:
    """Field errors for the dates that are not the first day of their period."""
    return {
        name: ValidationError(
            _("At %(precision)s precision, the date must be the first day of the %(precision)s."),
            code="precision_mismatch",
            params={"precision": DatePrecision(precision).label},
        )
        for name, value in dates.items()
        if precision in DatePrecision.values and not matches_precision(value, precision)
    }


def precision_constraints(
    prefix: str, *date_fields: str, precision_field: str = "precision"
) -> list[models.CheckConstraint]:
    """Database checks that each partial date is the first day of its period."""
    month = models.Q(**{precision_field: DatePrecision.MONTH})
    year = models.Q(**{precision_field: DatePrecision.YEAR})
    constraints = []
    for field in date_fields:
        is_null = models.Q(**{f"{field}__isnull": True})
        constraints += [
            models.CheckConstraint(
                condition=is_null | ~month | models.Q(**{f"{field}__day": 1}),
                name=f"{prefix}_{field}_month_precision",
            ),
            models.CheckConstraint(
                condition=is_null | ~year | models.Q(**{f"{field}__day": 1, f"{field}__month": 1}),
                name=f"{prefix}_{field}_year_precision",
            ),
        ]
    return constraints
