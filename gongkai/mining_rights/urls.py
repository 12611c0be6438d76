from django.urls import path

from gongkai.mining_rights import views

urlpatterns = [
    path("", views.index, name="mining_rights"),
    path("transfers.csv", views.transfers_csv, name="mining_transfers_csv"),
    path("transfers/<int:pk>/", views.transfer, name="mining_transfer"),
]
