"""Portal search (检索): a Chinese full-text index of published items that finds
every word of two or more characters, on SQLite and PostgreSQL alike."""
