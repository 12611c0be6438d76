"""征地信息: land-expropriation projects as hubs linking every document of
the procedure in order (《土地管理法》Art. 47, 实施条例 Art. 26-31) with their
periods checked, and 定点定向 disclosure to the affected villages: printable
notices with a QR code, WeChat-group text, broadcast scripts and delivery
records."""
