"""GET /search/: the portal's search page."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Site

from gongkai.publishing.models import ColumnPage
from gongkai.search import selectors
from gongkai.search.forms import SearchForm

RESULTS_PER_PAGE = 20


def search(request):
    form = SearchForm(request.GET or None)
    site = Site.find_for_request(request)
    columns = (
        ColumnPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .order_by("path")
        if site
        else ColumnPage.objects.none()
    )
    context = {"form": form, "columns": columns, "searched": False}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        page_number = data["page"] or 1
        column = columns.filter(pk=data["column"]).first() if data["column"] else None
        query = selectors.SearchQuery(
            text=data["q"].strip(),
            column_path=column.path if column else "",
            year=data["year"],
            publisher=data["publisher"],
            validity=data["validity"],
            sort=data["sort"] or selectors.SORT_RELEVANCE,
            offset=(page_number - 1) * RESULTS_PER_PAGE,
            limit=RESULTS_PER_PAGE,
        )
        results = selectors.search_entries(query)
        paginator = Paginator(range(results.total), RESULTS_PER_PAGE)
        page = paginator.get_page(page_number)
        context.update(
            searched=True,
            query=query,
            results=results,
            page=PaginatorPage(results.hits, page.number, paginator),
            paginator=paginator,
        )
    context["years"] = selectors.facet_years()
    context["publishers"] = selectors.facet_publishers()
    return render(request, "search/search.html", context)
