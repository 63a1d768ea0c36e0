/*
 * modinfo: what a module says about itself, as kmod's modinfo prints it:
 * the "tag=value" strings of its .modinfo section (license, author,
 * description, parameters with their types, vermagic...), read from the
 * .ko file without loading it. Janus adds whether its checksum holds.
 *
 *     modinfo FILE|NAME     (a bare NAME is /lib/modules/NAME.ko)
 */
#include <elf.h>
#include <fcntl.h>
#include <module.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static unsigned char image[1 << 20];

static long read_file(const char *arg, char *path, size_t size)
{
	int fd = open(arg, O_RDONLY);
	long len = 0, n;

	snprintf(path, size, "%s", arg);
	if (fd < 0 && !strchr(arg, '/')) {
		size_t alen = strlen(arg);

		snprintf(path, size, "/lib/modules/%s%s", arg,
			 alen > 3 && !strcmp(arg + alen - 3, ".ko") ? "" : ".ko");
		fd = open(path, O_RDONLY);
	}
	if (fd < 0)
		return -1;
	while ((n = read(fd, image + len, sizeof(image) - len)) > 0)
		len += n;
	close(fd);
	return n < 0 || len == sizeof(image) ? -1 : len;
}

/* The .modinfo section's bytes, or NULL; every offset checked against len. */
static const char *find_modinfo(long len, unsigned long *size)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)image;
	const Elf32_Shdr *sh, *names;

	if (len < (long)sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, 4) ||
	    eh->e_shentsize != sizeof(*sh) || eh->e_shoff > (unsigned long)len ||
	    eh->e_shnum > (len - eh->e_shoff) / sizeof(*sh) || eh->e_shstrndx >= eh->e_shnum)
		return NULL;
	sh = (const Elf32_Shdr *)(image + eh->e_shoff);
	names = &sh[eh->e_shstrndx];
	for (int i = 1; i < eh->e_shnum; i++) {
		if (sh[i].sh_name >= names->sh_size || names->sh_offset + names->sh_size > (unsigned long)len ||
		    strcmp((const char *)image + names->sh_offset + sh[i].sh_name, ".modinfo"))
			continue;
		if (sh[i].sh_offset + sh[i].sh_size > (unsigned long)len)
			return NULL;
		*size = sh[i].sh_size;
		return (const char *)image + sh[i].sh_offset;
	}
	return NULL;
}

/* The value of "tag=" for parameter name in parmtype/parm strings. */
static const char *param_field(const char *info, unsigned long size, const char *tag,
			       const char *name, size_t namelen)
{
	size_t taglen = strlen(tag);

	for (const char *p = info; p < info + size; p += strlen(p) + 1)
		if (!strncmp(p, tag, taglen) && p[taglen] == '=' &&
		    !strncmp(p + taglen + 1, name, namelen) && p[taglen + 1 + namelen] == ':')
			return p + taglen + 2 + namelen;
	return NULL;
}

static void print_info(const char *info, unsigned long size)
{
	for (const char *p = info; p < info + size; p += strlen(p) + 1) {
		const char *eq = strchr(p, '=');

		if (!*p || !eq || !strncmp(p, "parmtype=", 9))
			continue;
		if (!strncmp(p, "parm=", 5)) {
			const char *colon = strchr(p + 5, ':');
			size_t namelen = colon ? (size_t)(colon - p - 5) : strlen(p + 5);
			const char *type = param_field(info, size, "parmtype", p + 5, namelen);

			printf("%-16s%s%s%s%s\n", "parm:", p + 5, type ? " (" : "", type ? type : "",
			       type ? ")" : "");
			continue;
		}
		char tag[32];

		snprintf(tag, sizeof(tag), "%s", p);
		if ((size_t)(eq - p) < sizeof(tag) - 1)
			strcpy(tag + (eq - p), ":");
		printf("%-16s%s\n", tag, eq + 1);
	}
	/* Parameters without a description have only a parmtype. */
	for (const char *p = info; p < info + size; p += strlen(p) + 1) {
		const char *colon = strchr(p, ':');

		if (!strncmp(p, "parmtype=", 9) && colon &&
		    !param_field(info, size, "parm", p + 9, colon - p - 9))
			printf("%-16s%s\n", "parm:", p + 9);
	}
}

int main(int argc, char **argv)
{
	char path[256];
	const struct module_checksum *sum;
	const char *info;
	unsigned long size;
	long len;

	if (argc != 2) {
		printf("Usage: modinfo FILE|NAME\n");
		return 1;
	}
	len = read_file(argv[1], path, sizeof(path));
	if (len < 0) {
		printf("modinfo: ERROR: Module %s not found.\n", argv[1]);
		return 1;
	}
	sum = (const struct module_checksum *)(image + len - sizeof(*sum));
	info = find_modinfo(len, &size);
	if (!info) {
		printf("modinfo: ERROR: %s is not a module (no .modinfo section)\n", path);
		return 1;
	}
	printf("%-16s%s\n", "filename:", path);
	print_info(info, size);
	if (len < (long)sizeof(*sum) || memcmp(sum->magic, MODULE_CHECKSUM_MAGIC, sizeof(sum->magic)))
		printf("%-16s%s\n", "checksum:", "missing (the kernel will refuse it)");
	else
		printf("%-16scrc32 %08x, %s\n", "checksum:", sum->crc32,
		       sum->len == len - sizeof(*sum) && crc32(image, sum->len) == sum->crc32 ?
		       "intact" : "DAMAGED (the kernel will refuse it)");
	return 0;
}
