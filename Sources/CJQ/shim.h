// libjq's headers. Debian's libjq-dev (jq 1.6) ships jq.h and jv.h in /usr/include but no
// pkg-config file; Homebrew's jq (1.7 and later) ships libjq.pc, which Package.swift names on
// macOS so SwiftPM finds /opt/homebrew/include and /opt/homebrew/lib.
#include <jv.h>
#include <jq.h>
