/*
 * module_test: the user side of the `module` suite (tests/kernel/module.c).
 * Each case drives the module system calls the way insmod and rmmod do, or
 * hands the kernel a .ko damaged on purpose: truncated, with a byte flipped
 * (the checksum catches it), or with one ELF field made wrong and the
 * checksum recomputed (so the loader's own checks must catch it). Every bad
 * image must be refused with the right error; nothing may crash.
 *
 *     module_test CASE        exits with the number of failed checks
 */
#include <check.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <module.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_IMAGE (256 * 1024)

static unsigned char original[MAX_IMAGE], image[MAX_IMAGE];
static long original_len;

/* Reads /lib/modules/NAME.ko into original[] and a working copy image[]. */
static long load_file(const char *name)
{
	char path[96];
	long n;
	int fd;

	snprintf(path, sizeof(path), "/lib/modules/%s.ko", name);
	fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	if (fd < 0)
		return 0;
	original_len = 0;
	while ((n = read(fd, original + original_len, MAX_IMAGE - original_len)) > 0)
		original_len += n;
	close(fd);
	CHECK(original_len > 0 && original_len < MAX_IMAGE);
	memcpy(image, original, original_len);
	return original_len;
}

static void restore(void)
{
	memcpy(image, original, original_len);
}

/* The ELF object's length: everything before the checksum trailer. */
static long elf_len(void)
{
	return original_len - (long)sizeof(struct module_checksum);
}

/* Recomputes the checksum over image[], as tools/modpost.py seals a module. */
static void reseal(void)
{
	struct module_checksum *sum = (void *)(image + elf_len());

	sum->crc32 = crc32(image, elf_len());
}

static Elf32_Ehdr *ehdr(void)
{
	return (Elf32_Ehdr *)image;
}

static Elf32_Shdr *shdr(int i)
{
	return (Elf32_Shdr *)(image + ehdr()->e_shoff) + i;
}

static const char *section_name(int i)
{
	return (const char *)image + shdr(ehdr()->e_shstrndx)->sh_offset + shdr(i)->sh_name;
}

static int find_section(const char *name)
{
	for (int i = 1; i < ehdr()->e_shnum; i++)
		if (!strcmp(section_name(i), name))
			return i;
	return -1;
}

/* The first section of a type, or -1. */
static int find_type(unsigned int type)
{
	for (int i = 1; i < ehdr()->e_shnum; i++)
		if (shdr(i)->sh_type == type)
			return i;
	return -1;
}

/* The first REL section that relocates a loaded section. */
static Elf32_Rel *first_relocation(void)
{
	for (int i = 1; i < ehdr()->e_shnum; i++)
		if (shdr(i)->sh_type == SHT_REL && (shdr(shdr(i)->sh_info)->sh_flags & SHF_ALLOC) &&
		    shdr(i)->sh_size)
			return (Elf32_Rel *)(image + shdr(i)->sh_offset);
	return NULL;
}

/* Where the first len bytes of needle lie in section sec, or NULL. */
static char *find_bytes(int sec, const char *needle, size_t len)
{
	char *start = (char *)image + shdr(sec)->sh_offset;

	for (char *p = start; p + len <= start + shdr(sec)->sh_size; p++)
		if (!memcmp(p, needle, len))
			return p;
	return NULL;
}

/* Where the string needle (with its NUL) lies in section sec, or NULL. */
static char *find_string(int sec, const char *needle)
{
	return find_bytes(sec, needle, strlen(needle) + 1);
}

/* Where a string starting with prefix lies in section sec, or NULL. */
static char *find_prefix(int sec, const char *prefix)
{
	return find_bytes(sec, prefix, strlen(prefix));
}

static int load(long len, const char *params)
{
	return init_module(image, len, params);
}

/* The good image loads and unloads (the control for every bad one). */
static void control(const char *name)
{
	restore();
	CHECK(load(original_len, "") == 0);
	CHECK(delete_module(name, O_NONBLOCK) == 0);
}

static void loads_and_unloads(void)
{
	load_file("hello");
	CHECK(load(original_len, "who=module_test count=1") == 0);
	CHECK_ERR(load(original_len, ""), EEXIST); /* a second hello */
	CHECK(delete_module("hello", O_NONBLOCK) == 0);
	CHECK_ERR(delete_module("hello", O_NONBLOCK), ENOENT);
}

/* Each relocation type is in the object, and the module's init (which
 * checks its own relocated code) succeeds. */
static void relocations(void)
{
	int seen[8] = { 0 };

	load_file("relocs");
	for (int i = 1; i < ehdr()->e_shnum; i++) {
		Elf32_Rel *rel = (Elf32_Rel *)(image + shdr(i)->sh_offset);

		if (shdr(i)->sh_type != SHT_REL || !(shdr(shdr(i)->sh_info)->sh_flags & SHF_ALLOC))
			continue;
		for (unsigned int r = 0; r < shdr(i)->sh_size / sizeof(*rel); r++)
			if (ELF32_R_TYPE(rel[r].r_info) < 8)
				seen[ELF32_R_TYPE(rel[r].r_info)]++;
	}
	CHECK(seen[R_386_32] > 0);
	CHECK(seen[R_386_PC32] > 0);
	CHECK(seen[R_386_PLT32] > 0);
	int fd = open("/lib/modules/relocs.ko", O_RDONLY);
	CHECK(finit_module(fd, "", 0) == 0);
	close(fd);
	CHECK(delete_module("relocs", O_NONBLOCK) == 0);
}

static void unknown_symbol(void)
{
	char *name;

	load_file("hello");
	name = find_string(shdr(find_type(SHT_SYMTAB))->sh_link, "printk");
	CHECK(name != NULL);
	if (!name)
		return;
	name[5] = 'q'; /* printq: nobody exports it */
	reseal();
	CHECK_ERR(load(original_len, ""), ENOENT);
	control("hello");
}

/* A GPL-only export is refused to a module whose license is not GPL-compatible. */
static void gpl_only_symbol(void)
{
	char *license;

	load_file("irqwait");
	license = find_string(find_section(".modinfo"), "license=GPL");
	CHECK(license != NULL);
	if (!license)
		return;
	memcpy(license, "license=MIT", 11);
	reseal();
	CHECK_ERR(load(original_len, ""), ENOENT);
	control("irqwait");
}

static void wrong_vermagic(void)
{
	char *magic;

	load_file("hello");
	magic = find_prefix(find_section(".modinfo"), "vermagic=");
	CHECK(magic != NULL);
	if (!magic)
		return;
	magic[9] = '9'; /* "9.2.0-janus ...": another release */
	reseal();
	CHECK_ERR(load(original_len, ""), ENOEXEC);
	control("hello");
}

static void truncated_images(void)
{
	static const long cuts[] = { 4, 52, 100, 1000 };

	load_file("hello");
	for (unsigned int i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++)
		CHECK_ERR(load(cuts[i], ""), ENOEXEC);
	CHECK_ERR(load(elf_len(), ""), ENOEXEC);         /* the trailer cut off */
	CHECK_ERR(load(original_len - 1, ""), ENOEXEC);  /* its last byte */
	CHECK_ERR(load(original_len / 2, ""), ENOEXEC);
	control("hello");
}

/* A flipped byte anywhere, not resealed: the checksum says so. */
static void damaged_bytes(void)
{
	load_file("hello");
	for (long at = 0; at < elf_len(); at += elf_len() / 11 + 1) {
		restore();
		image[at] ^= 0x20;
		CHECK_ERR(load(original_len, ""), EBADMSG);
	}
	control("hello");
}

/* One field made wrong, the checksum recomputed: the loader's checks. */
static void malformed(void (*damage)(void), const char *what)
{
	restore();
	damage();
	reseal();
	errno = 0;
	if (load(original_len, "") != -1 || errno != ENOEXEC) {
		check_failures++;
		printf("    # %s: loaded or gave errno %d, want ENOEXEC\n", what, errno);
		delete_module("hello", O_NONBLOCK);
	}
}

static void bad_class(void) { ehdr()->e_ident[EI_CLASS] = 2; }
static void bad_type(void) { ehdr()->e_type = ET_EXEC; }
static void bad_machine(void) { ehdr()->e_machine = 62; }
static void shoff_past_end(void) { ehdr()->e_shoff = elf_len() - 8; }
static void too_many_sections(void) { ehdr()->e_shnum = 0xffff; }
static void bad_shstrndx(void) { ehdr()->e_shstrndx = ehdr()->e_shnum; }
static void bad_shentsize(void) { ehdr()->e_shentsize = 20; }
static void symtab_entsize(void) { shdr(find_type(SHT_SYMTAB))->sh_entsize = 8; }
static void text_past_end(void) { shdr(find_section(".init.text"))->sh_offset = elf_len() - 4; }
static void huge_section(void) { shdr(find_section(".init.text"))->sh_size = 0x7ffffff0; }
static void no_this_module(void)
{
	((char *)image + shdr(ehdr()->e_shstrndx)->sh_offset +
	 shdr(find_section(".gnu.linkonce.this_module"))->sh_name)[1] = 'x';
}
static void this_module_size(void) { shdr(find_section(".gnu.linkonce.this_module"))->sh_size -= 4; }
static void unterminated_modinfo(void)
{
	Elf32_Shdr *sh = shdr(find_section(".modinfo"));

	image[sh->sh_offset + sh->sh_size - 1] = 'x';
}
static void no_vermagic(void)
{
	char *magic = find_prefix(find_section(".modinfo"), "vermagic=");

	if (magic)
		*magic = 'V'; /* "Vermagic=": not the tag the loader looks for */
}
static void reloc_offset(void) { first_relocation()->r_offset = 0x7ffffff0; }
static void reloc_type(void) { first_relocation()->r_info = (first_relocation()->r_info & ~0xffu) | 0x2b; }
static void reloc_symbol(void) { first_relocation()->r_info = (0xffffffu << 8) | R_386_32; }
static void reloc_target(void)
{
	for (int i = 1; i < ehdr()->e_shnum; i++)
		if (shdr(i)->sh_type == SHT_REL && (shdr(shdr(i)->sh_info)->sh_flags & SHF_ALLOC)) {
			shdr(i)->sh_info = 0x7777;
			return;
		}
}
static void symbol_section(void)
{
	Elf32_Sym *sym = (Elf32_Sym *)(image + shdr(find_type(SHT_SYMTAB))->sh_offset);

	for (int i = 1;; i++)
		if (sym[i].st_shndx && sym[i].st_shndx < 0xff00) {
			sym[i].st_shndx = 0xfe00;
			return;
		}
}
static void symbol_name(void) { ((Elf32_Sym *)(image + shdr(find_type(SHT_SYMTAB))->sh_offset))[1].st_name = 0x7fffffff; }
static void strtab_unterminated(void)
{
	Elf32_Shdr *sh = shdr(shdr(find_type(SHT_SYMTAB))->sh_link);

	image[sh->sh_offset + sh->sh_size - 1] = 'x';
}
static void big_alignment(void) { shdr(find_section(".init.text"))->sh_addralign = 0x3000; }
static void rela_section(void)
{
	for (int i = 1; i < ehdr()->e_shnum; i++)
		if (shdr(i)->sh_type == SHT_REL && (shdr(shdr(i)->sh_info)->sh_flags & SHF_ALLOC)) {
			shdr(i)->sh_type = SHT_RELA;
			return;
		}
}
static void two_symtabs(void) { shdr(find_type(SHT_STRTAB))->sh_type = SHT_SYMTAB; }
static void malformed_images(void)
{
	static const struct {
		void (*damage)(void);
		const char *what;
	} damages[] = {
		{ bad_class, "64-bit class" },          { bad_type, "ET_EXEC" },
		{ bad_machine, "x86-64 machine" },      { shoff_past_end, "section headers past the end" },
		{ too_many_sections, "65535 sections" }, { bad_shstrndx, "no name table" },
		{ bad_shentsize, "section header size" }, { symtab_entsize, "symbol size" },
		{ text_past_end, "text past the end" }, { huge_section, "a 2 GiB section" },
		{ no_this_module, "no struct module" }, { this_module_size, "struct module size" },
		{ unterminated_modinfo, "unterminated .modinfo" }, { no_vermagic, "no vermagic" },
		{ reloc_offset, "relocation outside its section" },
		{ reloc_type, "unknown relocation type" }, { reloc_symbol, "relocation symbol" },
		{ reloc_target, "relocations for no section" },
		{ symbol_section, "symbol in no section" }, { symbol_name, "symbol name" },
		{ strtab_unterminated, "unterminated string table" },
		{ big_alignment, "alignment 0x3000" }, { rela_section, "RELA" },
		{ two_symtabs, "two symbol tables" },
	};

	load_file("hello");
	for (unsigned int i = 0; i < sizeof(damages) / sizeof(damages[0]); i++)
		malformed(damages[i].damage, damages[i].what);
	control("hello");
}

static void parameters(void)
{
	load_file("hello");
	CHECK_ERR(load(original_len, "count=abc"), EINVAL);
	CHECK_ERR(load(original_len, "count"), EINVAL);          /* an int needs a value */
	CHECK_ERR(load(original_len, "count=99999999999"), EINVAL);
	CHECK_ERR(load(original_len, "count=11"), EINVAL);       /* hello's init refuses it */
	CHECK_ERR(load(original_len, "lucky=1,2,3,4,5"), EINVAL); /* an array of 4 */
	CHECK_ERR(load(original_len, "lucky=1,x"), EINVAL);
	CHECK(load(original_len, "nosuch=1 count=0x2 who=\"two words\"") == 0); /* unknown: ignored */
	CHECK(delete_module("hello", O_NONBLOCK) == 0);
}

static void call_errors(void)
{
	int fd = open("/dev/null", O_RDONLY);

	load_file("hello");
	CHECK_ERR(finit_module(-1, "", 0), EBADF);
	CHECK_ERR(finit_module(fd, "", 0), EINVAL);           /* not a regular file */
	close(fd);
	fd = open("/lib/modules/hello.ko", O_RDONLY);
	CHECK_ERR(finit_module(fd, "", 0x100), EINVAL);       /* unknown flags */
	CHECK_ERR(finit_module(fd, "", MODULE_INIT_IGNORE_VERMAGIC), ENOEXEC);
	CHECK_ERR(finit_module(fd, (const char *)0xc0000000, 0), EFAULT);
	close(fd);
	CHECK_ERR(init_module(image, 4, ""), ENOEXEC);
	CHECK_ERR(init_module((void *)0xc0000000, original_len, ""), EFAULT);
	CHECK_ERR(init_module(image, 64 << 20, ""), EFBIG);
	CHECK_ERR(delete_module("no_such_module", O_NONBLOCK), ENOENT);
	CHECK_ERR(delete_module((const char *)0xc0000000, O_NONBLOCK), EFAULT);
}

/* Reads one line from /dev/irqwait: blocks until the module's interrupt. */
static void irqwait_read(void)
{
	char line[64] = "";
	int fd = open("/dev/irqwait", O_RDONLY);
	long n;

	CHECK(fd >= 0);
	n = read(fd, line, sizeof(line) - 1);
	CHECK(n > 0 && !strncmp(line, "irq ", 4) && strstr(line, ": event "));
	close(fd);
}

/* A small xorshift generator: the same damage on every run. */
static unsigned int next_random(void)
{
	static unsigned int x = 2463534242u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

/* The load and unload of every module named, loops times. */
static void load_unload_loop(int loops, int argc, char **argv)
{
	for (int i = 0; i < loops; i++) {
		for (int m = 0; m < argc; m++) {
			char path[96];
			int fd;

			snprintf(path, sizeof(path), "/lib/modules/%s.ko", argv[m]);
			fd = open(path, O_RDONLY);
			CHECK(fd >= 0 && finit_module(fd, "", 0) == 0);
			close(fd);
			CHECK(delete_module(argv[m], O_NONBLOCK) == 0);
		}
	}
}

/* loops damaged copies of hello.ko: bytes flipped, runs overwritten, the
 * file cut short. Every one must be refused; none may crash the kernel. */
static void corruption(int loops)
{
	int refused[128] = { 0 };

	load_file("hello");
	for (int i = 0; i < loops; i++) {
		long len = original_len;
		unsigned int kind = next_random() % 3, errnum;

		restore();
		if (kind == 0) {
			for (unsigned int n = 1 + next_random() % 4; n; n--)
				image[next_random() % original_len] ^= 1 + next_random() % 255;
		} else if (kind == 1) {
			long at = next_random() % (original_len - 16);

			for (int b = 0; b < 16; b++)
				image[at + b] = next_random();
			image[at] = ~original[at]; /* at least one byte differs */
		} else {
			len = next_random() % original_len;
		}
		errno = 0;
		if (load(len, "") == 0) {
			check_failures++;
			printf("    # damaged copy %d (kind %u) loaded\n", i, kind);
			delete_module("hello", O_NONBLOCK);
			continue;
		}
		errnum = errno < 128 ? errno : 0;
		refused[errnum]++;
	}
	printf("    # %d damaged copies of hello.ko refused: %d EBADMSG (checksum), %d ENOEXEC (format), %d other\n",
	       loops, refused[EBADMSG], refused[ENOEXEC], loops - refused[EBADMSG] - refused[ENOEXEC]);
	CHECK(refused[EBADMSG] + refused[ENOEXEC] == loops);
	control("hello");
}

static const struct check_case cases[] = {
	{ "loads_and_unloads", loads_and_unloads },
	{ "relocations", relocations },
	{ "unknown_symbol", unknown_symbol },
	{ "gpl_only_symbol", gpl_only_symbol },
	{ "wrong_vermagic", wrong_vermagic },
	{ "truncated_images", truncated_images },
	{ "damaged_bytes", damaged_bytes },
	{ "malformed_images", malformed_images },
	{ "parameters", parameters },
	{ "call_errors", call_errors },
	{ "irqwait_read", irqwait_read },
	{ NULL, NULL },
};

/*
 * module_test CASE, or the long runs of their own configurations:
 *     module_test loop N MODULE...     load and unload each MODULE, N times
 *     module_test corrupt N            N damaged copies of hello.ko
 */
int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "loop")) {
		load_unload_loop(atoi(argv[2]), argc - 3, argv + 3);
		return check_failures;
	}
	if (argc == 3 && !strcmp(argv[1], "corrupt")) {
		corruption(atoi(argv[2]));
		return check_failures;
	}
	return check_main(argc, argv, cases);
}
