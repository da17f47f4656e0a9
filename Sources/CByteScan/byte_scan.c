// Everything is static inline in include/byte_scan.h; SwiftPM needs one source file per C target.
#include "byte_scan.h"
