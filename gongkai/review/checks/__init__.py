"""Machine pre-review (机器预审): checks run before an item is submitted
for review and again at 终审, and by ``manage.py proofread`` on files.

The detectors (``personal_data``, ``wording``, ``norms``, ``links``) are pure
functions over text and values; ``run`` combines them for a text, a file or
a whole item. Errors block submission; warnings need a written reason.
"""
