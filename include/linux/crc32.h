/* CRC-32 (kernel/lib/crc32.c), the one of zlib, PNG and Ethernet. */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H
#include <linux/types.h>

/**
 * crc32_le() - Continue a little-endian (reflected) CRC-32 over a buffer.
 * @crc: the CRC so far: ~0 to start (and ~result at the end, for zlib's value)
 * @p:   the bytes
 * @len: how many
 *
 * Context: any context.
 * Return: the CRC after @len more bytes.
 */
u32 crc32_le(u32 crc, const u8 *p, size_t len);

/**
 * crc32() - zlib's CRC-32 of a whole buffer (Ethernet's frame check sequence).
 * @p:   the bytes
 * @len: how many
 *
 * Context: any context; does not sleep.
 * Return: the CRC.
 */
static inline u32 crc32(const void *p, size_t len)
{
	return ~crc32_le(~0u, p, len);
}

#endif
