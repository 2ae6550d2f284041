"""What each proposal read, as the labelled facts the review page shows an editor."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from newsroom.ingest.proposals import partial_date
from newsroom.models import ArticleCountry, Proposal
from visits.dates import DatePrecision, humanize
from visits.models import Event, Official, Visit

Kind = Proposal.Kind

# The kinds in the order an editor decides them: people before the visits that cite them.
KIND_HEADINGS = {
    Kind.PERSON: _("People"),
    Kind.ORGANIZATION: _("Organizations"),
    Kind.COUNTRY: _("Countries"),
    Kind.EVENT: _("Events"),
    Kind.VISIT: _("Visits"),
    Kind.MEETING: _("Meetings"),
}
# The kinds whose names ingestion matched to records, under which key of their data.
MATCHED = {
    Kind.PERSON: ("official", _("not found: accepting creates the official")),
    Kind.EVENT: ("event", _("not found: accepting creates the event")),
}
PERSON_ROLES = {
    "visitor": _("visitor"),
    "delegation": _("member of the delegation"),
    "met": _("met"),
    "mentioned": _("mentioned"),
}


@dataclass(frozen=True)
class Fact:
    """One thing read in the text: a label, a value, and the record it names if known."""

    label: str
    value: str
    url: str = ""


@dataclass
class Row:
    """A proposal with its facts and the record it became, for the review page."""

    proposal: Proposal
    label: str
    facts: list[Fact] = field(default_factory=list)
    record_url: str = ""


@dataclass
class Group:
    kind: str
    heading: str
    rows: list[Row]


def admin_url(record) -> str:
    """The admin page of a record, or "" where it has none."""
    opts = record._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return ""


def country_name(code: str | None) -> str:
    return str(countries.name(code) or code) if code else ""


def proposal_label(proposal: Proposal) -> str:
    """A short name for what a proposal stands for: a person, a visit, a meeting."""
    data = proposal.data
    if proposal.kind == Kind.COUNTRY:
        return country_name(data.get("code"))
    if proposal.kind == Kind.VISIT:
        host = country_name(data.get("host_country"))
        return " → ".join(part for part in (data.get("visitor") or "", host) if part)
    if proposal.kind == Kind.MEETING:
        return " · ".join(participant_name(p) for p in data.get("participants", []))
    return data.get("name") or proposal.evidence[:60]


def participant_name(participant) -> str:
    """A named participant, or the role and country of an unnamed counterpart."""
    if isinstance(participant, dict):
        country = country_name(participant.get("country"))
        role = participant.get("role") or _("counterpart")
        return f"{role} ({country})" if country else str(role)
    return str(participant)


def dates(start: str | None, end: str | None = None) -> str:
    """A partial date or a range, as a reader says it."""
    first, precision = partial_date(start)
    last, last_precision = partial_date(end)
    shown = [humanize(first, precision), humanize(last, last_precision) if first else ""]
    return " – ".join(part for part in shown if part)


def precision_label(data: dict) -> str:
    value = data.get("precision")
    return str(DatePrecision(value).label) if value in DatePrecision.values else ""


def choice_label(choices, value) -> str:
    return str(dict(choices.choices).get(value, value or ""))


class Reviewer:
    """Facts for the proposals of one article, with the known records looked up once."""

    def __init__(self, proposals):
        self.proposals = list(proposals)
        self.records = {
            key: model.objects.in_bulk(
                {_ref_slug(p.data, key) for p in self.proposals} - {""}, field_name="slug"
            )
            for key, model in (("official", Official), ("event", Event))
        }

    def groups(self) -> list[Group]:
        rows = {kind: [] for kind in KIND_HEADINGS}
        for proposal in sorted(self.proposals, key=lambda p: p.position):
            rows[proposal.kind].append(self.row(proposal))
        return [
            Group(kind=kind, heading=KIND_HEADINGS[kind], rows=rows[kind])
            for kind in KIND_HEADINGS
            if rows[kind]
        ]

    def row(self, proposal: Proposal) -> Row:
        facts = getattr(self, f"{proposal.kind}_facts")(proposal.data)
        target = proposal.target if proposal.decision == Proposal.Decision.ACCEPTED else None
        if target is None:
            facts += self.known(proposal)
        return Row(
            proposal=proposal,
            label=proposal_label(proposal),
            facts=[fact for fact in facts if fact.value],
            record_url=admin_url(target) if target is not None else "",
        )

    def known(self, proposal: Proposal) -> list[Fact]:
        """Before a decision: the record the text's name was matched to, or that none was."""
        if proposal.kind not in MATCHED:
            return []
        key, missing = MATCHED[proposal.kind]
        record = self.records[key].get(_ref_slug(proposal.data, key))
        if record is None:
            return [Fact(_("in the database"), str(missing))]
        return [Fact(_("in the database"), str(record), admin_url(record))]

    def person_facts(self, data: dict) -> list[Fact]:
        return [
            Fact(_("name"), data.get("name") or ""),
            Fact(_("title"), data.get("title") or ""),
            Fact(_("organization"), data.get("organization") or ""),
            Fact(_("country"), country_name(data.get("country"))),
            Fact(_("role in the text"), str(PERSON_ROLES.get(data.get("role"), data.get("role")))),
        ]

    def organization_facts(self, data: dict) -> list[Fact]:
        return [
            Fact(_("name"), data.get("name") or ""),
            Fact(_("acronym"), data.get("acronym") or ""),
            Fact(_("country"), country_name(data.get("country"))),
        ]

    def country_facts(self, data: dict) -> list[Fact]:
        return [
            Fact(_("country"), country_name(data.get("code"))),
            Fact(_("role"), choice_label(ArticleCountry.Role, data.get("role"))),
        ]

    def event_facts(self, data: dict) -> list[Fact]:
        return [
            Fact(_("name"), data.get("name") or ""),
            Fact(_("series"), data.get("series") or ""),
            Fact(_("dates"), dates(data.get("start"), data.get("end"))),
            Fact(_("precision"), precision_label(data)),
            Fact(_("city"), data.get("city") or ""),
            Fact(_("country"), country_name(data.get("country"))),
        ]

    def visit_facts(self, data: dict) -> list[Fact]:
        return [
            Fact(_("visitor"), data.get("visitor") or ""),
            Fact(_("host country"), country_name(data.get("host_country"))),
            Fact(_("city"), data.get("city") or ""),
            Fact(_("dates"), dates(data.get("start"), data.get("end"))),
            Fact(_("precision"), precision_label(data)),
            Fact(_("kind"), choice_label(Visit.Kind, data.get("kind"))),
            Fact(_("event"), data.get("event") or ""),
        ]

    def meeting_facts(self, data: dict) -> list[Fact]:
        participants = [participant_name(p) for p in data.get("participants", [])]
        return [
            Fact(_("participants"), ", ".join(participants)),
            Fact(_("date"), dates(data.get("date"))),
            Fact(_("city"), data.get("city") or ""),
            Fact(_("country"), country_name(data.get("country"))),
        ]


def _ref_slug(data: dict, key: str) -> str:
    ref = data.get(key)
    return (ref.get("slug") or "") if isinstance(ref, dict) else ""
