// zlib's header: /usr/include on Debian (zlib1g-dev, with zlib.pc), the SDK on macOS, or
// Homebrew's keg-only zlib through its zlib.pc.
#include <zlib.h>
