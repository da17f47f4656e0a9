# metadata-lint: `make demo` sets everything up and runs the tool on the shipped example;
# `make test` runs the tests. Both install the system libraries they need first.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/release/metadata-lint
DEBUG_BIN := .build/debug/metadata-lint
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps venv build release test swift-test python-test demo install bench memcheck clean fuzz fuzz-build sanitize

all: build

# Debian's libjq-dev (jq 1.6) and zlib1g-dev, and the jq program the tests compare against;
# installed only when missing.
deps:
	@if [ ! -f /usr/include/jq.h ] || [ ! -f /usr/include/zlib.h ] || ! command -v jq >/dev/null; then \
		echo "installing libjq-dev, zlib1g-dev and jq"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libjq-dev zlib1g-dev jq >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Python test tools (real protocol clients, a JSON Schema validator, pre-commit) from PyPI, into a
# venv under .build so nothing is installed system-wide; reinstalled when requirements change.
VENV := .build/venv
$(VENV)/.installed: tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt
	touch $@

venv: $(VENV)/.installed

test: swift-test python-test

swift-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# End-to-end tests that drive the built binary with real clients.
python-test: deps venv
	$(SWIFT) build
	METADATA_LINT=$(CURDIR)/$(DEBUG_BIN) $(VENV)/bin/python -m pytest -q tests

demo: release
	@echo "== validating the shipped example: fixtures/example/external_domain_metadata.json"
	$(BIN) validate fixtures/example/external_domain_metadata.json
	@echo
	@echo "== and a deliberately broken copy (exit code 1 expected)"
	-$(BIN) validate fixtures/example/broken_external_domain_metadata.json
	@echo
	@echo "== extracted artifacts (JSONL, gzip, pretty-printed) checked against their metadata"
	$(BIN) check-artifacts --metadata fixtures/artifacts/metadata.json fixtures/artifacts/json-syntax/pass
	@echo
	@echo "== and artifacts with planted faults (exit code 1 expected)"
	-$(BIN) check-artifacts --metadata fixtures/artifacts/metadata.json fixtures/artifacts/value-out-of-bounds/fail

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/metadata-lint

bench: release
	bash bench/run.sh

memcheck: release
	bash bench/memcheck.sh

# libFuzzer harnesses (fuzz/) with AddressSanitizer, in a package of their own under .build-fuzz.
# Each harness runs FUZZ_SECONDS (niced), seeded from fixtures/ and fixtures/fuzz/<harness>/, whose
# regression corpus `make test` replays; figures go to .build-fuzz/logs/summary.txt.
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES ?= json metadata artifacts config
FUZZ_FLAGS := -c release --build-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address -Xswiftc -use-ld=lld

fuzz-build: deps
	cd fuzz && $(SWIFT) build $(FUZZ_FLAGS)

fuzz: fuzz-build
	bash fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

# The Swift test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in a
# build directory of its own. malloc must return NULL when it cannot allocate, as glibc's does,
# for libjq's out-of-memory path to be the one tested. Suppressions: sanitizers/*.supp.
sanitize: deps
	$(SWIFT) build --build-tests --build-path .build-asan --sanitize=address
	METADATA_LINT_SANITIZER=address ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(CURDIR)/sanitizers/lsan.supp:print_suppressions=1 \
		$(SWIFT) test --skip-build --build-path .build-asan --sanitize=address
	$(SWIFT) build --build-tests --build-path .build-tsan --sanitize=thread
	METADATA_LINT_SANITIZER=thread TSAN_OPTIONS=suppressions=$(CURDIR)/sanitizers/tsan.supp:halt_on_error=1:allocator_may_return_null=1 \
		$(SWIFT) test --skip-build --build-path .build-tsan --sanitize=thread

clean:
	rm -rf .build
