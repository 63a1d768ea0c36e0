/*
 * seed003: reads seed 003's device. The driver's read sleeps a second in the
 * kernel, on this process's behalf, then copies its message here. Exits 0
 * if the message is the driver's, all 27 bytes of it (its NUL included).
 *
 * Seed 003's other half is the handler on IRQ 1, the keyboard's line: this
 * program also says whether IRQ 1 fired while it slept in the read (from
 * /proc/interrupts, before and after), and says so plainly when it never
 * came: only a key press (or the i8042 told to fake one, as the
 * seed003_driver suite does) raises it, under QEMU and Bochs alike.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* IRQ 1's arrivals, all CPUs together, from /proc/interrupts; -1 if not listed. */
static long irq1_count(void)
{
	static char text[8192];
	int fd = open("/proc/interrupts", O_RDONLY);
	long sum = -1;
	ssize_t n, len = 0;
	char *line, *p;

	if (fd < 0)
		return -1;
	while (len < (ssize_t)sizeof(text) - 1 && (n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	close(fd);
	text[len] = '\0';
	line = strstr(text, "\n  1:");
	if (!line)
		return -1;
	for (p = line + 5, sum = 0;;) {
		char *end;
		long v = strtol(p, &end, 10);

		if (end == p)
			break;
		sum += v;
		p = end;
	}
	return sum;
}

int main(void)
{
	char buf[64] = { 0 };
	int fd = open("/dev/my_proc_context_dev", O_RDONLY);
	long before = irq1_count(), after;
	ssize_t n;

	if (fd < 0) {
		printf("seed003: cannot open /dev/my_proc_context_dev\n");
		return 1;
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0) {
		printf("seed003: read failed\n");
		return 1;
	}
	printf("seed003: read %d bytes: %s", (int)n, buf);
	after = irq1_count();
	if (before < 0 || after < 0)
		printf("seed003: IRQ 1 is not in /proc/interrupts: is the handler registered?\n");
	else if (after == before)
		printf("seed003: IRQ 1 never fired while the read slept (my_irq_handler did not run): "
		       "nothing raised it; press a key, the keyboard is IRQ 1\n");
	else
		printf("seed003: IRQ 1 fired %ld times while the read slept (my_irq_handler ran)\n",
		       after - before);
	return !(n == 27 && !strcmp(buf, "Data from process context\n"));
}
