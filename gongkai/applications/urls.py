from django.urls import path

from gongkai.applications import views

urlpatterns = [
    path("", views.apply, name="apply"),
    path("status/", views.status, name="application_status"),
    path(
        "letters/<str:token>/<str:file_format>/",
        views.letter,
        name="application_letter",
    ),
]
