/*
 * The checksum trailer that tools/modpost.py appends to every .ko, and that
 * the module loader (kernel/module/elf.c) checks before it reads anything
 * else: a damaged or truncated module is refused with a clear error instead
 * of being run. It is an integrity check, not a signature (Linux appends a
 * signature at the same place, "~Module signature appended~\n").
 *
 *   [ the ELF object: len bytes ][ struct module_checksum ]
 *
 * crc32 is the CRC-32 of zlib, PNG and Ethernet (reflected, polynomial
 * 0xedb88320, initial and final value ~0) over the ELF object.
 */
#ifndef _UAPI_JANUS_MODULE_H
#define _UAPI_JANUS_MODULE_H

#define MODULE_CHECKSUM_MAGIC "~Janus module checksum~\n"

struct module_checksum {
	unsigned int crc32;
	unsigned int len;  /* the bytes before the trailer, which crc32 covers */
	char magic[24];    /* MODULE_CHECKSUM_MAGIC, without its NUL */
};

#endif
