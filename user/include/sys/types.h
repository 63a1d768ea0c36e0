/* sys/types.h: the POSIX types the other headers share. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

typedef int pid_t;
typedef int ssize_t;
typedef unsigned int useconds_t;

#endif
