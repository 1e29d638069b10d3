# The verbs people reach for. `make demo` and `make test` are the README's two commands.
PREFIX ?= /usr/local

.PHONY: demo test lint format build release install

demo:
	scripts/demo

test:
	scripts/test

lint:
	swift format lint --recursive --strict Sources Tests

format:
	swift format --in-place --recursive Sources Tests Package.swift

build:
	swift build

release:
	swift build -c release --static-swift-stdlib --product schemasnap

install: release
	install -d $(PREFIX)/bin
	install -m 755 "$$(swift build -c release --show-bin-path)/schemasnap" $(PREFIX)/bin/schemasnap
