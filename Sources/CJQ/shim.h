// Debian's libjq-dev (jq 1.6) ships jq.h and jv.h but no pkg-config file.
#include <jv.h>
#include <jq.h>
