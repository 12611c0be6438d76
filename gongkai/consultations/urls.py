from django.urls import path

from gongkai.consultations import views

urlpatterns = [
    path("", views.consultation_list, name="consultation_list"),
    path("<int:pk>/", views.consultation_detail, name="consultation"),
]
