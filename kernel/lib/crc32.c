/*
 * CRC-32, reflected, polynomial 0xedb88320: the checksum of zlib, PNG and
 * Ethernet. Four bits at a time from a 16-entry table: small, and fast
 * enough for checking a module image once at load.
 */
#include <linux/crc32.h>
#include <linux/export.h>

static const u32 crc32_nibble[16] = {
	0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4,
	0x4db26158, 0x5005713c, 0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
	0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

u32 crc32_le(u32 crc, const u8 *p, size_t len)
{
	while (len--) {
		crc ^= *p++;
		crc = (crc >> 4) ^ crc32_nibble[crc & 15];
		crc = (crc >> 4) ^ crc32_nibble[crc & 15];
	}
	return crc;
}
EXPORT_SYMBOL(crc32_le);
