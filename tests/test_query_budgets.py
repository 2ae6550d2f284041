"""Every public page, feed and API list runs as many queries on a corpus five times larger.

The corpora come from the generator the scale benchmark uses; the records asked for by name
are the seed fixture's, present at both sizes.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.corpus import corpus_generate
from visits.models import Visit

pytestmark = pytest.mark.django_db

SMALL, LARGE = 60, 300

# The most queries each anonymous request may run; staff also read their session and user.
PAGES = {
    "/": 4,
    "/articles/": 10,
    "/articles/?page=2": 7,
    "/articles/?official=abdellatif-hammouchi": 9,
    "/articles/?country=TR&language=fr": 8,
    "/articles/?q=sécurité": 8,
    "/articles/igef-2024/": 13,
    "/visits/": 4,
    "/visits/?official=Hammouchi&host_country=TR": 7,
    "/visits/{visit}/": 7,
    "/officials/": 8,
    # Sections count once until a write (the tables' version, then each count); sources read
    # their ids, then their rows.
    "/officials/abdellatif-hammouchi/": 16,
    "/events/": 6,
    "/events/?when=upcoming": 5,
    "/events/igef-2024/": 10,
    "/countries/": 8,
    "/countries/TR/": 17,
    "/timeline/": 17,
    "/feeds/articles/": 2,
    # A bounded count of the official's links chooses how the articles are read.
    "/feeds/officials/abdellatif-hammouchi/": 4,
    "/feeds/countries/TR/": 4,
    "/events.ics": 1,
    "/api/v1/articles/": 12,
    "/api/v1/articles/?search=sécurité": 12,
    "/api/v1/outlets/": 3,
    "/api/v1/officials/": 6,
    "/api/v1/organizations/": 3,
    "/api/v1/topics/": 3,
    "/api/v1/event-series/": 3,
    "/api/v1/events/": 5,
    "/api/v1/visits/": 10,
    "/api/v1/visits/?host_country=TR": 10,
    "/api/v1/meetings/": 9,
    "/api/v1/countries/": 1,
}
STAFF_EXTRA = 2


def query_counts(client) -> dict[str, int]:
    """Each URL's queries, the cache empty at first as after a write."""
    cache.clear()
    visit = Visit.objects.filter(uid="cbde340f-3bf4-5e60-91f2-60104ffdaee3").get()
    counts = {}
    for url in PAGES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url.format(visit=visit.pk))
        assert response.status_code == 200, url
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        counts[url] = len(captured)
    return counts


@pytest.mark.parametrize("role", ["client", "staff_client"])
def test_pages_feeds_and_api_lists_run_the_same_queries_at_two_corpus_sizes(
    request, seed, role, settings
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    client = request.getfixturevalue(role)
    corpus_generate(articles=SMALL, seed=1)
    small = query_counts(client)
    corpus_generate(articles=LARGE - SMALL, seed=2, force=True)
    large = query_counts(client)
    # A prefetch is skipped when no row of the page has the relation: fewer is not growth.
    grown = {url: (small[url], large[url]) for url in PAGES if large[url] > small[url]}
    assert not grown, grown
    extra = STAFF_EXTRA if role == "staff_client" else 0
    over = {
        url: (large[url], most + extra) for url, most in PAGES.items() if large[url] > most + extra
    }
    assert not over, over
