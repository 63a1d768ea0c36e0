/* Atomic integers and memory barriers (arch/x86/include/asm/atomic.h). */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H
#include <asm/atomic.h>
#endif
