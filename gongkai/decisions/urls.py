from django.urls import path

from gongkai.decisions import views

urlpatterns = [
    path("", views.catalogue, name="decision_catalogue"),
    path("<int:pk>/", views.hub, name="decision_hub"),
]
