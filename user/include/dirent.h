/* dirent.h: a directory's entries, as getdents64(2) returns them (Linux's record). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <stdint.h>

#define DT_UNKNOWN 0
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
} __attribute__((packed));

/* Fills buf with records from the open directory fd: bytes filled, 0 at the end. */
int getdents64(int fd, void *buf, unsigned int size);

#endif
