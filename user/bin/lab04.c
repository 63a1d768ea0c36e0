/*
 * lab04: the checks of lab 4 (labs/04-irq-locking): edulock.ko's ledger,
 * updated by the edu device's interrupt handler and by process context at
 * the same time, on two CPUs, must count every update; the grader fails a
 * check on any report of the lock checker or of sleeping in the handler.
 *
 *     lab04              run every check (as the grader does)
 *     lab04 do irq N     one write: "irq N" (a child of the checks)
 */
#include <fcntl.h>
#include <janus.h>
#include <lab.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEV "/dev/edulock"

static long expected; /* updates asked for so far */

static long total(void)
{
	char line[48];

	if (lab_read_file(DEV, line, sizeof(line)) <= 0 || strncmp(line, "total ", 6))
		return -1;
	return strtol(line + 6, NULL, 10);
}

/* One write of "KIND N": 1 if the device took it. */
static int ask(const char *kind, const char *n)
{
	char text[24];
	int fd = open(DEV, O_WRONLY), len, ok;

	if (fd < 0)
		return 0;
	len = snprintf(text, sizeof(text), "%s %s", kind, n);
	ok = write(fd, text, len) == len;
	close(fd);
	return ok;
}

static void load(void)
{
	lab_begin("load");
	lab_end(lab_insmod("edulock") == 0 && total() == 0, "insmod edulock failed, or %s does not say 'total 0'", DEV);
}

static void alone(const char *name, const char *kind, const char *n)
{
	long got;

	lab_begin(name);
	expected += atoi(n);
	got = ask(kind, n) ? total() : -1;
	lab_end(got == expected, "after '%s %s' the ledger says %ld, want %ld", kind, n, got, expected);
}

/* A child asks for one kind while this process asks for the other: two CPUs at once. */
static void together(const char *name, const char *child_kind, const char *child_n,
		     const char *kind, const char *n)
{
	char *argv[] = { "/bin/lab04", "do", (char *)child_kind, (char *)child_n, NULL };
	int status = -1, mine;
	pid_t pid;
	long got;

	lab_begin(name);
	expected += atoi(child_n) + atoi(n);
	pid = spawn(argv[0], argv);
	mine = ask(kind, n);
	if (pid > 0)
		waitpid(pid, &status, 0);
	got = total();
	lab_end(mine && status == 0 && got == expected,
		"'%s %s' and '%s %s' at once: the ledger says %ld, want %ld (%ld lost)", child_kind,
		child_n, kind, n, got, expected, expected - got);
}

static void unload(void)
{
	lab_begin("unload");
	lab_end(lab_rmmod("edulock") == 0 && !lab_module_loaded("edulock"), "rmmod edulock failed");
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "do"))
		return ask(argv[2], argv[3]) ? 0 : 1;
	load();
	alone("interrupts_alone", "irq", "500");
	alone("process_context_alone", "task", "5000");
	together("both_at_once", "irq", "400", "task", "4000");
	together("both_at_once_again", "task", "4000", "irq", "400");
	unload();
	lab_done();
	return 0;
}
