/*
 * Basic types and helpers shared by every hypervisor file. Only compiler
 * headers (stdint, stddef, stdbool, stdarg) are used, so the logic files that
 * include this also build on the host for unit tests.
 */
#ifndef HV_TYPES_H
#define HV_TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <hv/errno.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef int64_t  s64;
typedef uint64_t paddr_t;   /* machine (physical) address */
typedef uint64_t pfn_t;     /* machine frame number */
typedef uint16_t domid_t;

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1UL << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))

#define ARRAY_SIZE(a)       (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)      (((x) + (a) - 1) & ~((typeof(x))(a) - 1))
#define ALIGN_DOWN(x, a)    ((x) & ~((typeof(x))(a) - 1))
#define MIN(a, b)           ((a) < (b) ? (a) : (b))
#define MAX(a, b)           ((a) > (b) ? (a) : (b))
#define container_of(p, type, member) \
    ((type *)((char *)(p) - offsetof(type, member)))

#define __noreturn      __attribute__((noreturn))
#define __packed        __attribute__((packed))
#define __aligned(n)    __attribute__((aligned(n)))
#define __section(s)    __attribute__((section(s)))
#define __printf(f, a)  __attribute__((format(printf, f, a)))
#define __used          __attribute__((used))
#define unlikely(x)     __builtin_expect(!!(x), 0)

#endif
