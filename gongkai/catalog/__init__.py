"""The disclosure catalogue (政府信息公开目录): the standard column tree and the
classifications every item carries (主题分类, 体裁, 有效性)."""
