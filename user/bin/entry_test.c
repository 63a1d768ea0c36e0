/*
 * entry_test CASE: the two ways into the kernel, `int 0x80` and the vsyscall
 * page's __kernel_vsyscall (sysenter where the CPU has it), compared with
 * every register set by hand (run by the kernel's `syscall` suite,
 * tests/kernel/syscall.c). Exits with the number of failed checks.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <janus.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/unistd.h>
#include <asm/vsyscall.h>

enum { TF = 1 << 8, IF = 1 << 9, DF = 1 << 10, AC = 1 << 18 }; /* eflags bits */

/* The registers around one entry: set before it, read back after it. */
struct entry_regs {
	long ax, bx, cx, dx, si, di, bp;
} entry_regs;

/* Loads every register from entry_regs, enters the kernel with `insn`,
 * stores every register back (absolute addresses: no register is spared). */
#define ENTER_WITH(insn)                                                          \
	__asm__ __volatile__("pushal\n\t"                                         \
			     "movl entry_regs+4, %%ebx\n\t"                       \
			     "movl entry_regs+8, %%ecx\n\t"                       \
			     "movl entry_regs+12, %%edx\n\t"                      \
			     "movl entry_regs+16, %%esi\n\t"                      \
			     "movl entry_regs+20, %%edi\n\t"                      \
			     "movl entry_regs+24, %%ebp\n\t"                      \
			     "movl entry_regs, %%eax\n\t" insn "\n\t"             \
			     "movl %%eax, entry_regs\n\t"                         \
			     "movl %%ebx, entry_regs+4\n\t"                       \
			     "movl %%ecx, entry_regs+8\n\t"                       \
			     "movl %%edx, entry_regs+12\n\t"                      \
			     "movl %%esi, entry_regs+16\n\t"                      \
			     "movl %%edi, entry_regs+20\n\t"                      \
			     "movl %%ebp, entry_regs+24\n\t"                      \
			     "popal"                                              \
			     : : "i"(VSYSCALL_ADDR) : "memory", "cc")

static void enter_int80(void) { ENTER_WITH("int $0x80"); }
static void enter_vsyscall(void) { ENTER_WITH("call %P0"); }

/* System call nr with arguments a, b, c through `enter`: its raw result;
 * every register but eax must come back as it went in. */
static long call(void (*enter)(void), long nr, long a, long b, long c)
{
	const struct entry_regs in = { nr, a, b, c, 0x51515151, 0xd1d1d1d1, 0xb0b0b0b0 };

	entry_regs = in;
	enter();
	CHECK(entry_regs.bx == in.bx && entry_regs.cx == in.cx && entry_regs.dx == in.dx);
	CHECK(entry_regs.si == in.si && entry_regs.di == in.di && entry_regs.bp == in.bp);
	return entry_regs.ax;
}

static int cpu_has_sysenter(void)
{
	unsigned int a = 1, b, c = 0, d;

	__asm__ __volatile__("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return d & (1u << 11);
}

/* The page is there, uses sysenter if the CPU has it, and both ways agree. */
static void both_entries(void)
{
	const unsigned char *page = (const unsigned char *)VSYSCALL_ADDR;

	if (cpu_has_sysenter())
		CHECK(page[5] == 0x0f && page[6] == 0x34); /* sysenter */
	else
		CHECK(page[0] == 0xcd && page[1] == 0x80); /* int $0x80 */
	CHECK(call(enter_int80, __NR_getpid, 0, 0, 0) == getpid());
	CHECK(call(enter_vsyscall, __NR_getpid, 0, 0, 0) == getpid());
	CHECK(call(enter_vsyscall, __NR_getppid, 0, 0, 0) == getppid());
	CHECK(call(enter_vsyscall, 9999, 0, 0, 0) == -ENOSYS);
	CHECK(call(enter_vsyscall, __NR_write, 1, (long)"", 0) == 0);
}

/* A bad pointer is -EFAULT either way, and nothing else changes. */
static void bad_pointer(void)
{
	int zero = open("/dev/zero", O_RDONLY);

	CHECK(call(enter_int80, __NR_write, 1, 16, 4) == -EFAULT);
	CHECK(call(enter_vsyscall, __NR_write, 1, 16, 4) == -EFAULT);
	CHECK(call(enter_vsyscall, __NR_write, 1, 0xc0000000, 4) == -EFAULT);
	/* the page is read-only */
	CHECK(call(enter_vsyscall, __NR_read, zero, VSYSCALL_ADDR, 4) == -EFAULT);
	close(zero);
}

/* eflags right after getpid through the page, entered with `set` or-ed into them. */
static unsigned long flags_after_vsyscall(unsigned long set)
{
	unsigned long flags;
	long nr = __NR_getpid;

	__asm__ __volatile__("pushfl\n\t"
			     "orl %[set], (%%esp)\n\t"
			     "popfl\n\t"
			     "call %P[page]\n\t"
			     "pushfl\n\t"
			     "popl %[flags]\n\t"
			     "pushl $0x202\n\t" /* IF and the fixed bit: DF, AC off again */
			     "popfl"
			     : [flags] "=&r"(flags), "+a"(nr)
			     : [set] "r"(set), [page] "i"(VSYSCALL_ADDR)
			     : "memory", "cc");
	CHECK(nr == getpid());
	return flags;
}

/* The way back through sysexit keeps every flag but the status flags
 * (undefined after a call): plain flags come back with IF on and DF, AC,
 * TF off; DF and AC set before the call are still set after it. */
static void flags_kept(void)
{
	unsigned long plain = flags_after_vsyscall(0), odd = flags_after_vsyscall(DF | AC);

	CHECK((plain & IF) && !(plain & (DF | AC | TF)));
	CHECK((odd & (IF | DF | AC)) == (IF | DF | AC) && !(odd & TF));
}

static volatile int handled;

static void on_usr1(int sig)
{
	handled = sig;
}

/* kill() of ourselves: the handler runs on the way back from that very call,
 * then the call returns its result with every register intact. */
static void signal_on_return(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };

	sigaction(SIGUSR1, &sa, NULL);
	handled = 0;
	CHECK(call(enter_vsyscall, __NR_kill, getpid(), SIGUSR1, 0) == 0);
	CHECK(handled == SIGUSR1);
	handled = 0;
	CHECK(call(enter_int80, __NR_kill, getpid(), SIGUSR1, 0) == 0);
	CHECK(handled == SIGUSR1);
}

/* A waitpid through the page, cut by a signal with SA_RESTART, starts again
 * (through the `int 0x80` in the page) and returns the child. */
static void restart_through_the_page(void)
{
	/* it signals us five times, 20 ms apart, then exits 7 */
	static char *const child[] = { "/bin/syscall_test", "signal-child-5", NULL };
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	int status = 0;
	pid_t pid;

	sigaction(SIGUSR1, &sa, NULL);
	handled = 0;
	pid = spawn(child[0], child);
	CHECK(pid > 0);
	CHECK(call(enter_vsyscall, __NR_waitpid, pid, (long)&status, 0) == pid);
	CHECK(handled == SIGUSR1);
	CHECK(WEXITSTATUS(status) == 7);
}

static const struct check_case cases[] = {
	{ "both-entries", both_entries },
	{ "bad-pointer", bad_pointer },
	{ "signal-on-return", signal_on_return },
	{ "restart", restart_through_the_page },
	{ "flags", flags_kept },
	{ 0 },
};

int main(int argc, char **argv)
{
	return check_main(argc, argv, cases);
}
