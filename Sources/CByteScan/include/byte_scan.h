// Byte classification for the JSON scanners, 64 bytes at a time, as bit masks (bit k = byte k).
// Swift has no portable way to gather the top bits of 16 lanes into an integer (x86's pmovmskb);
// written in its generic SIMD types the gather costs two multiplies per 8 bytes. These static
// inline functions are inlined into the Swift callers. x86-64 only (SSE2 is part of its baseline);
// elsewhere ML_HAS_SSE2 is 0 and the Swift version is used.
#ifndef METADATA_LINT_BYTE_SCAN_H
#define METADATA_LINT_BYTE_SCAN_H

#include <stdint.h>

#if defined(__x86_64__) && defined(__SSE2__)
#define ML_HAS_SSE2 1
#include <emmintrin.h>

/// Quote, backslash, control character (below 0x20) or non-ASCII byte: where a string scan stops.
static inline uint64_t ml_string_stops(const void *p) {
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1F);
    uint64_t mask = 0;
    for (int lane = 0; lane < 4; lane++) {
        __m128i v = _mm_loadu_si128((const __m128i *)((const char *)p + 16 * lane));
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, lastControl), v);
        __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                     _mm_or_si128(control, v));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(stops) << (16 * lane);
    }
    return mask;
}

/// Space, tab, line feed or carriage return.
static inline uint64_t ml_whitespace(const void *p) {
    uint64_t mask = 0;
    for (int lane = 0; lane < 4; lane++) {
        __m128i v = _mm_loadu_si128((const __m128i *)((const char *)p + 16 * lane));
        __m128i space = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(space) << (16 * lane);
    }
    return mask;
}

/// Line feeds.
static inline uint64_t ml_line_feeds(const void *p) {
    uint64_t mask = 0;
    for (int lane = 0; lane < 4; lane++) {
        __m128i v = _mm_loadu_si128((const __m128i *)((const char *)p + 16 * lane));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))) << (16 * lane);
    }
    return mask;
}
#else
#define ML_HAS_SSE2 0
#endif

#endif
