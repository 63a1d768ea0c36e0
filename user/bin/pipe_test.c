/*
 * pipe_test CASE: pipes, dup and dup2 from user mode (run by the kernel's
 * `pipe` suite, tests/kernel/pipe.c). The cases that need a second process
 * give it one end as its stdin or stdout, the way a shell builds a
 * pipeline, and run this program again as the child. Exits with the number
 * of failed checks.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <janus.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PIPE_SIZE 4096

static char *const reader_child[] = { "/bin/pipe_test", "child-reads", NULL };
static char *const writer_child[] = { "/bin/pipe_test", "child-writes", NULL };

/* Runs argv with fd as its stdin (which 0) or stdout (1); its wait status. */
static int run_with(int which, int fd, char *const argv[])
{
	int saved = dup(which), status = -1;
	pid_t pid;

	dup2(fd, which);
	pid = spawn(argv[0], argv);
	dup2(saved, which);
	close(saved);
	if (pid > 0)
		waitpid(pid, &status, 0);
	return status;
}

static void bytes_come_out_in_order(void)
{
	int p[2];
	char buf[16] = { 0 };

	CHECK(pipe(p) == 0 && p[0] >= 3 && p[1] == p[0] + 1);
	CHECK(write(p[1], "hello", 5) == 5);
	CHECK(write(p[1], ", you", 5) == 5);
	CHECK(read(p[0], buf, 3) == 3 && !memcmp(buf, "hel", 3));
	CHECK(read(p[0], buf, sizeof(buf)) == 7 && !memcmp(buf, "lo, you", 7));
	CHECK_ERR(write(p[0], "x", 1), EBADF); /* the read end cannot be written */
	CHECK_ERR(read(p[1], buf, 1), EBADF);
	close(p[0]);
	close(p[1]);
}

static void no_writer_left_is_end_of_file(void)
{
	int p[2];
	char buf[8];

	pipe(p);
	write(p[1], "ab", 2);
	close(p[1]);
	CHECK(read(p[0], buf, sizeof(buf)) == 2); /* what was written first */
	CHECK(read(p[0], buf, sizeof(buf)) == 0);
	close(p[0]);
}

static void no_reader_left_is_epipe(void)
{
	int p[2];

	signal(SIGPIPE, SIG_IGN);
	pipe(p);
	close(p[0]);
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	close(p[1]);
}

/* Without a handler, SIGPIPE ends the writer. */
static void sigpipe_kills_a_writer(void)
{
	int p[2], status;

	pipe(p);
	close(p[0]);
	status = run_with(1, p[1], writer_child);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	close(p[1]);
}

/* The writer fills the pipe, then sleeps until the child reads it empty. */
static void a_full_pipe_blocks_the_writer(void)
{
	static char block[PIPE_SIZE * 4];
	int p[2], status;
	pid_t pid;

	memset(block, 'w', sizeof(block));
	pipe(p);
	CHECK(write(p[1], block, PIPE_SIZE) == PIPE_SIZE); /* fits exactly */
	dup2(p[0], 0);
	close(p[0]);
	pid = spawn(reader_child[0], reader_child);
	CHECK(pid > 0);
	CHECK(write(p[1], block, sizeof(block)) == sizeof(block)); /* sleeps 3 times */
	close(p[1]);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	CHECK(WEXITSTATUS(status) == 0); /* it counted every byte */
}

static void dup_and_dup2_share_the_open_file(void)
{
	int p[2], d;
	char c = 0;

	pipe(p);
	d = dup(p[1]);
	CHECK(d == p[1] + 1);
	CHECK(write(d, "d", 1) == 1);
	CHECK(read(p[0], &c, 1) == 1 && c == 'd');
	CHECK(dup2(p[1], p[1]) == p[1]);
	CHECK(dup2(p[1], 15) == 15);
	CHECK(write(15, "e", 1) == 1 && read(p[0], &c, 1) == 1 && c == 'e');
	CHECK_ERR(dup2(p[1], 16), EBADF);
	CHECK_ERR(dup2(14, 13), EBADF);
	CHECK_ERR(dup(99), EBADF);
	close(p[1]);
	close(d);
	CHECK(write(15, "f", 1) == 1); /* descriptor 15 still writes... */
	CHECK(read(p[0], &c, 1) == 1 && c == 'f');
	close(15);
	CHECK(read(p[0], &c, 1) == 0); /* ...and with it closed, no writer is left */
	close(p[0]);
}

/* A write of at most PIPE_BUF bytes goes in whole or not at all; a bigger
 * one may be split. O_NONBLOCK shows it without a second process. */
static void small_writes_are_never_split(void)
{
	static char block[PIPE_SIZE + 1000];
	int p[2];

	CHECK(pipe2(p, O_NONBLOCK) == 0);
	CHECK(write(p[1], "abc", 3) == 3);
	CHECK_ERR(write(p[1], block, PIPE_SIZE), EAGAIN); /* does not fit beside 3: nothing */
	CHECK(write(p[1], block, sizeof(block)) == PIPE_SIZE - 3); /* too big to be atomic */
	CHECK_ERR(write(p[1], "x", 1), EAGAIN);
	CHECK(read(p[0], block, sizeof(block)) == PIPE_SIZE);
	CHECK_ERR(read(p[0], block, 1), EAGAIN); /* empty, but a writer is left */
	CHECK_ERR(pipe2(p, 1), EINVAL);
	close(p[0]);
	close(p[1]);
}

static int child_reads(void)
{
	static char buf[1000];
	long total = 0, n;

	while ((n = read(0, buf, sizeof(buf))) > 0)
		total += n;
	return total == PIPE_SIZE * 5 ? 0 : 1;
}

static const struct check_case cases[] = {
	{ "order", bytes_come_out_in_order },
	{ "eof", no_writer_left_is_end_of_file },
	{ "epipe", no_reader_left_is_epipe },
	{ "sigpipe", sigpipe_kills_a_writer },
	{ "blocking", a_full_pipe_blocks_the_writer },
	{ "dup", dup_and_dup2_share_the_open_file },
	{ "atomic", small_writes_are_never_split },
	{ 0 },
};

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "child-reads"))
		return child_reads();
	if (argc > 1 && !strcmp(argv[1], "child-writes"))
		return write(1, "x", 1) == 1; /* only returns if SIGPIPE did not end it */
	return check_main(argc, argv, cases);
}
