"""Proactive disclosure (主动公开): the portal home, columns (栏目) and
government-information items with their metadata, 索引号 and attachments."""
