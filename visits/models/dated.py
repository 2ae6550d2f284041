"""Records dated by a range of partial dates: start, end and one precision."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from visits import dates
from visits.dates import DatePrecision


class DateRangeModel(models.Model):
    """A start and an optional end, both at the same precision (day, month or year)."""

    start = models.DateField(
        _("start"),
        null=True,
        blank=True,
        help_text=_("At month or year precision, the first day of the month or year."),
    )
    end = models.DateField(_("end"), null=True, blank=True)
    precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("“en novembre 2025” is November 2025 at month precision, not the 1st."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=models.F("start")),
                name="%(app_label)s_%(class)s_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=False),
                name="%(app_label)s_%(class)s_end_needs_start",
            ),
            *dates.precision_constraints("%(app_label)s_%(class)s", "start", "end"),
        ]

    def clean(self):
        super().clean()
        errors = dates.precision_errors(self.precision, start=self.start, end=self.end)
        if self.end and not self.start:
            errors.setdefault("start", ValidationError(_("A record with an end needs a start.")))
        if self.start and self.end and self.end < self.start:
            errors.setdefault("end", ValidationError(_("The end cannot be before the start.")))
        if errors:
            raise ValidationError(errors)

    @property
    def start_iso(self) -> str | None:
        return dates.to_iso(self.start, self.precision)

    @property
    def end_iso(self) -> str | None:
        return dates.to_iso(self.end, self.precision)

    @property
    def dates_display(self) -> str:
        """The range as a reader says it: "19 sept. 2024 – 21 sept. 2024", "novembre 2025"."""
        start = dates.humanize(self.start, self.precision)
        end = dates.humanize(self.end, self.precision)
        return f"{start} – {end}" if end and end != start else start
