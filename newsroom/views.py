"""Public pages of the news: home, articles and countries.

Every page starts from `visible_to(request.user)`, as the domain's pages do.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, TemplateView
from django_countries import countries
from django_countries.fields import Country
from django_filters.views import FilterView

from newsroom.countries import countries_on_record, country_on_record, country_relations
from newsroom.filters import ArticleFilter
from newsroom.models import Article
from visits.models import Event, Visit
from visits.views import ListPageMixin

# Rows of each list on the home page.
HOME_SIZE = 5


class HomeView(TemplateView):
    template_name = "newsroom/home.html"

    def get_context_data(self, **kwargs):
        viewer = self.request.user
        return super().get_context_data(
            articles=Article.objects.visible_to(viewer).for_listing()[:HOME_SIZE],
            upcoming_events=(
                Event.objects.visible_to(viewer)
                .upcoming()
                .for_listing()
                .order_by("start", "name")[:HOME_SIZE]
            ),
            visits=Visit.objects.visible_to(viewer).for_listing(viewer)[:HOME_SIZE],
            **kwargs,
        )


class VisibleArticlesMixin:
    model = Article

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user).for_listing()


class ArticleListView(VisibleArticlesMixin, ListPageMixin, FilterView):
    filterset_class = ArticleFilter


class ArticleDetailView(DetailView):
    model = Article

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user).for_detail(self.request.user)


class CountryListView(TemplateView):
    template_name = "newsroom/country_list.html"

    def get_context_data(self, **kwargs):
        rows = countries_on_record(self.request.user)
        return super().get_context_data(countries=rows, **kwargs)


class CountryDetailView(TemplateView):
    """A country's page exists when a record the viewer may see names the country."""

    template_name = "newsroom/country_detail.html"

    def get(self, request, *args, code, **kwargs):
        if code.upper() != code:
            return redirect("country-detail", code=code.upper(), permanent=True)
        if code not in countries or not country_on_record(code=code, viewer=request.user):
            raise Http404
        return super().get(request, *args, code=code, **kwargs)

    def get_context_data(self, *, code, **kwargs):
        relations = country_relations(code=code, viewer=self.request.user)
        return super().get_context_data(country=Country(code=code), **relations, **kwargs)
