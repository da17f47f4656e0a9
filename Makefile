# metadata-lint: `make demo` sets everything up and runs the tool on the shipped example;
# `make test` runs the tests. Both install the system libraries they need first.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/release/metadata-lint
DEBUG_BIN := .build/debug/metadata-lint
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

VERSION := $(shell sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/LintSupport/Version.swift)
ARCH := $(shell uname -m)
DIST_NAME := metadata-lint-$(VERSION)-linux-$(ARCH)
DIST := dist/$(DIST_NAME).tar.gz
SHARE := .build/share
# The man page's date: the last commit's, so a rebuild of the same commit gives the same page.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)

.PHONY: all deps venv build release test swift-test python-test snapshots demo install bench memcheck profile clean \
	share dist dist-test docs devrev-table fuzz fuzz-build sanitize

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

# The Swift runtime is linked in (--static-swift-stdlib), so the binary runs without the toolchain.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# Python test tools (real protocol clients, a JSON Schema validator, pre-commit) from PyPI, into a
# venv under .build so nothing is installed system-wide; reinstalled when requirements change.
VENV := .build/venv
$(VENV)/.installed: tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt
	touch $@

venv: $(VENV)/.installed

# CI (CI=true) also builds the release tarball and tests it; locally that is `make dist-test`.
test: swift-test python-test $(if $(CI),dist-test)

swift-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Rewrites every snapshot (fixtures/**/*.snap) from the current build; review the diff before committing.
snapshots: deps
	$(SWIFT) build --build-tests
	UPDATE_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter SnapshotTests

# DevRev's object table: regenerates its compiled-in Swift from data/devrev-object-types.json
# (DevRevTableTests checks the two agree).
devrev-table:
	python3 scripts/devrev_table.py data/devrev-object-types.json Sources/LintRules/DevRev/DevRevObjectTable+Data.swift

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

install: release share
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d $(DESTDIR)$(PREFIX)/share/metadata-lint
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/metadata-lint
	install -m 644 $(SHARE)/man/man1/metadata-lint.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(SHARE)/bash-completion/completions/metadata-lint $(DESTDIR)$(PREFIX)/share/bash-completion/completions/
	install -m 644 $(SHARE)/zsh/site-functions/_metadata-lint $(DESTDIR)$(PREFIX)/share/zsh/site-functions/
	install -m 644 $(SHARE)/fish/vendor_completions.d/metadata-lint.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/
	install -m 644 $(SHARE)/metadata-lint/metadata-lint-matcher.json $(DESTDIR)$(PREFIX)/share/metadata-lint/

# Man page and shell completions under .build/share, laid out as under a prefix. The man page comes
# from swift-argument-parser's generate-manual plugin, run on the debug build: run on the release
# configuration, the plugin would rebuild it without --static-swift-stdlib.
share: release build
	rm -rf $(SHARE)
	mkdir -p $(SHARE)/man/man1 $(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions \
		$(SHARE)/fish/vendor_completions.d $(SHARE)/metadata-lint
	$(SWIFT) package generate-manual --configuration debug --date $(MAN_DATE)
	cp .build/plugins/GenerateManual/outputs/metadata-lint/metadata-lint.1 $(SHARE)/man/man1/
	$(BIN) --generate-completion-script bash > $(SHARE)/bash-completion/completions/metadata-lint
	$(BIN) --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_metadata-lint
	$(BIN) --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/metadata-lint.fish
	cp .github/metadata-lint-matcher.json $(SHARE)/metadata-lint/

# dist/metadata-lint-<version>-linux-<arch>.tar.gz: the stripped static binary, man page,
# completions, problem matcher, LICENSE, README and CHANGELOG, in one folder laid out as a prefix.
dist: share
	rm -rf .build/dist && mkdir -p .build/dist/$(DIST_NAME)/bin dist
	install -m 755 $(BIN) .build/dist/$(DIST_NAME)/bin/metadata-lint
	strip .build/dist/$(DIST_NAME)/bin/metadata-lint
	cp -R $(SHARE) .build/dist/$(DIST_NAME)/share
	install -m 644 LICENSE README.md CHANGELOG.md .build/dist/$(DIST_NAME)/
	tar -C .build/dist --sort=name --owner=0 --group=0 --numeric-owner -czf $(DIST) $(DIST_NAME)
	@ls -l $(DIST)

# Unpacks the tarball and runs it with the Swift toolchain hidden (tests/test_dist.py).
dist-test: dist venv build
	METADATA_LINT_DIST=$(CURDIR)/$(DIST) METADATA_LINT=$(CURDIR)/$(DEBUG_BIN) \
		$(VENV)/bin/python -m pytest -q tests/test_dist.py

# docs/rules.md, from `metadata-lint rules --json` and `explain`; tests/test_sarif_help.py checks it is current.
docs: build
	python3 docs/generate_rules.py $(DEBUG_BIN) > docs/rules.md

bench: release
	bash bench/run.sh

memcheck: release
	bash bench/memcheck.sh

# libFuzzer harnesses (fuzz/) with AddressSanitizer, in a package of their own under .build-fuzz.
# Each harness runs FUZZ_SECONDS (niced), seeded from fixtures/ and fixtures/fuzz/<harness>/, whose
# regression corpus `make test` replays; figures go to .build-fuzz/logs/summary.txt.
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES ?= json metadata artifacts mapping config
FUZZ_FLAGS := -c release --build-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address -Xswiftc -use-ld=lld

# The build plan is dropped first: SwiftPM keeps the source list of a path dependency (the
# repository, for fuzz/) from the last plan, and misses files added since.
fuzz-build: deps
	rm -f .build-fuzz/release.yaml
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

profile: deps
	bash bench/profile.sh

clean:
	rm -rf .build dist
