/* signal.h: signal numbers and struct sigaction (the kernel's), kill, sigaction, signal. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <asm/signal.h>

typedef __sighandler_t sighandler_t;
#define SIG_ERR ((sighandler_t)-1)

int kill(pid_t pid, int sig);
/* act->sa_restorer is ignored: libc always puts its own sigreturn trampoline there. */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
/* sigaction with flags 0; the previous handler, or SIG_ERR. */
sighandler_t signal(int sig, sighandler_t handler);

#endif
