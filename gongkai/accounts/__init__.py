"""Agencies (机关), their departments (科室) and staff accounts: who may edit
which columns, login hardening and the login audit."""
