"""Uploaded sheets handed to importers that read from a path."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def uploaded_file(upload, *, stem: str) -> Iterator[Path]:
    """The upload written to a temporary file named ``stem`` with the
    upload's suffix (importers choose the format by it); removed after."""
    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{stem}{suffix}"
        path.write_bytes(upload.read())
        yield path
