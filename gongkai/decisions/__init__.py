"""重大行政决策: the yearly catalogue of major decision items, each item's hub
of stages linked as they come into existence, and 政策评价 of decisions and
normative documents after they take effect."""
