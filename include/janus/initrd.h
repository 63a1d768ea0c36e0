/* The initial ramdisk: a ustar archive that the boot loader loaded as a
 * Multiboot module (kernel/initrd.c). It holds the user programs, bin/NAME. */
#ifndef _JANUS_INITRD_H
#define _JANUS_INITRD_H
#include <linux/types.h>

/* Finds the archive among the boot modules and checks it; false if none. */
bool initrd_init(void);
/* The name of the i-th file ("bin/sh"), or NULL past the last. */
const char *initrd_name_at(unsigned int i);
/* The contents of path ("/bin/hello" or "bin/hello"), or NULL. */
const void *initrd_find(const char *path, size_t *size);

#endif
