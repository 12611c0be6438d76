"""Bulk import of historical government-information items (批量导入).

Every bureau arrives with years of documents kept in spreadsheets. A sheet
(the first sheet of an XLSX file, or a CSV file in UTF-8 or GB18030) is read
in full and every row checked before anything is written; the good rows are
then published through ``publish_item``, each in its own transaction, so one
bad row never costs the others and never leaves half an item behind. Every
refused row is reported with its sheet row number and a Chinese reason: a
historical document must never go missing silently.

Rows are matched to existing items (文号, else 标题 + 成文日期; see
``selectors.find_item_by_identity``), so importing a corrected sheet again
updates the items it created instead of duplicating them, and their 索引号
stay as issued. The format for bureau staff is in docs/import-format.md.

``sheets`` reads the sheet, ``bodies`` turns cells and files into body HTML,
``rows`` checks each row and ``service`` writes the good ones.
"""

from gongkai.publishing.importing.rows import RowError
from gongkai.publishing.importing.service import (
    ImportReport,
    actor_for_import,
    agency_for_import,
    import_documents,
)
from gongkai.publishing.importing.sheets import ImportRefusedError, parse_date

__all__ = [
    "ImportRefusedError",
    "ImportReport",
    "RowError",
    "actor_for_import",
    "agency_for_import",
    "import_documents",
    "parse_date",
]
