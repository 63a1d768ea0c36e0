/* kill [-SIGNAL] PID...: sends a signal (TERM by default) to each process;
 * a negative PID is a process group. kill -l lists the names. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = { [SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGCHLD] = "CHLD",
	[SIGCONT] = "CONT" };
#define NR_NAMES (int)(sizeof(names) / sizeof(names[0]))

static int signal_number(const char *s)
{
	if (*s >= '0' && *s <= '9')
		return atoi(s);
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (int i = 1; i < NR_NAMES; i++)
		if (names[i] && !strcmp(names[i], s))
			return i;
	return -1;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, ret = 0;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		for (int s = 1; s < NR_NAMES; s++)
			if (names[s])
				printf("%2d) SIG%s\n", s, names[s]);
		return 0;
	}
	if (i < argc && argv[i][0] == '-' && (argv[i][1] < '0' || argv[i][1] > '9' || i + 1 < argc)) {
		sig = signal_number(argv[i] + 1);
		i++;
	}
	if (sig < 0 || i == argc) {
		dprintf(2, "usage: kill [-SIGNAL] PID...  (kill -l lists the signals)\n");
		return 2;
	}
	for (; i < argc; i++) {
		if (kill(atoi(argv[i]), sig) < 0) {
			dprintf(2, "kill: (%s): %s\n", argv[i], strerror(errno));
			ret = 1;
		}
	}
	return ret;
}
