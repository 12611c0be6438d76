"""地价信息: benchmark (基准地价) and standard (标定地价) land prices by grade
and use with their effective dates and history, and the quarterly figures
(real-estate land supply, urban land-price monitoring) as tables, charts,
downloads and an API."""
