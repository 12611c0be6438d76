from django.urls import path

from gongkai.expropriation import views

urlpatterns = [
    path("", views.project_list, name="expropriation_list"),
    path("<int:pk>/", views.project_hub, name="expropriation_project"),
    path(
        "<int:pk>/villages/<int:village_pk>/notice.pdf",
        views.village_notice_pdf,
        name="expropriation_village_notice",
    ),
]
