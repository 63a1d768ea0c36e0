/*
 * lab03: the checks of lab 3 (labs/03-bottom-half): edubh.ko must process
 * every interrupt of the edu device, in a bottom half: the grader fails a
 * check on the slow-handler warning (irq_warn_us) and on sleeping in
 * interrupt context, this program on a lost event.
 *
 *     lab03          run every check (as the grader does)
 */
#include <fcntl.h>
#include <lab.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEV "/dev/edubh"

struct counts {
	long raised, arrived, processed;
};

/* "raised R arrived A processed P" from the device; 0 if it cannot be read. */
static int counts(struct counts *c)
{
	char line[96], *p;

	if (lab_read_file(DEV, line, sizeof(line)) <= 0 || strncmp(line, "raised ", 7))
		return 0;
	c->raised = strtol(line + 7, &p, 10);
	if (strncmp(p, " arrived ", 9))
		return 0;
	c->arrived = strtol(p + 9, &p, 10);
	if (strncmp(p, " processed ", 11))
		return 0;
	c->processed = strtol(p + 11, &p, 10);
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

/* Waits (up to 30 s) until every event raised so far is processed. */
static void all_processed(long want)
{
	struct counts c = { -1, -1, -1 };

	for (int i = 0; i < 300; i++) {
		if (counts(&c) && c.processed >= want)
			break;
		usleep(100000);
	}
	lab_end(c.raised == want && c.arrived == want && c.processed == want,
		"raised %ld, arrived %ld, processed %ld; want %ld of each", c.raised, c.arrived,
		c.processed, want);
}

static void load(void)
{
	struct counts c;

	lab_begin("load");
	if (lab_insmod("edubh")) {
		lab_end(0, "insmod edubh failed");
		return;
	}
	lab_end(counts(&c), "cannot read the counts from %s", DEV);
}

static void check(const char *name, const char *n, long want)
{
	lab_begin(name);
	if (!interrupts(n)) {
		lab_end(0, "cannot write %s to %s", n, DEV);
		return;
	}
	all_processed(want);
}

static void unload_while_busy(void)
{
	int ok;

	lab_begin("unload_while_busy");
	ok = interrupts("10");
	lab_end(ok && lab_rmmod("edubh") == 0 && !lab_module_loaded("edubh"),
		"rmmod edubh right after 10 interrupts failed");
}

int main(void)
{
	load();
	check("one_interrupt", "1", 1);
	check("burst_of_4", "4", 5);
	check("another_burst", "4", 9);
	unload_while_busy();
	lab_done();
	return 0;
}
