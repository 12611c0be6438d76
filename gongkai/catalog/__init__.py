"""The disclosure catalogue (政府信息公开目录): the standard column tree, the
classifications every item carries (主题分类, 体裁, 有效性), the
政府信息公开指南 and the 主动公开基本目录, generated and kept in dated versions."""
