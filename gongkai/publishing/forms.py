"""The back-office attachment form checks what is uploaded and keeps its
text for search and the pre-review."""

from wagtail.documents.forms import BaseDocumentForm

from gongkai.publishing.extraction import extract_text
from gongkai.publishing.uploads import check_upload


class AttachmentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "read"):
            position = file.tell() if hasattr(file, "tell") else 0
            data = file.read()
            file.seek(position)
            check_upload(name=file.name, data=data)
            self.instance.extracted_text = extract_text(name=file.name, data=data).text
        return file
