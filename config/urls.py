from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from gongkai.api.urls import api
from gongkai.core.views import healthz
from gongkai.publishing.feeds import SiteFeed
from gongkai.search.views import search

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search, name="search"),
    path("apply/", include("gongkai.applications.urls")),
    path("decisions/", include("gongkai.decisions.urls")),
    path("consultations/", include("gongkai.consultations.urls")),
    path("land-market/", include("gongkai.land_market.urls")),
    path("land-prices/", include("gongkai.land_prices.urls")),
    path("expropriation/", include("gongkai.expropriation.urls")),
    path("mining-rights/", include("gongkai.mining_rights.urls")),
    path("", include("gongkai.catalog.urls")),
    path("feed/", SiteFeed(), name="site_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/", api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
