/*
 * lab05: the checks of lab 5 (labs/05-per-cpu): ctxcount.ko must count
 * each event for the context it happens in (hardirq, softirq, task), per
 * CPU, and lose none when two CPUs count at once, without a lock (the
 * grader fails a check on any lock checker report).
 *
 *     lab05              run every check (as the grader does)
 *     lab05 events N     one write of N (a child of the checks)
 */
#include <fcntl.h>
#include <janus.h>
#include <lab.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEV "/dev/ctxcount"
#define HARDIRQ 0
#define SOFTIRQ 1
#define TASK 2

static const char *const names[] = { "hardirq", "softirq", "task" };

struct counts {
	long cpu[8][3], total[3];
	int cpus; /* cpu lines */
	int ok;   /* the text parsed */
};

/* Parses "hardirq H softirq S task T" into v. */
static int parse_three(const char *p, long v[3])
{
	char *end;

	for (int i = 0; i < 3; i++) {
		size_t n = strlen(names[i]);

		while (*p == ' ')
			p++;
		if (strncmp(p, names[i], n) || p[n] != ' ')
			return 0;
		v[i] = strtol(p + n + 1, &end, 10);
		p = end;
	}
	return 1;
}

static struct counts read_counts(void)
{
	static char text[1024];
	struct counts c = { .ok = 1 };
	char *line = text;

	if (lab_read_file(DEV, text, sizeof(text)) <= 0)
		c.ok = 0;
	while (c.ok && *line) {
		char *next = strchr(line, '\n');

		if (next)
			*next++ = '\0';
		if (!strncmp(line, "cpu", 3) && c.cpus < 8 && atoi(line + 3) == c.cpus)
			c.ok = parse_three(strchr(line, ' ') ? strchr(line, ' ') : "", c.cpu[c.cpus++]);
		else if (!strncmp(line, "total ", 6))
			c.ok = parse_three(line + 6, c.total) ? 2 : 0;
		else
			c.ok = 0;
		line = next ? next : "";
	}
	c.ok = c.ok == 2;
	return c;
}

static int events(const char *n)
{
	int fd = open(DEV, O_WRONLY), ok;

	if (fd < 0)
		return 0;
	ok = write(fd, n, strlen(n)) == (ssize_t)strlen(n);
	close(fd);
	return ok;
}

/* How many CPUs /proc/interrupts has a column for. */
static int online_cpus(void)
{
	static char text[256];
	int n = 0;

	if (lab_read_file("/proc/interrupts", text, sizeof(text)) <= 0)
		return -1;
	for (char *p = text; (p = strstr(p, "CPU")) && p < strchr(text, '\n'); p += 3)
		n++;
	return n;
}

static void load(void)
{
	lab_begin("load");
	lab_end(lab_insmod("ctxcount") == 0 && events("200"), "insmod ctxcount failed, or writing 200 to %s failed", DEV);
}

static void counted(int kind, long want)
{
	char name[32];
	struct counts c = read_counts();

	snprintf(name, sizeof(name), "%s_counted", names[kind]);
	lab_begin(name);
	lab_end(c.ok && c.total[kind] == want, "%s %s %ld after %ld events in each context",
		c.ok ? "total" : "cannot parse " DEV ";", names[kind], c.ok ? c.total[kind] : -1, want);
}

static void per_cpu_lines(void)
{
	struct counts c = read_counts();
	int cpus = online_cpus(), sums = 1;

	lab_begin("per_cpu_lines");
	for (int k = 0; k < 3 && c.ok; k++) {
		long sum = 0;

		for (int i = 0; i < c.cpus; i++)
			sum += c.cpu[i][k];
		sums &= sum == c.total[k];
	}
	lab_end(c.ok && c.cpus == cpus && sums, "want a line for each of the %d CPUs (%d found) that add up to the totals%s",
		cpus, c.cpus, sums ? "" : " (they do not)");
}

static void two_cpus_at_once(void)
{
	char *argv[] = { "/bin/lab05", "events", "1000", NULL };
	int status[2] = { -1, -1 }, good = 1;
	pid_t pids[2];
	struct counts c;

	lab_begin("two_cpus_at_once");
	for (int i = 0; i < 2; i++)
		pids[i] = spawn(argv[0], argv);
	for (int i = 0; i < 2; i++)
		if (pids[i] > 0)
			waitpid(pids[i], &status[i], 0);
	c = read_counts();
	for (int k = 0; k < 3; k++)
		good &= c.ok && c.total[k] == 2200;
	lab_end(status[0] == 0 && status[1] == 0 && good,
		"after 200 + 2 x 1000 events at once: hardirq %ld softirq %ld task %ld, want 2200 each",
		c.total[0], c.total[1], c.total[2]);
}

static void reload(void)
{
	struct counts c;

	lab_begin("unload_and_reload");
	if (lab_rmmod("ctxcount") || lab_module_loaded("ctxcount") || lab_insmod("ctxcount")) {
		lab_end(0, "rmmod ctxcount and insmod ctxcount again failed");
		return;
	}
	c = read_counts();
	lab_end(c.ok && !c.total[0] && !c.total[1] && !c.total[2] && lab_rmmod("ctxcount") == 0,
		"a fresh module must count from 0 (it says %ld %ld %ld), and unload", c.total[0], c.total[1],
		c.total[2]);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "events"))
		return events(argv[2]) ? 0 : 1;
	load();
	counted(HARDIRQ, 200);
	counted(SOFTIRQ, 200);
	counted(TASK, 200);
	per_cpu_lines();
	two_cpus_at_once();
	reload();
	lab_done();
	return 0;
}
