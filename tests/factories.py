"""factory_boy factories for every model."""

import datetime

import factory
from django.contrib.auth import get_user_model

from newsroom.models import Article, ArticleCountry, ArticleOfficial, ArticleVisit, Outlet
from visits.dates import DatePrecision
from visits.models import (
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


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Direction {n}")
    slug = factory.Sequence(lambda n: f"direction-{n}")
    acronym = factory.Sequence(lambda n: f"D{n}")
    kind = Organization.Kind.POLICE
    country = "MA"


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Official Number {n}")
    slug = factory.Sequence(lambda n: f"official-number-{n}")
    country = "MA"


class OfficialNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialName

    official = factory.SubFactory(OfficialFactory)
    name = factory.Sequence(lambda n: f"Other Name {n}")
    kind = OfficialName.Kind.ALIAS


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    official = factory.SubFactory(OfficialFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = "directeur général"
    start = datetime.date(2015, 1, 1)
    precision = DatePrecision.YEAR


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    name = factory.Sequence(lambda n: f"Security Fair {n}")
    slug = factory.Sequence(lambda n: f"security-fair-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Security Fair edition {n}")
    slug = factory.Sequence(lambda n: f"security-fair-edition-{n}")
    series = factory.SubFactory(EventSeriesFactory)
    city = "Ankara"
    country = "TR"
    start = datetime.date(2024, 9, 19)
    end = datetime.date(2024, 9, 21)
    precision = DatePrecision.DAY
    status = Status.PUBLISHED


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    visitor = factory.SubFactory(OfficialFactory)
    origin_country = "MA"
    host_country = "TR"
    city = "Ankara"
    start = datetime.date(2024, 9, 19)
    end = datetime.date(2024, 9, 21)
    precision = DatePrecision.DAY
    kind = Visit.Kind.WORKING
    status = Status.PUBLISHED


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    visit = factory.SubFactory(VisitFactory)
    date = datetime.date(2024, 9, 20)
    precision = DatePrecision.DAY
    city = "Ankara"
    country = "TR"
    status = Status.PUBLISHED


class MeetingParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingParticipant

    meeting = factory.SubFactory(MeetingFactory)
    official = factory.SubFactory(OfficialFactory)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Le Quotidien {n}")
    slug = factory.Sequence(lambda n: f"le-quotidien-{n}")
    country = "MA"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    outlet = factory.SubFactory(OutletFactory)
    published_on = datetime.date(2024, 9, 20)
    published_precision = DatePrecision.DAY
    body = factory.Sequence(lambda n: f"Texte de l'article numéro {n}.")
    status = Status.PUBLISHED


class ArticleOfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleOfficial

    article = factory.SubFactory(ArticleFactory)
    official = factory.SubFactory(OfficialFactory)


class ArticleVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleVisit

    article = factory.SubFactory(ArticleFactory)
    visit = factory.SubFactory(VisitFactory)


class ArticleCountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleCountry

    article = factory.SubFactory(ArticleFactory)
    country = "TR"
