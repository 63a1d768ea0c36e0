/*
 * module.h: the module system calls (Linux i386 numbers 128, 129, 350;
 * glibc has no wrappers for them, Janus's libc does). Each returns 0, or -1
 * with errno set.
 *
 *   init_module(image, len, params)   load a module from memory
 *   finit_module(fd, params, flags)   load it from an open file (what insmod uses)
 *   delete_module(name, flags)        unload it (flags: O_NONBLOCK, as rmmod passes)
 */
#ifndef _MODULE_H
#define _MODULE_H

#include <fcntl.h>
#include <janus/module.h>
#include <linux/module.h>
#include <stddef.h>

int init_module(const void *image, unsigned long len, const char *params);
int finit_module(int fd, const char *params, int flags);
int delete_module(const char *name, unsigned int flags);

/* The CRC-32 that seals a .ko (janus/module.h): zlib's. */
unsigned int crc32(const void *buf, size_t len);

#endif
