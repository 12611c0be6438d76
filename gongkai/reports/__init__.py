"""年度报告: the statutory annual report on government-information disclosure
(2021 national format), drafted from the platform's data and published."""
