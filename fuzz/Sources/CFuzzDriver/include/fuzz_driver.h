// libFuzzer's entry point for programs that have their own main (SwiftPM gives every executable
// one, so libFuzzer's main is never linked): it parses libFuzzer's flags and runs the loop.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*user_callback)(const uint8_t *data, size_t size));
