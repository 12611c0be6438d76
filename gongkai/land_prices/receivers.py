"""The API's land-price answers may sit in the page cache: drop them when
prices or figures change."""

from gongkai.core.page_cache import invalidate_on_save
from gongkai.land_prices.models import LandPrice, LandPriceSystem, QuarterlyFigure

invalidate_on_save(LandPriceSystem, LandPrice, QuarterlyFigure)
