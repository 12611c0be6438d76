# Gongkai: `make run` serves the demo bureau, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
DATA_DIR := $(or $(GONGKAI_DATA_DIR),var)
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
RUN := DJANGO_SETTINGS_MODULE=config.settings.run $(PY) manage.py

.PHONY: install run serve test check lint format migrations bench clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements/lock.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "需要 Python 3.11"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	touch $@

$(DATA_DIR)/secret_key:
	mkdir -p $(DATA_DIR)
	umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# Keys sealing personal data at rest (SEC-CRYPT-02): made once, never
# replaced (the data cannot be read without them); keep them with the data.
$(DATA_DIR)/field_encryption_keys:
	mkdir -p $(DATA_DIR)
	umask 077 && $(PY) -c 'from gongkai.core.crypto import new_key_setting; print(new_key_setting())' > $@

$(DATA_DIR)/field_index_key:
	mkdir -p $(DATA_DIR)
	umask 077 && $(PY) -c 'from gongkai.core.crypto import new_key_setting; print(new_key_setting().split(":")[1])' > $@

run: install $(DATA_DIR)/secret_key $(DATA_DIR)/field_encryption_keys $(DATA_DIR)/field_index_key
	$(RUN) migrate --noinput --verbosity 0
	$(RUN) collectstatic --noinput --verbosity 0
	$(RUN) load_demo
	@echo
	@echo "门户网站：http://$(HOST):$(PORT)/"
	@echo "管理后台：http://$(HOST):$(PORT)/admin/ （用上面列出的演示账户登录；账户保存在 $(DATA_DIR)/demo-accounts.txt）"
	@echo
	$(RUN) run_periodic_jobs & jobs=$$!; trap "kill $$jobs" EXIT INT TERM; \
	DJANGO_SETTINGS_MODULE=config.settings.run $(VENV)/bin/granian --interface wsgi \
		--host $(HOST) --port $(PORT) --workers $(WORKERS) --blocking-threads 1 \
		--no-ws --log-level warning config.wsgi:application

# One test process per core (TEST_WORKERS=0: all in this process). A file's
# tests stay in one process, so a module's shared data is built once, and
# files keep pytest-django's order: transactional tests, which leave the
# database empty, come after every other database test of their process.
TEST_WORKERS ?= auto
test: check
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

check: install lint migrations

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check

bench: install
	$(PY) bench/run.py
	$(PY) bench/checks.py
	$(PY) bench/deadlines.py
	$(PY) bench/annual_report.py
	$(PY) bench/site_health.py
	$(PY) bench/annual_report_documents.py
	$(PY) bench/grouping.py
	$(PY) bench/land_import.py

clean:
	rm -rf $(VENV) $(DATA_DIR)
