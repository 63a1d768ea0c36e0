/*
 * lspci: list the PCI devices, as Linux's lspci does, from the same files:
 * /proc/bus/pci/devices (one line per function: address, ids, IRQ, regions,
 * driver) and /proc/bus/pci/BB/DD.F (the function's configuration space,
 * for its class, revision and capabilities).
 *
 *   lspci        00:03.0 Ethernet controller: Intel Corporation 82540EM ... (rev 03)
 *   lspci -n     00:03.0 0200: 8086:100e (rev 03)
 *   lspci -v     ... plus IRQ, regions, MSI capability and the driver in use
 */
#include <fcntl.h>
#include <linux/pci_regs.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_FIELDS 17 /* address, ids, irq, 7 starts, 7 sizes; then the driver */

struct name {
	unsigned int id;
	const char *text;
};

/* A few of the PCI ID Repository's names: what QEMU's PC machine has. */
static const struct name vendors[] = {
	{ 0x8086, "Intel Corporation" },
	{ 0x1234, "QEMU" },
	{ 0x1b36, "Red Hat, Inc." },
	{ 0x1af4, "Red Hat, Inc." },
};

static const struct name devices[] = {
	{ 0x80861237, "440FX - 82441FX PMC [Natoma]" },
	{ 0x80867000, "82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x80867010, "82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x80867113, "82371AB/EB/MB PIIX4 ACPI" },
	{ 0x8086100e, "82540EM Gigabit Ethernet Controller" },
	{ 0x12341111, "Standard VGA" },
	{ 0x123411e8, "edu (educational device)" },
	{ 0x1b360001, "QEMU PCI-PCI bridge" },
	{ 0x1af41100, "QEMU Virtual Machine" },
};

static const struct name classes[] = { /* base class << 8 | subclass */
	{ 0x0000, "Non-VGA unclassified device" }, { 0x0101, "IDE interface" },
	{ 0x0200, "Ethernet controller" },         { 0x0300, "VGA compatible controller" },
	{ 0x0600, "Host bridge" },                 { 0x0601, "ISA bridge" },
	{ 0x0604, "PCI bridge" },                  { 0x0680, "Bridge" },
	{ 0x00ff, "Unclassified device" },
};

static const char *lookup(const struct name *t, unsigned int n, unsigned int id)
{
	for (unsigned int i = 0; i < n; i++)
		if (t[i].id == id)
			return t[i].text;
	return NULL;
}

static unsigned long long hex(const char *s)
{
	unsigned long long v = 0;

	while (*s == ' ')
		s++;
	for (;; s++) {
		int d = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : -1;
		if (d < 0)
			return v;
		v = v << 4 | d;
	}
}

static void print_vendor_device(unsigned int vendor, unsigned int device)
{
	const char *v = lookup(vendors, sizeof(vendors) / sizeof(vendors[0]), vendor);
	const char *d = lookup(devices, sizeof(devices) / sizeof(devices[0]), vendor << 16 | device);

	if (v && d)
		printf("%s %s", v, d);
	else
		printf("Device %04x:%04x", vendor, device);
}

static void print_size(unsigned long long size)
{
	if (size >= 1 << 20 && !(size & ((1 << 20) - 1)))
		printf("[size=%lluM]", size >> 20);
	else if (size >= 1 << 10 && !(size & ((1 << 10) - 1)))
		printf("[size=%lluK]", size >> 10);
	else
		printf("[size=%llu]", size);
}

static void print_regions(char **f)
{
	for (int i = 0; i < 7; i++) {
		unsigned long long start = hex(f[3 + i]), size = hex(f[10 + i]);
		if (!size)
			continue;
		if (i == 6)
			printf("\tExpansion ROM at %08llx ", start & ~0x7ffull);
		else if (start & PCI_BASE_ADDRESS_SPACE_IO)
			printf("\tI/O ports at %04llx ", start & ~3ull);
		else
			printf("\tMemory at %08llx (%s, %sprefetchable) ", start & ~15ull,
			       (start & PCI_BASE_ADDRESS_MEM_TYPE_64) ? "64-bit" : "32-bit",
			       (start & PCI_BASE_ADDRESS_MEM_PREFETCH) ? "" : "non-");
		print_size(size);
		printf("\n");
	}
}

static void print_msi(const unsigned char *cfg)
{
	unsigned int pos = cfg[PCI_CAPABILITY_LIST];

	if (!(cfg[PCI_STATUS] & PCI_STATUS_CAP_LIST))
		return;
	for (int ttl = 48; ttl && pos >= 0x40 && pos < 0xff; ttl--, pos = cfg[pos + 1]) {
		unsigned int flags = cfg[pos + PCI_MSI_FLAGS] | cfg[pos + PCI_MSI_FLAGS + 1] << 8;
		if (cfg[pos] != PCI_CAP_ID_MSI)
			continue;
		printf("\tCapabilities: [%02x] MSI: Enable%c Count=%u/%u Maskable%c 64bit%c\n", pos,
		       flags & PCI_MSI_FLAGS_ENABLE ? '+' : '-', 1u << ((flags & PCI_MSI_FLAGS_QSIZE) >> 4),
		       1u << ((flags & PCI_MSI_FLAGS_QMASK) >> 1),
		       flags & PCI_MSI_FLAGS_MASKBIT ? '+' : '-', flags & PCI_MSI_FLAGS_64BIT ? '+' : '-');
	}
}

/* One line of /proc/bus/pci/devices, split at tabs into f[0..17]. */
static void show(char **f, int fields, int numeric, int verbose)
{
	unsigned int bus_devfn = hex(f[0]), ids = hex(f[1]), irq = hex(f[2]);
	unsigned int bus = bus_devfn >> 8, devfn = bus_devfn & 0xff;
	unsigned char cfg[PCI_CFG_SPACE_SIZE] = { 0 };
	char path[40], irq_text[16];
	int master;
	const char *cls;
	unsigned int class;
	int fd;

	snprintf(path, sizeof(path), "/proc/bus/pci/%02x/%02x.%x", bus, devfn >> 3, devfn & 7);
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		read(fd, cfg, sizeof(cfg));
		close(fd);
	}
	class = cfg[PCI_CLASS_DEVICE] | cfg[PCI_CLASS_DEVICE + 1] << 8;
	cls = lookup(classes, sizeof(classes) / sizeof(classes[0]), class);
	printf("%02x:%02x.%x ", bus, devfn >> 3, devfn & 7);
	if (numeric) {
		printf("%04x: %04x:%04x", class, ids >> 16, ids & 0xffff);
	} else {
		if (cls)
			printf("%s: ", cls);
		else
			printf("Class %04x: ", class);
		print_vendor_device(ids >> 16, ids & 0xffff);
	}
	if (cfg[PCI_REVISION_ID])
		printf(" (rev %02x)", cfg[PCI_REVISION_ID]);
	printf("\n");
	if (!verbose)
		return;
	master = cfg[PCI_COMMAND] & PCI_COMMAND_MASTER;
	snprintf(irq_text, sizeof(irq_text), "IRQ %u", irq);
	if ((cfg[PCI_HEADER_TYPE] & PCI_HEADER_TYPE_MASK) == PCI_HEADER_TYPE_NORMAL &&
	    cfg[PCI_SUBSYSTEM_VENDOR_ID + 1]) {
		printf("\tSubsystem: ");
		print_vendor_device(cfg[PCI_SUBSYSTEM_VENDOR_ID] | cfg[PCI_SUBSYSTEM_VENDOR_ID + 1] << 8,
				    cfg[PCI_SUBSYSTEM_ID] | cfg[PCI_SUBSYSTEM_ID + 1] << 8);
		printf("\n");
	}
	if (master || irq)
		printf("\tFlags: %s%s%s\n", master ? "bus master" : "", master && irq ? ", " : "",
		       irq ? irq_text : "");
	print_regions(f);
	print_msi(cfg);
	if (fields > MAX_FIELDS && f[MAX_FIELDS][0])
		printf("\tKernel driver in use: %s\n", f[MAX_FIELDS]);
	printf("\n");
}

int main(int argc, char **argv)
{
	static char text[8192];
	int numeric = 0, verbose = 0, fd;
	ssize_t len = 0, n;
	char *line, *next;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n"))
			numeric = 1;
		else if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else {
			printf("usage: lspci [-n] [-v]\n");
			return 2;
		}
	}
	fd = open("/proc/bus/pci/devices", O_RDONLY);
	if (fd < 0) {
		printf("lspci: cannot open /proc/bus/pci/devices\n");
		return 1;
	}
	while (len < (ssize_t)sizeof(text) - 1 && (n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	close(fd);
	text[len] = '\0';
	for (line = text; *line; line = next) {
		char *f[MAX_FIELDS + 1] = { 0 };
		int fields = 0;
		next = strchr(line, '\n');
		next = next ? (*next = '\0', next + 1) : line + strlen(line);
		for (char *p = line; p && fields <= MAX_FIELDS; fields++) {
			f[fields] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (fields >= MAX_FIELDS)
			show(f, fields, numeric, verbose);
	}
	return 0;
}
