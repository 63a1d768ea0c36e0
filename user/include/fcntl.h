/* fcntl.h: open() and its flags. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <linux/fcntl.h>

int open(const char *path, int flags);

#endif
