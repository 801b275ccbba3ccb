# Thin wrapper: install Debian packages, configure, build, test, run the demo. Logic lives in CMake and scripts/.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= data/index
TSUBO_CORPUS ?= ../shared/corpus
export TSUBO_CORPUS

.PHONY: all deps build test demo clean

all: build

deps:
	bash scripts/install-deps.sh

$(BUILD_DIR)/Makefile: CMakeLists.txt tests/CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/Makefile
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

demo: build
	bash scripts/demo.sh $(BUILD_DIR)/tsubo $(DB)

clean:
	rm -rf $(BUILD_DIR)
