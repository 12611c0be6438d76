"""Mount point of the API: ``/api/``; schema at ``/api/openapi.json``."""

from ninja import NinjaAPI

from gongkai.api.views import router
from gongkai.land_prices.api import router as land_prices_router

api = NinjaAPI(
    title="政务公开平台数据接口",
    version="1.0.0",
    description="栏目、政府信息和地价数据的只读接口。",
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api",
)
api.add_router("/", router)
api.add_router("/land-prices", land_prices_router)
