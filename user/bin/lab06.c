/*
 * lab06: the checks of lab 6 (labs/06-unload): edutidy.ko must leave
 * nothing running at rmmod, nor when its probe fails half-way; the grader
 * fails a check on each leftover the kernel reports ("BUG: module edutidy
 * unloaded with ...").
 *
 *     lab06          run every check (as the grader does)
 */
#include <fcntl.h>
#include <lab.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEV "/dev/edutidy"

struct counts {
	long irqs, ticks, works;
};

static int counts(struct counts *c)
{
	char line[96], *p;

	if (lab_read_file(DEV, line, sizeof(line)) <= 0 || strncmp(line, "irqs ", 5))
		return 0;
	c->irqs = strtol(line + 5, &p, 10);
	if (strncmp(p, " ticks ", 7))
		return 0;
	c->ticks = strtol(p + 7, &p, 10);
	if (strncmp(p, " works ", 7))
		return 0;
	c->works = strtol(p + 7, &p, 10);
	return 1;
}

static int interrupts(const char *n)
{
	int fd = open(DEV, O_WRONLY), ok;

	if (fd < 0)
		return 0;
	ok = write(fd, n, strlen(n)) == (ssize_t)strlen(n);
	close(fd);
	return ok;
}

static int unloaded(void)
{
	return lab_rmmod("edutidy") == 0 && !lab_module_loaded("edutidy");
}

static void load(void)
{
	struct counts c;

	lab_begin("load");
	lab_end(lab_insmod("edutidy") == 0 && counts(&c), "insmod edutidy failed, or no %s", DEV);
}

static void it_runs(void)
{
	struct counts c = { -1, -1, -1 };

	lab_begin("it_runs");
	if (interrupts("5"))
		for (int i = 0; i < 100; i++) {
			if (counts(&c) && c.irqs == 5 && c.ticks >= 3 && c.works >= 3)
				break;
			usleep(100000);
		}
	lab_end(c.irqs == 5 && c.ticks >= 3 && c.works >= 3,
		"after 5 interrupts and 10 s: irqs %ld ticks %ld works %ld", c.irqs, c.ticks, c.works);
}

static void unload(void)
{
	lab_begin("unload");
	lab_end(unloaded(), "rmmod edutidy failed");
}

static void probe_error_path(void)
{
	int fd;

	lab_begin("probe_error_path");
	if (lab_insmod("edutidy", "fail_probe=1")) {
		lab_end(0, "insmod edutidy fail_probe=1 failed");
		return;
	}
	fd = open(DEV, O_RDONLY);
	if (fd >= 0)
		close(fd);
	usleep(300000); /* a leaked heartbeat would beat meanwhile */
	lab_end(fd < 0 && unloaded(), "%s", fd >= 0 ? "the failed probe left " DEV " behind" :
		"rmmod edutidy after the failed probe failed");
}

static void busy_unloads(void)
{
	int bad = 0;

	lab_begin("unload_while_busy");
	for (int i = 0; i < 5 && !bad; i++)
		bad = lab_insmod("edutidy") || !interrupts("20") || !unloaded() ? i + 1 : 0;
	lab_end(!bad, "round %d of insmod, 20 interrupts, rmmod failed", bad);
}

int main(void)
{
	load();
	it_runs();
	unload();
	probe_error_path();
	busy_unloads();
	lab_done();
	return 0;
}
