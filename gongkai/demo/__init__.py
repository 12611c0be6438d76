"""Demo bureau: content and loader for 临淄区自然资源局."""
