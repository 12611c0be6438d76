from django.urls import path

from gongkai.land_market import views

urlpatterns = [
    path("", views.index, name="land_market"),
    path("parcels.csv", views.parcels_csv, name="land_parcels_csv"),
    path("announcements/<int:pk>/", views.announcement, name="land_announcement"),
    path("parcels/<int:pk>/", views.parcel, name="land_parcel"),
]
