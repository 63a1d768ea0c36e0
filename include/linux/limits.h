/* Integer limits. */
#ifndef _LINUX_LIMITS_H
#define _LINUX_LIMITS_H
#define INT_MAX 0x7fffffff
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX 0xffffffffU
#define LONG_MAX INT_MAX
#define LONG_MIN INT_MIN
#define ULONG_MAX UINT_MAX
#define LLONG_MAX 0x7fffffffffffffffLL
#define ULLONG_MAX 0xffffffffffffffffULL
#define U32_MAX UINT_MAX
#define U64_MAX ULLONG_MAX
#endif
