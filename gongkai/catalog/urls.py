from django.urls import path

from gongkai.catalog import views

urlpatterns = [
    path("guide/", views.guide_page, name="guide"),
    path("guide/versions/<int:pk>/", views.guide_page, name="guide_version"),
    path("catalogue/", views.catalogue_page, name="catalogue"),
    path(
        "catalogue.<str:file_format>",
        views.catalogue_download,
        name="catalogue_download",
    ),
]
