/*
 * top: where each CPU's time goes, live: hardirq, softirq, task (user and
 * system) and idle, as shares of each interval, from /proc/stat (the kernel's
 * per-context time accounting, kernel/sched/cputime.c).
 *
 *   top [ITERATIONS [SECONDS]]    default 5 intervals of 1 s; 0 intervals: forever
 *
 * Exits 0 if every interval showed time passing on every CPU.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_CPUS 8

enum { USER, NICE, SYSTEM, IDLE, IOWAIT, IRQ, SOFTIRQ, NR_FIELDS };

struct cpu_time {
	long v[NR_FIELDS];
};

/* The cpuN lines of /proc/stat; the number of CPUs, or -1. */
static int read_stat(struct cpu_time *cpus)
{
	static char buf[4096];
	int fd = open("/proc/stat", O_RDONLY), n = 0, len = 0, got;
	char *line;

	if (fd < 0)
		return -1;
	while (len < (int)sizeof(buf) - 1 && (got = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += got;
	close(fd);
	buf[len] = '\0';
	for (line = buf; line && *line && n < MAX_CPUS; line = strchr(line, '\n'), line = line ? line + 1 : 0) {
		char *p = line + 3;

		if (strncmp(line, "cpu", 3) || *p < '0' || *p > '9')
			continue;
		strtol(p, &p, 10); /* the CPU number */
		for (int i = 0; i < NR_FIELDS; i++)
			cpus[n].v[i] = strtol(p, &p, 10);
		n++;
	}
	return n;
}

/* part of total as a percentage with one decimal, "12.3%". */
static void percent(char *out, long part, long total)
{
	long permille = total ? (part * 1000 + total / 2) / total : 0;

	snprintf(out, 16, "%ld.%ld%%", permille / 10, permille % 10);
}

static int show(const struct cpu_time *a, const struct cpu_time *b, int n)
{
	int ok = 1;

	printf("CPU      hardirq  softirq     task     (user   system)     idle\n");
	for (int c = 0; c < n; c++) {
		long d[NR_FIELDS], total = 0;
		char irq[16], soft[16], task[16], user[16], sys[16], idle[16];

		for (int i = 0; i < NR_FIELDS; i++) {
			d[i] = b[c].v[i] - a[c].v[i];
			total += d[i];
		}
		ok &= total > 0;
		percent(irq, d[IRQ], total);
		percent(soft, d[SOFTIRQ], total);
		percent(task, d[USER] + d[NICE] + d[SYSTEM], total);
		percent(user, d[USER] + d[NICE], total);
		percent(sys, d[SYSTEM], total);
		percent(idle, d[IDLE] + d[IOWAIT], total);
		printf("cpu%-3d %9s %8s %8s   (%7s %7s) %8s\n", c, irq, soft, task, user, sys, idle);
	}
	return ok;
}

int main(int argc, char **argv)
{
	int iterations = argc > 1 ? atoi(argv[1]) : 5, seconds = argc > 2 ? atoi(argv[2]) : 1;
	struct cpu_time before[MAX_CPUS], after[MAX_CPUS];
	int n = read_stat(before), ok = n > 0;

	if (n <= 0) {
		printf("top: cannot read /proc/stat\n");
		return 1;
	}
	printf("top: each CPU's time over %d s intervals (/proc/stat, USER_HZ ticks)\n", seconds);
	for (int i = 0; !iterations || i < iterations; i++) {
		sleep(seconds);
		if (read_stat(after) != n) {
			printf("top: /proc/stat changed its CPUs\n");
			return 1;
		}
		ok &= show(before, after, n);
		memcpy(before, after, sizeof(after));
	}
	return !ok;
}
