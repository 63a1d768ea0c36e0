/*
 * The initrd: a ustar archive in memory, loaded by GRUB or QEMU as a Multiboot
 * module (the one whose command line says "initrd", else the first). Each
 * file is a 512-byte header (name, octal size, checksum, "ustar" magic)
 * followed by its data, padded to 512 bytes; two zero blocks end it. The
 * archive is only read: spawn copies a program's bytes out of it.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <janus/initrd.h>
#include <janus/multiboot.h>

struct ustar_header {
	char name[100], mode[8], uid[8], gid[8], size[12], mtime[12], chksum[8];
	char typeflag, linkname[100], magic[6], version[2], uname[32], gname[32];
	char devmajor[8], devminor[8], prefix[155], pad[12];
};

static const u8 *archive;
static size_t archive_size;

static unsigned long octal(const char *s, size_t len)
{
	unsigned long v = 0;

	for (size_t i = 0; i < len && s[i] >= '0' && s[i] <= '7'; i++)
		v = v * 8 + (s[i] - '0');
	return v;
}

/* The sum of the header's bytes, the checksum field counted as spaces. */
static bool header_ok(const struct ustar_header *h)
{
	const u8 *b = (const u8 *)h;
	unsigned long sum = 0;

	for (size_t i = 0; i < sizeof(*h); i++)
		sum += (i >= 148 && i < 156) ? ' ' : b[i];
	return !memcmp(h->magic, "ustar", 5) && sum == octal(h->chksum, sizeof(h->chksum));
}

/**
 * initrd_init() - Find the initrd (a ustar archive) among the Multiboot modules.
 *
 * Takes the module whose command line says "initrd", or else the first one,
 * and checks that it is mapped and starts with a valid ustar header.
 *
 * Context: boot; does not sleep.
 * Return: true if an initrd is usable; false (with a log line why) otherwise.
 */
bool __init initrd_init(void)
{
	const typeof(boot_params.modules[0]) *m = NULL;

	for (unsigned int i = 0; i < boot_params.nr_modules; i++)
		if (!m || strstr(boot_params.modules[i].cmdline, "initrd"))
			m = &boot_params.modules[i];
	if (!m) {
		pr_info("initrd: none (no Multiboot module): no user programs\n");
		return false;
	}
	if (PAGE_OFFSET + m->end > high_memory || m->end - m->start < 1024) {
		pr_warn("initrd: module at %#lx-%#lx is not usable\n", (unsigned long)m->start,
			(unsigned long)m->end);
		return false;
	}
	archive = __va(m->start);
	archive_size = m->end - m->start;
	if (!header_ok((const struct ustar_header *)archive)) {
		pr_warn("initrd: not a ustar archive\n");
		archive = NULL;
		return false;
	}
	pr_info("initrd: %lu bytes at %#lx\n", (unsigned long)archive_size, (unsigned long)m->start);
	return true;
}

static bool name_is(const struct ustar_header *h, const char *path)
{
	size_t plen = strnlen(h->prefix, sizeof(h->prefix));

	if (plen) {
		if (strncmp(path, h->prefix, plen) || path[plen] != '/')
			return false;
		path += plen + 1;
	}
	return !strncmp(path, h->name, sizeof(h->name)) && strlen(path) <= sizeof(h->name);
}

/**
 * initrd_find() - Find a regular file in the initrd by path.
 * @path: the path, leading slashes ignored ("/bin/sh" is bin/sh)
 * @size: where the file's size goes
 *
 * The walk stops at the first damaged header: what follows cannot be trusted.
 *
 * Context: any context; does not sleep.
 * Return: the file's contents (read-only, in place), or NULL if not found.
 */
/**
 * initrd_name_at() - The name of the archive's @i-th file ("bin/sh"), for listings.
 * @i: from 0
 *
 * Context: any context.
 * Return: the name (not NUL-terminated past 100 characters: ustar's field), or NULL.
 */
const char *initrd_name_at(unsigned int i)
{
	size_t off = 0;

	while (archive && off + 512 <= archive_size) {
		const struct ustar_header *h = (const void *)(archive + off);
		unsigned long len = octal(h->size, sizeof(h->size));

		if (!h->name[0] || !header_ok(h) || off + 512 + len > archive_size)
			break;
		if ((h->typeflag == '0' || h->typeflag == '\0') && !i--)
			return h->name;
		off += 512 + ((len + 511) & ~511ul);
	}
	return NULL;
}

const void *initrd_find(const char *path, size_t *size)
{
	size_t off = 0;

	while (*path == '/')
		path++;
	while (archive && off + 512 <= archive_size) {
		const struct ustar_header *h = (const void *)(archive + off);
		unsigned long len = octal(h->size, sizeof(h->size));

		if (!h->name[0] || !header_ok(h))
			break; /* the end (or damage: what follows cannot be trusted) */
		if (off + 512 + len > archive_size)
			break;
		if ((h->typeflag == '0' || h->typeflag == '\0') && name_is(h, path)) {
			*size = len;
			return archive + off + 512;
		}
		off += 512 + ((len + 511) & ~511ul);
	}
	return NULL;
}
