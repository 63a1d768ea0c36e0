/* Signals: kill, and sigaction/signal, which route every handler's return through __sigreturn. */
#include <signal.h>
#include "syscall.h"

void __sigreturn(void); /* sigreturn.S */

int kill(pid_t pid, int sig)
{
	return syscall2(__NR_kill, pid, sig);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_restorer = __sigreturn;
	}
	return syscall3(__NR_sigaction, sig, act ? &k : NULL, old);
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler }, old;

	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}
