"""Gongkai: a government information-disclosure platform (政务公开平台)."""
