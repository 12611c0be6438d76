from django.urls import path

from gongkai.land_prices import views

urlpatterns = [
    path("", views.index, name="land_prices"),
    path(
        "quarterly.<str:fmt>", views.quarterly_download, name="land_quarterly_download"
    ),
    path("prices.<str:fmt>", views.prices_download, name="land_prices_download"),
]
