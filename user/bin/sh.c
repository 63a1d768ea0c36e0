/*
 * sh: the Janus shell. Runs programs from /bin by name, with pipelines
 * (a | b), redirections (< file, > file), background jobs (&), $? and the
 * builtins exit, help, wait, jobs, fg and bg. Each job is a process group of
 * its own; a foreground job gets the terminal (tcsetpgrp) while the shell
 * waits for it, so ^C (SIGINT from the terminal's line discipline) reaches
 * the job and never the shell, and ^Z (SIGTSTP) stops it: the shell takes
 * the terminal back and keeps the job for fg or bg. docs/tty.md follows one command through it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX 1024
#define MAX_WORDS 32
#define MAX_CMDS 8
#define MAX_JOBS 8

struct cmd {
	char *argv[MAX_WORDS + 1];
	int argc;
	char *in, *out; /* < file, > file */
};

struct job {
	pid_t pgid;            /* its process group (0: a free slot) */
	pid_t pids[MAX_CMDS];  /* its processes, 0 once reaped; the last one's status counts */
	int n, nr, status;
	bool stopped;          /* by ^Z (SIGTSTP) or another stop signal, until fg or bg */
	char text[64];
};

static char line[LINE_MAX + 1];
static char words[LINE_MAX * 2]; /* the words, with $? expanded */
static int last_status;
static bool interactive;
static struct job jobs[MAX_JOBS];
static int next_job = 1;

static const char *const signames[] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit", [SIGILL] = "Illegal instruction",
	[SIGABRT] = "Aborted", [SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
	[SIGSEGV] = "Segmentation fault", [SIGPIPE] = "Broken pipe", [SIGTERM] = "Terminated",
};

static volatile int caught; /* the ^C, ^\ or ^Z the shell itself got */

static void on_signal(int sig)
{
	caught = sig; /* and it cuts a read or a wait short (no SA_RESTART) */
}

static const char *describe(int status, char *buf, int size)
{
	int sig = WTERMSIG(status);

	if (WIFEXITED(status))
		snprintf(buf, size, WEXITSTATUS(status) ? "Exit %d" : "Done", WEXITSTATUS(status));
	else if (sig < (int)(sizeof(signames) / sizeof(signames[0])) && signames[sig])
		snprintf(buf, size, "%s", signames[sig]);
	else
		snprintf(buf, size, "Signal %d", sig);
	return buf;
}

static int status_value(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* ---------------------------------------------------------------- parsing */

/* Splits line into words (quotes group, $? expands) and operators. */
static int tokenize(char *s, char **tok, int max)
{
	char *out = words;
	int n = 0;

	while (n < max) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '\n' || *s == '#')
			break;
		tok[n++] = out;
		if (strchr("|<>&", *s)) {
			*out++ = *s++;
			*out++ = 0;
			continue;
		}
		for (char quote = 0; *s && (quote || !strchr(" \t\n|<>&", *s)); s++) {
			if (!quote && (*s == '\'' || *s == '"'))
				quote = *s;
			else if (quote && *s == quote)
				quote = 0;
			else if (*s == '$' && s[1] == '?' && quote != '\'')
				out += snprintf(out, 12, "%d", last_status), s++;
			else
				*out++ = *s;
		}
		*out++ = 0;
	}
	tok[n] = NULL;
	return n;
}

static bool is_op(const char *t, char c)
{
	return t[0] == c && !t[1];
}

/* Builds the pipeline from the tokens; false (and says why) if malformed. */
static bool parse(char **tok, int ntok, struct cmd *cmds, int *ncmds, bool *bg)
{
	struct cmd *c = cmds;

	*ncmds = 1;
	*bg = false;
	memset(cmds, 0, sizeof(*cmds) * MAX_CMDS);
	for (int i = 0; i < ntok; i++) {
		if (is_op(tok[i], '&') && i == ntok - 1) {
			*bg = true;
		} else if (is_op(tok[i], '|')) {
			if (!c->argc || *ncmds == MAX_CMDS)
				goto bad;
			c = &cmds[(*ncmds)++];
		} else if (is_op(tok[i], '<') || is_op(tok[i], '>')) {
			if (i + 1 == ntok || strchr("|<>&", tok[i + 1][0]))
				goto bad;
			char **target = tok[i][0] == '<' ? &c->in : &c->out;

			*target = tok[++i];
		} else if (is_op(tok[i], '&') || c->argc == MAX_WORDS) {
			goto bad;
		} else {
			c->argv[c->argc++] = tok[i];
		}
	}
	if (c->argc)
		return true;
bad:
	dprintf(2, "sh: syntax error\n");
	return false;
}

/* ---------------------------------------------------------------- running */

/* In the child: its group, its terminal, its redirections, then the program. */
static void child(struct cmd *c, pid_t pgid, int in, int out, bool bg)
{
	char path[256];
	int fd;

	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGTTIN, SIG_DFL);
	signal(SIGTTOU, SIG_DFL);
	setpgid(0, pgid);
	if (interactive && !bg)
		tcsetpgrp(0, pgid ? pgid : getpid());
	if (bg && in == 0 && !c->in)
		in = open("/dev/null", O_RDONLY); /* a background job does not read the terminal */
	if (c->in && (in = open(c->in, O_RDONLY)) < 0) {
		dprintf(2, "sh: %s: %s\n", c->in, strerror(errno));
		exit(1);
	}
	if (c->out && (out = open(c->out, O_WRONLY | O_CREAT | O_TRUNC)) < 0) {
		dprintf(2, "sh: %s: %s\n", c->out, strerror(errno));
		exit(1);
	}
	if (in != 0) {
		dup2(in, 0);
		close(in);
	}
	if (out != 1) {
		dup2(out, 1);
		close(out);
	}
	for (fd = 3; fd < 16; fd++)
		close(fd); /* other pipes' ends: a reader must see EOF when its writer ends */
	snprintf(path, sizeof(path), strchr(c->argv[0], '/') ? "%s" : "/bin/%s", c->argv[0]);
	execve(path, c->argv, NULL);
	if (errno == ENOENT)
		dprintf(2, "sh: %s: command not found (try 'ls /bin')\n", c->argv[0]);
	else
		dprintf(2, "sh: %s: %s\n", c->argv[0], strerror(errno));
	exit(errno == ENOENT ? 127 : 126);
}

static struct job *add_job(const struct job *j)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		if (!jobs[i].pgid) {
			jobs[i] = *j;
			jobs[i].nr = next_job++;
			return &jobs[i];
		}
	}
	printf("[?] %d (not tracked: too many jobs)\n", j->pgid);
	return NULL;
}

/* Notes that pid ended with status; true once the whole job has. */
static bool job_reaped(struct job *j, pid_t pid, int status)
{
	bool left = false;

	for (int i = 0; i < j->n; i++) {
		if (j->pids[i] == pid) {
			j->pids[i] = 0;
			if (i == j->n - 1)
				j->status = status;
		}
		left |= j->pids[i] != 0;
	}
	return !left;
}

/*
 * Waits for a foreground job until each of its processes has ended or one
 * stopped (^Z, WUNTRACED). A stopped job goes into the job table (fg, bg);
 * the shell takes the terminal back either way. A ^C (or ^\\, ^Z) typed
 * before the job had the terminal came to the shell, still the foreground
 * group: it passes it on, so it never misses the job. @j is in the table
 * already (fg) or the shell's own copy (a new job).
 */
static void wait_foreground(struct job *j, bool in_table)
{
	char what[40];
	int st = 0;

	for (int i = 0; i < j->n && !WIFSTOPPED(st); i++) {
		pid_t pid = j->pids[i];

		if (!pid)
			continue;
		do {
			if (caught) {
				kill(-j->pgid, caught);
				caught = 0;
			}
		} while ((pid = waitpid(j->pids[i], &st, WUNTRACED)) < 0 && errno == EINTR);
		if (pid > 0 && !WIFSTOPPED(st))
			job_reaped(j, pid, st);
	}
	if (interactive)
		tcsetpgrp(0, getpgrp());
	if (WIFSTOPPED(st)) {
		if (in_table || (j = add_job(j))) {
			j->stopped = true;
			printf("\n[%d]+ Stopped      %s\n", j->nr, j->text);
		}
		last_status = 128 + WSTOPSIG(st);
		return;
	}
	j->pgid = 0; /* done: a table slot is free again */
	last_status = status_value(j->status);
	if (WIFSIGNALED(j->status))
		printf(WTERMSIG(j->status) == SIGINT ? "\n" : "%s\n",
		       describe(j->status, what, sizeof(what)));
}

static void run_pipeline(struct cmd *cmds, int n, bool bg, const char *text)
{
	struct job j = { 0 }, *added;
	int in = 0;

	for (int i = 0; i < n; i++) {
		int p[2] = { -1, 1 };
		pid_t pid;

		if (i < n - 1 && pipe(p) < 0) {
			dprintf(2, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pid = fork();
		if (pid == 0)
			child(&cmds[i], j.pgid, in, p[1], bg);
		if (pid < 0) {
			dprintf(2, "sh: fork: %s\n", strerror(errno));
			break;
		}
		j.pids[j.n++] = pid;
		if (!j.pgid)
			j.pgid = pid;
		setpgid(pid, j.pgid); /* here too: whichever of the two runs first */
		if (interactive && !bg)
			tcsetpgrp(0, j.pgid);
		if (in != 0)
			close(in);
		if (p[1] != 1)
			close(p[1]);
		in = p[0];
	}
	if (!j.n)
		return;
	snprintf(j.text, sizeof(j.text), "%s", text);
	if (!bg)
		wait_foreground(&j, false);
	else if ((added = add_job(&j)))
		printf("[%d] %d\n", added->nr, j.pgid);
}

/* ---------------------------------------------------------------- builtins */

/* The job pid belongs to, or NULL. */
static struct job *job_of(pid_t pid)
{
	for (int i = 0; i < MAX_JOBS; i++)
		for (int k = 0; jobs[i].pgid && k < jobs[i].n; k++)
			if (jobs[i].pids[k] == pid)
				return &jobs[i];
	return NULL;
}

/* A background process ended or stopped (SIGTTIN: it read the terminal).
 * Returns the job if that ended it (its status in ->status), else NULL. */
static struct job *job_changed(pid_t pid, int status, bool report)
{
	struct job *j = job_of(pid);
	char what[40];

	if (!j)
		return NULL;
	if (WIFSTOPPED(status)) {
		if (!j->stopped && report)
			printf("[%d]+ Stopped      %s\n", j->nr, j->text);
		j->stopped = true;
		return NULL;
	}
	if (!job_reaped(j, pid, status))
		return NULL;
	if (report)
		printf("[%d]+ %-12s %s\n", j->nr, describe(j->status, what, sizeof(what)), j->text);
	j->pgid = 0;
	return j;
}

static void reap_jobs(bool report)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
		job_changed(pid, status, report);
}

/* wait: every background job (^C stops waiting, the jobs go on). */
static void wait_jobs(void)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, 0)) > 0 || errno == EINTR) {
		struct job *done;

		if (pid < 0)
			return; /* ^C */
		if ((done = job_changed(pid, status, true)))
			last_status = status_value(done->status);
	}
}

/* %N or N: that job; none: the newest. */
static struct job *find_job(struct cmd *c)
{
	int nr = c->argc > 1 ? atoi(c->argv[1] + (c->argv[1][0] == '%')) : 0;
	struct job *found = NULL;

	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].pgid && (nr ? jobs[i].nr == nr : !found || jobs[i].nr > found->nr))
			found = &jobs[i];
	if (!found)
		dprintf(2, "sh: %s: no such job\n", c->argv[0]);
	return found;
}

/* fg: the job gets the terminal and SIGCONT, and the shell waits for it;
 * bg: it only gets SIGCONT and runs on in the background. */
static void continue_job(struct cmd *c, bool fg)
{
	struct job *job = find_job(c);

	last_status = !job;
	if (!job)
		return;
	job->stopped = false;
	if (fg)
		printf("%s\n", job->text);
	else
		printf("[%d]+ %s%s\n", job->nr, job->text, strchr(job->text, '&') ? "" : " &");
	if (fg && interactive)
		tcsetpgrp(0, job->pgid);
	kill(-job->pgid, SIGCONT);
	if (fg)
		wait_foreground(job, true);
}

static void list_jobs(void)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].pgid)
			printf("[%d]  %-12s %s\n", jobs[i].nr, jobs[i].stopped ? "Stopped" : "Running",
			       jobs[i].text);
	last_status = 0;
}

static void help(void)
{
	printf("Janus shell. Type a program's name and its arguments; the programs are in /bin\n"
	       "(ls /bin). Every key you type is an interrupt: cat /proc/interrupts shows the\n"
	       "count of IRQ 4 (ttyS0) rising.\n"
	       "  a | b        a's output is b's input (a pipe)\n"
	       "  a < f, a > f read from f, write to f (e.g. /dev/null)\n"
	       "  a &          run in the background; 'wait' waits for it\n"
	       "  ^Z           stop the foreground job; 'fg' brings it back, 'bg' runs it\n"
	       "               in the background, 'jobs' lists them (fg %%N: job N)\n"
	       "  $?           the last command's exit status\n"
	       "  ^C ^\\ ^D     interrupt, quit the foreground job; end of input\n"
	       "  ^U ^W DEL    erase the line, a word, a character\n"
	       "  exit [N], help, wait, jobs, fg, bg\n"
	       "Try: ps, dmesg, demo, cat /proc/interrupts, sleep 10 (then ^C).\n");
}

/* true if the line was a builtin (run here, not in a child). */
static bool builtin(struct cmd *c)
{
	if (!strcmp(c->argv[0], "exit")) {
		exit(c->argc > 1 ? atoi(c->argv[1]) : last_status);
	} else if (!strcmp(c->argv[0], "help")) {
		help();
		last_status = 0;
	} else if (!strcmp(c->argv[0], "wait")) {
		wait_jobs();
	} else if (!strcmp(c->argv[0], "jobs")) {
		list_jobs();
	} else if (!strcmp(c->argv[0], "fg") || !strcmp(c->argv[0], "bg")) {
		continue_job(c, c->argv[0][0] == 'f');
	} else {
		return false;
	}
	return true;
}

/* ---------------------------------------------------------------- input */

/* One line from stdin: 1, 0 at end of input, -1 if ^C cut it short. An
 * over-long line is read to its end and refused. */
static int read_line(void)
{
	int len = 0, n;

	for (;;) {
		n = read(0, line + len, LINE_MAX - len);
		if (n < 0)
			return errno == EINTR ? -1 : 0;
		if (n == 0)
			return len ? 1 : 0;
		len += n;
		if (line[len - 1] == '\n')
			break;
		if (len == LINE_MAX) {
			char rest[256];

			while ((n = read(0, rest, sizeof(rest))) > 0 && rest[n - 1] != '\n')
				;
			dprintf(2, "sh: line too long (more than %d characters): ignored\n",
				LINE_MAX - 1);
			line[0] = '\n';
			len = 1;
			break;
		}
	}
	line[len] = 0;
	return 1;
}

static void banner(void)
{
	unsigned int dev = 0;

	ioctl(0, TIOCGDEV, &dev);
	printf("Janus shell on %s: type 'help' to begin, 'ls /bin' for the programs. %s\n",
	       (dev & 0xff) >= 64 ? "ttyS0" : "the console",
	       (dev & 0xff) >= 64 ? "Ctrl-A X quits QEMU." : "Close the window to quit QEMU.");
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	struct cmd cmds[MAX_CMDS];
	char *tok[MAX_WORDS * 2];

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	interactive = isatty(0);
	if (interactive) {
		sigaction(SIGTSTP, &sa, NULL); /* ^Z stops jobs, never the shell */
		signal(SIGTTIN, SIG_IGN);
		signal(SIGTTOU, SIG_IGN);
		setpgid(0, 0);
		tcsetpgrp(0, getpgrp());
		banner();
	}
	for (;;) {
		int ntok, ncmds, got;
		bool bg;

		reap_jobs(interactive);
		caught = 0;
		if (interactive)
			printf("$ ");
		got = read_line();
		if (got < 0) {
			printf("\n");
			continue;
		}
		if (!got)
			break;
		ntok = tokenize(line, tok, MAX_WORDS * 2 - 1);
		if (!ntok || !parse(tok, ntok, cmds, &ncmds, &bg))
			continue;
		line[strcspn(line, "\n")] = 0;
		if (ncmds == 1 && !bg && builtin(&cmds[0]))
			continue;
		run_pipeline(cmds, ncmds, bg, line);
	}
	if (interactive)
		printf("exit\n");
	return last_status;
}
