"""Read-only JSON API over columns and items, with its OpenAPI 3 schema."""
