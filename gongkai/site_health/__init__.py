"""网站健康检查: the portal checked against the national inspection indicators
(国办秘函〔2019〕19号): stale and empty columns, broken links, late items, the
veto verdict and score, kept as history."""
