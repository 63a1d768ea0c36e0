/* Fixed-size integer types and the kernel's basic typedefs (Linux names). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

typedef unsigned int size_t;
typedef int ssize_t;
typedef int ptrdiff_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef long long loff_t;
typedef unsigned long phys_addr_t;
typedef u32 dma_addr_t; /* an address as a device sees memory (here: the physical one) */
typedef unsigned int gfp_t;
typedef int pid_t;
typedef unsigned short umode_t;
typedef unsigned int dev_t;

typedef _Bool bool;
#define true 1
#define false 0

#define NULL ((void *)0)

/* Marks a pointer into user space (checked by sparse in Linux; documentation here). */
#define __user
#define __iomem
#define __force

#endif
