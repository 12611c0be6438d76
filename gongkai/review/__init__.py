"""Three-level review (三审: 初审, 复审, 终审) before anything is published:
Wagtail workflow tasks that three different people, none of them the
author, must approve."""
