"""Uploads are judged by their content, not their name (SEC-UP-01, SEC-UP-03):
a renamed executable or a zip bomb never becomes a public attachment."""

import zipfile
from io import BytesIO
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 1000

# Members an Office Open XML or OFD package must contain.
PACKAGE_MEMBERS = {
    ".docx": ("[Content_Types].xml", "word/document.xml"),
    ".xlsx": ("[Content_Types].xml", "xl/workbook.xml"),
    ".ofd": ("OFD.xml",),
}
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
# ISO base media files (MP4) carry "ftyp" at offset 4.
OFFSET_SIGNATURES = {".mp4": (4, b"ftyp")}
ALLOWED_SUFFIXES = (
    frozenset(SIGNATURES) | frozenset(PACKAGE_MEMBERS) | frozenset(OFFSET_SIGNATURES)
)


def check_upload(*, name: str, data: bytes) -> None:
    """Raise ValidationError (in Chinese) unless ``data`` really is a file of
    the kind its name says, of an allowed kind and size."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ValidationError(
            _(
                "不支持的附件类型“%(suffix)s”，仅允许 PDF、DOCX、XLSX、OFD、JPG、PNG、MP4。"
            ),
            params={"suffix": suffix or name},
            code="upload_type",
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("附件“%(name)s”超过20MB，请压缩或拆分后上传。"),
            params={"name": name},
            code="upload_size",
        )
    if suffix in OFFSET_SIGNATURES:
        offset, signature = OFFSET_SIGNATURES[suffix]
        if data[offset : offset + len(signature)] != signature:
            raise ValidationError(
                _("附件“%(name)s”的内容与扩展名不符，可能是改名的其他文件。"),
                params={"name": name},
                code="upload_content",
            )
        return
    if suffix in SIGNATURES:
        if not data.startswith(SIGNATURES[suffix]):
            raise ValidationError(
                _("附件“%(name)s”的内容与扩展名不符，可能是改名的其他文件。"),
                params={"name": name},
                code="upload_content",
            )
        return
    _check_package(name=name, data=data, members=PACKAGE_MEMBERS[suffix])


def archive_problem(data: bytes, *, required: tuple[str, ...] = ()) -> str:
    """Why the ZIP package ``data`` must not be opened, or "" when it is
    safe: not a ZIP, a required member missing, a path outside the package,
    too many entries or too large once expanded (zip bombs)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        return "not_a_package"
    names = {entry.filename for entry in entries}
    if not all(member in names for member in required):
        return "not_a_package"
    unsafe = any(
        PurePath(entry.filename).is_absolute() or ".." in PurePath(entry.filename).parts
        for entry in entries
    )
    if (
        unsafe
        or len(entries) > MAX_ARCHIVE_ENTRIES
        or sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES
    ):
        return "unsafe"
    return ""


def _check_package(*, name: str, data: bytes, members: tuple[str, ...]) -> None:
    problem = archive_problem(data, required=members)
    if problem == "not_a_package":
        raise ValidationError(
            _("附件“%(name)s”的内容与扩展名不符，可能是改名的其他文件。"),
            params={"name": name},
            code="upload_content",
        )
    if problem:
        raise ValidationError(
            _("附件“%(name)s”结构异常（路径非法或解压后过大），已拒绝。"),
            params={"name": name},
            code="upload_archive",
        )
