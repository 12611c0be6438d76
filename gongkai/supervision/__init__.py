"""督办: the tasks of a work plan's 任务分解表, their responsible units and
due rules, and the progress departments report on them."""
