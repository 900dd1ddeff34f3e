.PHONY: demo test lint bench schema
demo:
	python3 dev.py demo
test:
	python3 dev.py test
lint:
	python3 dev.py lint
bench:
	python3 dev.py bench
schema:
	.venv/bin/trialx schema --write
