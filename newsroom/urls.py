"""Root URLs: the REST API, then the pages and the admin in the reader's language."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from newsroom import feeds, health, views

pages = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("feeds/articles/", feeds.ArticleFeed(), name="article-feed"),
    path("feeds/articles/atom/", feeds.ArticleAtomFeed(), name="article-feed-atom"),
    path("feeds/officials/<slug:slug>/", feeds.OfficialArticleFeed(), name="official-feed"),
    path(
        "feeds/officials/<slug:slug>/atom/",
        feeds.OfficialArticleAtomFeed(),
        name="official-feed-atom",
    ),
    path("feeds/countries/<str:code>/", feeds.CountryArticleFeed(), name="country-feed"),
    path(
        "feeds/countries/<str:code>/atom/",
        feeds.CountryArticleAtomFeed(),
        name="country-feed-atom",
    ),
    path("", include("visits.urls")),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("newsroom.api_urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    *pages,
    prefix_default_language=False,
)

handler500 = "newsroom.errors.server_error"
