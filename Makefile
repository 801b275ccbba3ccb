# Thin wrapper: install Debian packages, configure, build, test, run the demo. Logic lives in CMake and scripts/.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= data/index
TSUBO_CORPUS ?= $(abspath ../shared/corpus)
export TSUBO_CORPUS

.PHONY: all deps build test demo web-test bench-http fuzz clean

all: build

deps:
	bash scripts/install-deps.sh

$(BUILD_DIR)/Makefile: CMakeLists.txt tests/CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/Makefile
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Indexes the corpus when $(DB) does not exist yet, then serves it (the URL is printed; PORT=… to change).
demo: build
	bash scripts/serve-demo.sh $(BUILD_DIR)/tsubo $(DB)

# The browser tests alone (also part of `make test` through ctest).
web-test: build
	bash tests/web/run.sh $(BUILD_DIR)/tsubo

# wrk against /api/search of $(DB); not part of the tests.
bench-http: build
	bash bench/http_wrk.sh $(BUILD_DIR)/tsubo $(DB)

# Every fuzz target (fuzz/) for FUZZ_SECONDS each (default 60) under ASan+UBSan, in build-fuzz/.
fuzz: deps
	bash scripts/fuzz.sh

clean:
	rm -rf $(BUILD_DIR)
