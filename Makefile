# Pressline: `make serve` and `make test` are the two commands. Both install whatever is missing
# first (idempotent, and quick when everything is there), then do their job.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# npm's binaryen (wasm-opt 132) must win over any Debian binaryen, which breaks the app.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# A CI run builds once: incremental caches would only take disk (2.6 GB).
ifeq ($(CI),true)
export CARGO_INCREMENTAL := 0
endif

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
# Splits the wasm at its lazily loaded parts (tools/web-pipeline/split-wasm.mjs).
WASM_SPLIT_VERSION := 0.2.4
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8080
E2E_PORT ?= 8199
# Where `make dist` puts a deployable build, and the sub-path it will be served under.
PUBLIC_URL ?= /
DIST ?= dist
# The e2e tests also check a build for a sub-path deploy, and published builds (the bundled
# dataset, and one full of markup and script) served one and two ports below the sub-path one.
SUBPATH_DIST := target/dist-subpath
PUBLISHED_DIST := target/dist-published
HOSTILE_DIST := target/dist-hostile
XSS_DIST := target/dist-xss
NEWSROOM_DIST := target/dist-newsroom
# `make publish`: the deploy's address; the build's sub-path is its path.
BASE_URL ?=
# The dataset a build bundles and prerenders: the seed's content folder (one Markdown file per
# release), or any file or folder `pressline` reads. NOW: the moment embargoes are judged at
# (RFC 3339 or YYYY-MM-DD; the clock by default).
DATASET ?= content/
NOW ?=
NOW_ARG = $(if $(NOW),--now $(NOW))
# IMAGES: the folder pictures' relative addresses start from (e.g. content/, whose media/ the
# editor uploads into). Given, the bundle and the pages name copies made from those originals
# (480 to 1920 pixels wide, JPEG and WebP, upright, without metadata) and a full-size download,
# which publishing writes into images/, keeping them in IMAGE_CACHE between builds. By default
# the dataset's own folder when it is one (so the editor's uploads are made into copies); empty
# (IMAGES=): pictures are published as the data gives them.
IMAGES ?= $(if $(wildcard $(patsubst %/,%,$(DATASET))/.),$(DATASET))
IMAGE_CACHE ?= target/image-cache
IMAGES_ARG = $(if $(IMAGES),--images $(IMAGES))
PUBLISH_IMAGES_ARG = $(if $(IMAGES),--images $(IMAGES) --image-cache $(IMAGE_CACHE))
BUNDLE := target/bundle/data/releases.json
BASE_PATH = $(patsubst %//,%/,$(shell printf '%s/' '$(BASE_URL)' | sed -E 's#^https?://[^/]*##'))

.PHONY: prerenderer bundle embargo-check help setup tools-build tools-browser serve edit dev build dist build-subpath publish published \
        test lint core-is-pure test-native test-components e2e lighthouse size tools-size dataset bench clean \
        tools-nightly tools-fuzz fuzz fuzz-smoke tools-engines smoke bench-phone

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-16s %s\n", $$1, $$2 }'

setup: tools-build tools-browser tools-engines tools-fuzz ## Install every tool the build and the tests need

tools-build: node_modules/.package-lock.json ## Rust target, trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" \
	  || cargo install --locked trunk --version $(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@wasm-split-cli --help >/dev/null 2>&1 \
	  || cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary

tools-browser: ## Headless Chromium, ChromeDriver and brotli from Debian
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  && command -v brotli >/dev/null \
	  || { $(SUDO) apt-get update -q \
	       && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	          chromium chromium-driver brotli; }

# The browser engines the component tests and the WebDriver smoke run in. Chromium is always
# installed (Playwright, Lighthouse); e.g. `make test ENGINES=chromium` for a fast local loop.
ENGINES ?= chromium firefox webkit
GECKODRIVER_VERSION := 0.37.1
GECKODRIVER := $(HOME)/.cargo/bin/geckodriver

tools-engines: ## Firefox ESR and geckodriver, WebKitGTK's WebDriver and Xvfb (for ENGINES)
	@if echo "$(ENGINES)" | grep -qw firefox; then \
	  command -v firefox-esr >/dev/null || { $(SUDO) apt-get update -q \
	    && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q firefox-esr; }; \
	  $(GECKODRIVER) --version 2>/dev/null | grep -qF "$(GECKODRIVER_VERSION)" \
	    || cargo install geckodriver --version $(GECKODRIVER_VERSION); \
	fi
	@if echo "$(ENGINES)" | grep -qw webkit; then \
	  command -v WebKitWebDriver >/dev/null && command -v xvfb-run >/dev/null \
	    && command -v xauth >/dev/null || { $(SUDO) apt-get update -q \
	    && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	       webkit2gtk-driver xvfb xauth; }; \
	fi

# npm ci only when package.json or the lock file changed since the last install.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Every build is prerendered: the timeline and every release of the bundled dataset, rendered
# by the app's own components (`pressline publish`), which the browser then adopts in place.
# With BASE_URL, also canonical addresses, feeds and a sitemap.
# A deploy whose index.html names its own dataset (`<body data-src>`) renders in the browser.
PRERENDER = $(if $(shell grep -q '<body[^>]*data-src=' index.html && echo fetched),: no prerendering for a deploy that fetches its data,target/debug/pressline publish $(DATASET) --quiet $(NOW_ARG) $(PUBLISH_IMAGES_ARG) $(if $(BASE_URL),--base-url $(BASE_URL)))

prerenderer:
	cargo build --quiet --bin pressline

# The dataset the app bundles: what `pressline publish` gives the app for DATASET (embargoed
# releases left out; with IMAGES, pictures naming their copies), rewritten only when it
# changed, so an unchanged dataset rebuilds nothing.
bundle: prerenderer
	target/debug/pressline bundle $(DATASET) --out $(BUNDLE) $(NOW_ARG) $(IMAGES_ARG)

# `trunk build --release` for a public URL into a directory, through the web pipeline (trunk's
# post-build hook, tools/web-pipeline/): skipped when nothing it reads changed since it last
# built for that URL, and its wasm splitting and compression are cached by content.
TRUNK_BUILD := tools/web-pipeline/trunk-build.sh

build: tools-build bundle ## Release build of the app into dist/, prerendered (seconds when nothing changed)
	$(TRUNK_BUILD) / dist
	$(PRERENDER) --out dist

dist: tools-build bundle ## Deployable files for a static host: make dist PUBLIC_URL=/campaigns/ukraine/ [DIST=dist] [BASE_URL=…]
	$(TRUNK_BUILD) $(PUBLIC_URL) $(DIST)
	$(PRERENDER) --out $(DIST)
	@echo "$(DIST)/ is ready for $(PUBLIC_URL) on any static host (see the README's Deploying)."

build-subpath: tools-build bundle
	$(TRUNK_BUILD) /campaigns/ukraine/ $(SUBPATH_DIST)
	$(PRERENDER) --out $(SUBPATH_DIST)

publish: tools-build bundle ## A deploy with prerendered pages, feeds and sitemap: make publish BASE_URL=https://example.org/news/ [DATASET=file] [IMAGES=content/] [DIST=dist]
	@test -n "$(BASE_URL)" || { echo "usage: make publish BASE_URL=https://example.org/news/ [DATASET=$(DATASET)]" >&2; exit 2; }
	$(TRUNK_BUILD) $(BASE_PATH) $(DIST)
	cargo run --quiet --release --bin pressline -- publish $(DATASET) --out $(DIST) --base-url $(BASE_URL) $(NOW_ARG) $(PUBLISH_IMAGES_ARG)

published: build ## (for e2e) dist/ published with the bundled dataset, the hostile fixture, the XSS corpus and the three-language newsroom
	cargo build --quiet --bin pressline
	rm -rf $(PUBLISHED_DIST) $(HOSTILE_DIST) $(XSS_DIST) $(NEWSROOM_DIST)
	cp -r dist $(PUBLISHED_DIST)
	cp -r dist $(HOSTILE_DIST)
	cp -r dist $(XSS_DIST)
	cp -r dist $(NEWSROOM_DIST)
	target/debug/pressline publish $(DATASET) $(NOW_ARG) $(PUBLISH_IMAGES_ARG) --out $(PUBLISHED_DIST) --base-url http://127.0.0.1:$$(($(E2E_PORT) - 4))/
	target/debug/pressline publish tests/fixtures/hostile-publish.json --out $(HOSTILE_DIST) --base-url http://127.0.0.1:$$(($(E2E_PORT) - 5))/
	target/debug/pressline publish tests/fixtures/xss/xss-corpus.json --quiet --out $(XSS_DIST) --base-url http://127.0.0.1:$$(($(E2E_PORT) - 6))/
	target/debug/pressline publish tests/fixtures/newsroom/newsroom.json --images tests/fixtures/newsroom --quiet --out $(NEWSROOM_DIST) --base-url http://127.0.0.1:$$(($(E2E_PORT) - 9))/

serve: build ## Build, then serve dist/ on http://127.0.0.1:8080 (deep links work)
	node tests/e2e/serve-dist.mjs dist $(PORT)

edit: build ## The editor (Decap CMS at /admin/) and the timeline it feeds on http://127.0.0.1:8080: content/ is edited in place
	cargo build --quiet --bin pressline
	node tools/edit-server.mjs --dist dist --port $(PORT) --decap-port $$(($(PORT) + 1))

dev: tools-build bundle ## Debug build served by trunk, rebuilt on every change
	trunk serve --port $(PORT)

lint: tools-build ## rustfmt, and clippy for the host and for wasm32
	cargo fmt --all --check
	cd fuzz && cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p pressline-core --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p pressline-web --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p pressline-web --all-targets --target wasm32-unknown-unknown --features split -- -D warnings
	@$(MAKE) --no-print-directory core-is-pure

core-is-pure: ## Fails if the core crate has any web crate in its dependency tree
	@if cargo tree -p pressline-core --edges normal,build --prefix none --target all \
	    | grep -E '^(leptos|leptos_router|tachys|reactive_graph|wasm-bindgen|js-sys|web-sys|gloo-[a-z]+|send_wrapper) '; then \
	  echo "pressline-core depends on a web crate (above): the core must stay pure" >&2; exit 1; \
	else echo "pressline-core: no web crate in its dependency tree"; fi

test-native: ## Every crate's native tests (seconds)
	cargo test --workspace

test-components: tools-build tools-browser tools-engines ## Component tests in each of ENGINES (Chromium, Firefox, WebKit)
	@for engine in $(ENGINES); do \
	  echo "## component tests in $$engine"; \
	  case $$engine in \
	    chromium) env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=$$(command -v chromedriver) \
	                cargo test -p pressline-web --target wasm32-unknown-unknown --test components --test histogram_component ;; \
	    firefox) env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER=$(GECKODRIVER) \
	                cargo test -p pressline-web --target wasm32-unknown-unknown --test components --test histogram_component ;; \
	    webkit) env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER=$$(command -v WebKitWebDriver) \
	                .ci/retry-engine-crash.sh xvfb-run -a cargo test -p pressline-web --target wasm32-unknown-unknown --test components --test histogram_component ;; \
	    *) echo "unknown engine $$engine (chromium, firefox, webkit)" >&2; exit 2 ;; \
	  esac; \
	done

smoke: build published tools-browser tools-engines ## Smoke journeys through WebDriver in each of ENGINES (screenshots in target/screenshots/<engine>/)
	cargo build --quiet --bin query_dataset
	@for engine in $(ENGINES); do \
	  case $$engine in \
	    chromium) node tests/webdriver/smoke.mjs chromium ;; \
	    firefox) GECKODRIVER=$(GECKODRIVER) node tests/webdriver/smoke.mjs firefox ;; \
	    webkit) xvfb-run -a node tests/webdriver/smoke.mjs webkit ;; \
	  esac; \
	done

e2e: build build-subpath published tools-browser ## Playwright against the release build served over HTTP
	cargo build --bin query_dataset
	E2E_PORT=$(E2E_PORT) npx playwright test -c tests/e2e/playwright.config.js

lighthouse: build tools-browser ## Lighthouse (desktop, unthrottled) on the timeline and a release; fails under 100 accessibility
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} node tests/lighthouse/run.mjs

test: setup lint test-native fuzz-smoke test-components e2e smoke lighthouse size embargo-check ## Every check (what CI runs)

# Fuzzing (cargo fuzz, libFuzzer, nightly): every entry point that reads outside bytes.
SECONDS ?= 600
FUZZ_SMOKE_RUNS ?= 20000

tools-nightly: ## The nightly toolchain with its sources (fuzzing)
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@rustup component list --toolchain nightly --installed | grep -q '^rust-src' \
	  || rustup component add rust-src --toolchain nightly

tools-fuzz: tools-nightly ## cargo-fuzz (on the nightly toolchain)
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2

fuzz: tools-fuzz ## Fuzz every target for SECONDS each (default 600), from the corpora in fuzz/corpus
	.ci/fuzz.sh $(SECONDS)

# A build and a publish of tests/fixtures/embargo-content (one release under embargo until
# 2030-06-01): before that moment neither its id nor its title is in any file written (the
# wasm, pages, feeds, sitemap, data, compressed copies decompressed); after it, they are in the
# wasm, its page, the timeline, the feed and the sitemap. Built for /embargo/ into its own
# directory, so the app's own build stays cached.
EMBARGO_DIST := target/dist-embargo
EMBARGO_NEEDLES := embargo-zq7x "Quokka Zephyr Ultimatum 7x"
embargo-check: tools-build tools-browser ## (in make test) nothing under embargo is in any deployed file until its time
	$(MAKE) --no-print-directory dist PUBLIC_URL=/embargo/ DIST=$(EMBARGO_DIST) BASE_URL=https://example.org/embargo/ \
	  DATASET=tests/fixtures/embargo-content NOW=2030-06-01T06:59:59Z
	node tests/embargo/leak.mjs $(EMBARGO_DIST) --absent $(EMBARGO_NEEDLES)
	$(MAKE) --no-print-directory dist PUBLIC_URL=/embargo/ DIST=$(EMBARGO_DIST) BASE_URL=https://example.org/embargo/ \
	  DATASET=tests/fixtures/embargo-content NOW=2030-06-01T07:00:00Z
	node tests/embargo/leak.mjs $(EMBARGO_DIST) --present --in '_bg\.wasm$$' --in '^releases/embargo-zq7x/index\.html$$' \
	  --in '^index\.html$$' --in '^feed\.xml$$' --in '^data/releases\.json$$' $(EMBARGO_NEEDLES)
	node tests/embargo/leak.mjs $(EMBARGO_DIST) --present --in '^sitemap.*\.xml$$' embargo-zq7x
	@$(MAKE) --no-print-directory bundle

fuzz-smoke: tools-fuzz ## (in make test) each fuzz target's corpus, then FUZZ_SMOKE_RUNS inputs from a fixed seed
	FUZZ_RUNS=$(FUZZ_SMOKE_RUNS) .ci/fuzz.sh 0

# Everything the browser fetches until the app has adopted the prerendered timeline or release
# page, or an embed has started (brotli), may not exceed SIZE_LIMIT: a ratchet against
# regressions (the first view itself is the page's HTML and CSS, about 11 KB). SIZE_TARGET is
# the aim (TimelineJS's first load is about 65 KB).
SIZE_LIMIT ?= 445000
SIZE_TARGET ?= 65000

size: build tools-browser tools-size ## Sizes of dist/, first loads, where the wasm's bytes go; fails over SIZE_LIMIT
	@wasm-bindgen --keep-debug --keep-lld-exports --target web --out-dir target/size \
	  target/wasm-split/release/pressline-app.wasm
	@wasm-opt -Os -g --enable-bulk-memory --enable-nontrapping-float-to-int \
	  target/size/pressline-app_bg.wasm -o target/size/named.wasm
	@SIZE_LIMIT=$(SIZE_LIMIT) SIZE_TARGET=$(SIZE_TARGET) NAMED_WASM=target/size/named.wasm .ci/size.sh dist

tools-size: ## twiggy, which says where the wasm's bytes go
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0

N ?= 10000
SEED ?= 1
DATASETS := target/datasets

dataset: ## Write a synthetic dataset of N releases (SEED=1) to target/datasets/
	@mkdir -p $(DATASETS)
	cargo run --quiet --profile native --bin generate_dataset -- $(N) $(SEED) > $(DATASETS)/releases-$(N).json
	@echo "wrote $(DATASETS)/releases-$(N).json ($$(du -h $(DATASETS)/releases-$(N).json | cut -f1))"

$(DATASETS)/releases-%.json:
	@mkdir -p $(DATASETS)
	cargo run --quiet --profile native --bin generate_dataset -- $* 1 > $@

$(DATASETS)/million-small.json:
	@mkdir -p $(DATASETS)
	node tests/bench/million-small.mjs $@

$(DATASETS)/archive-100000/manifest.json: $(DATASETS)/releases-100000.json
	cargo run --quiet --profile native --bin pressline -- shard $< --out $(DATASETS)/archive-100000

bench: build tools-browser $(DATASETS)/releases-1000.json $(DATASETS)/releases-10000.json $(DATASETS)/releases-100000.json $(DATASETS)/archive-100000/manifest.json $(DATASETS)/million-small.json bench-phone ## Native and in-browser benchmarks at 1k, 10k, 100k, a million minimal releases, and a sharded 100k archive
	@echo "## Native (the pure core, opt-level 3)"
	cargo run --quiet --profile native --bin bench_query -- $(DATASETS)/releases-{1000,10000,100000}.json
	@echo
	@echo "## In the browser (release build, headless Chromium)"
	node tests/bench/browser-bench.mjs $(DATASETS)/releases-{10000,100000}.json $(DATASETS)/million-small.json archive:$(DATASETS)/archive-100000
	@echo
	@echo "## Publishing 100k releases (pressline publish over dist/, opt-level 3, $$(nproc) threads)"
	cargo build --quiet --profile native --bin pressline
	rm -rf target/bench-publish && cp -r dist target/bench-publish
	target/native/pressline publish $(DATASETS)/releases-100000.json --out target/bench-publish --base-url https://example.org/

bench-phone: build tools-browser ## Lighthouse (phone and desktop) and time to the first release, side by side with TimelineJS
	node tests/bench/phone.mjs dist

clean: ## Remove build output (keeps installed tools)
	cargo clean
	rm -rf dist
