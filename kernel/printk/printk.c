/*
 * printk: format the message, store it in the log ring (every line a record
 * with a timestamp and a level), then print what is new to every console.
 *
 * Storing takes a short irq-safe lock, so any context can printk. Printing
 * takes the console lock only by trylock: whoever holds it prints the records
 * that others add meanwhile, so a hardirq that interrupts a printk never waits
 * for it, and nothing stored is lost. Once a CPU panics, the consoles are its
 * alone: the others only store (Linux's other_cpu_in_panic()), and it breaks
 * the console lock of a CPU it stopped. An oops or panic also breaks the lock
 * its own CPU held when it struck; never another CPU's, which is printing and
 * prints the report's lines too, so two CPUs never write at once.
 * Every console write is synchronous and polled, with preemption off: printk
 * never sleeps and never waits for an interrupt, from any context.
 */
#include <asm/processor.h>
#include <asm/spinlock.h>
#include <linux/preempt.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/sched/clock.h>
#include <linux/wait.h>
#include <janus/log.h>

#define LOG_RECORDS 1024 /* a ring of fixed-size records: 256 KiB */

struct log_record {
	u64 seq;
	u64 ts_nsec;
	u16 len;
	u8 level;
	u8 flags;
	char text[LOG_LINE_MAX];
};
#define LOG_CONT 1    /* continues the previous record's console line */
#define LOG_NEWLINE 2 /* the line ends here */

static struct log_record log_ring[LOG_RECORDS];
static u64 log_next_seq; /* the record the next line goes to */
static u64 console_seq;  /* the next record the consoles have not printed */
static bool console_mid_line; /* the last printed record did not end its line */
static arch_spinlock_t logbuf_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int console_locked;
static int console_owner = -1; /* the CPU that holds console_locked */
static struct console *console_list;

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
/* `ignore_loglevel` (as in Linux): every record goes to the consoles. */
static bool ignore_loglevel;

/* Whether a record of @level goes to the consoles (Linux: !suppress_message_printing). */
static bool console_shows(int level)
{
	return ignore_loglevel || level < console_loglevel;
}
int oops_in_progress;

static u64 log_oldest_seq(void)
{
	return log_next_seq > LOG_RECORDS ? log_next_seq - LOG_RECORDS : 0;
}

static void log_store(int level, u8 flags, const char *text, unsigned int len)
{
	unsigned long irqflags;
	struct log_record *r;

	local_irq_save(irqflags);
	arch_spin_lock(&logbuf_lock);
	r = &log_ring[log_next_seq % LOG_RECORDS];
	r->seq = log_next_seq++;
	r->ts_nsec = local_clock();
	r->level = level;
	r->flags = flags;
	r->len = len;
	memcpy(r->text, text, len);
	arch_spin_unlock(&logbuf_lock);
	local_irq_restore(irqflags);
}

/* Splits the formatted text into line records; a part without '\n' stays open. */
static void log_store_lines(int level, bool cont, const char *text, unsigned int len)
{
	while (len) {
		const char *nl = memchr(text, '\n', len);
		unsigned int line = nl ? (unsigned int)(nl - text) : len;
		unsigned int part = min(line, LOG_LINE_MAX - 1u);
		bool ends = part == line && nl;

		log_store(level, (cont ? LOG_CONT : 0) | (ends ? LOG_NEWLINE : 0), text, part);
		text += part + ends;
		len -= part + ends;
		cont = !ends;
	}
}

static int format_timestamp(char *buf, size_t size, u64 ts_nsec)
{
	u32 rem_nsec;
	u64 sec = div_u64_rem(ts_nsec, 1000000000, &rem_nsec);

	return scnprintf(buf, size, "[%5lu.%06lu] ", (unsigned long)sec, rem_nsec / 1000ul);
}

/* The console form of one record: timestamp unless it continues a line. */
static int format_record(const struct log_record *r, char *buf, size_t size)
{
	int n = 0;

	if (!(r->flags & LOG_CONT))
		n = format_timestamp(buf, size, r->ts_nsec);
	n += scnprintf(buf + n, size - n, "%.*s", r->len, r->text);
	if ((r->flags & LOG_NEWLINE) && n < (int)size - 1)
		buf[n++] = '\n';
	return n;
}

static void write_consoles(struct console *only, const char *s, unsigned int n)
{
	for (struct console *con = console_list; con; con = con->next)
		if (!only || con == only)
			con->write(con, s, n);
}

/*
 * The console lock's holder prints for everyone, so it must never be switched
 * away while it holds it: holding it disables preemption, as Linux's printk
 * does. A holder preempted by the tick would leave every later line stored but
 * unprinted, the reports of the lock-up and hung-task detectors included, and a
 * console_write_direct() on the same CPU would spin on the lock forever with
 * preemption off: a silent hang.
 */
static bool console_trylock(void)
{
	int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	if (other_cpu_in_panic())
		goto busy; /* its CPU prints (every line stored here too) */
	if (!__atomic_exchange_n(&console_locked, 1, __ATOMIC_ACQUIRE)) {
		WRITE_ONCE(console_owner, cpu);
		return true;
	}
	/* The oops or panic struck this CPU while it held the lock: it would
	 * never get back to printing. Another CPU's holder goes on, so its lock
	 * is respected: two CPUs writing at once mix their lines char by char. */
	if (READ_ONCE(oops_in_progress) && READ_ONCE(console_owner) == cpu)
		return true;
busy:
	preempt_enable();
	return false;
}

static void console_unlock(void)
{
	WRITE_ONCE(console_owner, -1);
	__atomic_store_n(&console_locked, 0, __ATOMIC_RELEASE);
	preempt_enable();
}

/* Only where the holder cannot be the code this context interrupted. */
static void console_lock_spin(void)
{
	while (!console_trylock())
		cpu_relax();
}

/* Takes the next unprinted record, formatted; false when all are printed. */
static bool console_next_line(char *buf, size_t size, int *n, int *level, u64 *dropped)
{
	unsigned long irqflags;
	bool got = false;

	if (other_cpu_in_panic())
		return false; /* let go of the console: the panicking CPU prints the rest */
	local_irq_save(irqflags);
	arch_spin_lock(&logbuf_lock);
	if (console_seq < log_oldest_seq()) {
		*dropped = log_oldest_seq() - console_seq;
		console_seq = log_oldest_seq();
	}
	if (console_seq < log_next_seq) {
		const struct log_record *r = &log_ring[console_seq++ % LOG_RECORDS];
		int pre = console_mid_line && !(r->flags & LOG_CONT);
		if (pre)
			buf[0] = '\n';
		*n = pre + format_record(r, buf + pre, size - pre);
		*level = r->level;
		console_mid_line = !(r->flags & LOG_NEWLINE);
		got = true;
	}
	arch_spin_unlock(&logbuf_lock);
	local_irq_restore(irqflags);
	return got;
}

/* Prints everything not yet printed; returns at once if another context is printing. */
static void console_flush(void)
{
	char line[LOG_LINE_MAX + 24];
	int n, level;

	do {
		u64 dropped = 0;

		if (!console_trylock())
			return;
		while (console_next_line(line, sizeof(line), &n, &level, &dropped)) {
			if (dropped) {
				char note[64];
				int m = scnprintf(note, sizeof(note),
						  "** %llu printk messages dropped **\n", dropped);
				write_consoles(NULL, note, m);
				dropped = 0;
			}
			if (console_shows(level))
				write_consoles(NULL, line, n);
		}
		console_unlock();
		/* A record stored after our last look but before the unlock would
		 * otherwise wait for the next printk. */
	} while (READ_ONCE(console_seq) != READ_ONCE(log_next_seq));
}

/**
 * vprintk() - printk() with a va_list.
 * @fmt:  the format, optionally starting with a KERN_<LEVEL> prefix
 * @args: its arguments
 *
 * Context: any context, hardirq handlers included; does
 * not sleep (see printk()).
 * Return: the length of the formatted text without its level prefix.
 */
int vprintk(const char *fmt, va_list args)
{
	char buf[2 * LOG_LINE_MAX], *text = buf;
	int level = MESSAGE_LOGLEVEL_DEFAULT, len;
	bool cont = false;

	/* The level is read from the formatted text, so printk("%s...", KERN_ERR) works too. */
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	while (text[0] == KERN_SOH_ASCII && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			level = text[1] - '0';
		else if (text[1] == 'c')
			cont = true;
		text += 2;
		len -= 2;
	}
	if (cont) /* a continuation keeps the level of the line it continues */
		level = log_ring[(log_next_seq - 1) % LOG_RECORDS].level;

	log_store_lines(level, cont, text, len);
	console_flush();
	return len;
}
EXPORT_SYMBOL(vprintk);

/**
 * printk() - Format a message, store it in the kernel log, print it on the consoles.
 * @fmt: the format (vsnprintf()'s), optionally starting with KERN_ERR, KERN_INFO... or KERN_CONT
 * @...: its arguments
 *
 * Each line becomes a log record with a timestamp and a level; lines below
 * console_loglevel also go to every console. If another context is
 * printing already, this one only stores: the printer prints the new
 * records too, so a handler never waits for the console.
 *
 * Context: any context, hardirq handlers included; does not sleep (the log
 * lock is an irq-safe spinlock, the console lock only ever tried).
 * Return: the length of the formatted text without its level prefix.
 */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(printk);

/**
 * console_write_direct() - Write raw text to one console, bypassing the log.
 * @con: the console
 * @s:   the text
 * @n:   its length
 *
 * Spins for the console lock, so the text is not interleaved with printk
 * lines, then prints what printk stored meanwhile.
 *
 * Context: process context or softirq; does not sleep, but spins while
 * another context prints: not from a handler that may have interrupted a printer.
 */
void console_write_direct(struct console *con, const char *s, unsigned int n)
{
	console_lock_spin();
	con->write(con, s, n);
	console_unlock();
	console_flush(); /* what printk stored meanwhile */
}

/**
 * console_flush_on_panic() - Print what is stored, even if a stopped CPU holds the console lock.
 *
 * For panic(), once the other CPUs are stopped: one may have been stopped
 * with the console lock held, and would never let go of it.
 *
 * Context: panic() only, on the panicking CPU, the other CPUs stopped.
 */
void console_flush_on_panic(void)
{
	if (READ_ONCE(console_owner) != smp_processor_id()) {
		WRITE_ONCE(console_owner, -1);
		__atomic_store_n(&console_locked, 0, __ATOMIC_RELEASE);
	}
	console_flush();
}

/**
 * register_console() - Add a console; it first receives every record already in the log.
 * @con: the console, with its ->write
 *
 * Context: boot or process context; does not sleep (spins for the console lock).
 */
void register_console(struct console *con)
{
	char line[LOG_LINE_MAX + 24];

	console_lock_spin();
	for (u64 seq = log_oldest_seq(); seq < console_seq; seq++) {
		const struct log_record *r = &log_ring[seq % LOG_RECORDS];
		int n = format_record(r, line, sizeof(line));
		if (console_shows(r->level))
			con->write(con, line, n);
	}
	con->next = console_list;
	console_list = con;
	console_unlock();
	console_flush();
}

/**
 * unregister_console() - Remove a console.
 * @con: the console
 *
 * Context: process context; does not sleep (spins for the console lock).
 * Return: 0, or -ENODEV if @con was not registered.
 */
int unregister_console(struct console *con)
{
	struct console **p;
	int ret = -ENODEV;

	console_lock_spin();
	for (p = &console_list; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			ret = 0;
			break;
		}
	}
	console_unlock();
	return ret;
}

/**
 * log_next_sequence() - The sequence number the next log record will get.
 *
 * Pass it to log_contains() to look only at what is printed from now on.
 *
 * Context: any context; does not sleep.
 * Return: the sequence number.
 */
u64 log_next_sequence(void)
{
	return READ_ONCE(log_next_seq);
}

/**
 * log_read() - Format one log record, with its timestamp, and advance to the next.
 * @seq:  in: the record to read (moved up to the oldest one still held);
 *        out: the one after it
 * @buf:  where the line goes
 * @size: the size of @buf
 *
 * Context: any context; does not sleep.
 * Return: the length of the line, or 0 if there is no record at @seq yet.
 */
int log_read(u64 *seq, char *buf, size_t size)
{
	unsigned long irqflags;
	int n = 0;

	local_irq_save(irqflags);
	arch_spin_lock(&logbuf_lock);
	if (*seq < log_oldest_seq())
		*seq = log_oldest_seq();
	if (*seq < log_next_seq) {
		const struct log_record *r = &log_ring[(*seq)++ % LOG_RECORDS];
		n = format_timestamp(buf, size, r->ts_nsec);
		n += scnprintf(buf + n, size - n, "%.*s\n", r->len, r->text);
	}
	arch_spin_unlock(&logbuf_lock);
	local_irq_restore(irqflags);
	return n;
}

static DECLARE_WAIT_QUEUE_HEAD(log_wait); /* readers waiting for a new record */
static u64 log_woken_seq;                  /* what log_wait was last woken for */

/**
 * log_wait_for() - Sleep until the log holds a record at or after @seq.
 * @seq: the next record the reader wants (as log_read() left it)
 *
 * What a blocking read of /dev/kmsg (`dmesg -w`) waits in. printk itself
 * never wakes anyone (it may run under the runqueue lock, or inside a
 * wake-up); printk_tick() does it for it, at most a tick later.
 *
 * Context: process context; sleeps.
 * Return: 0, or -ERESTARTSYS if a signal came first.
 */
int log_wait_for(u64 seq)
{
	return wait_event_interruptible(log_wait, READ_ONCE(log_next_seq) > seq);
}

/**
 * printk_tick() - Wake the log's readers if records came since the last tick.
 *
 * Linux 2.6's printk_tick(): the timer interrupt, which never runs inside
 * printk's callers' locks, does the wake-up printk must not do.
 *
 * Context: the timer interrupt of the CPU that keeps jiffies; does not sleep.
 */
void printk_tick(void)
{
	u64 next = READ_ONCE(log_next_seq);

	if (next != log_woken_seq && waitqueue_active(&log_wait)) {
		log_woken_seq = next;
		wake_up_interruptible_all(&log_wait);
	}
}

/**
 * log_contains() - Whether a log record from @from_seq on contains @needle.
 * @from_seq: the first record to search (log_next_sequence() taken earlier)
 * @needle:   the text to find
 *
 * Context: any context; does not sleep.
 * Return: true if a record contains it.
 */
bool log_contains(u64 from_seq, const char *needle)
{
	char line[LOG_LINE_MAX + 24];
	u64 seq = from_seq;

	while (log_read(&seq, line, sizeof(line)))
		if (strstr(line, needle))
			return true;
	return false;
}

/* Not __init: the cmdline suite parses loglevel= after boot, as the one real
 * parameter whose bad values it shows are refused. */
static int loglevel_setup(char *val)
{
	int level;

	if (!val || kstrtoint(val, 0, &level) || level < 0 || level > 8)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init ignore_loglevel_setup(char *val)
{
	(void)val;
	ignore_loglevel = true;
	pr_info("debug: ignoring loglevel setting.\n");
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);

#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8

/**
 * sys_syslog() - The syslog(2) system call (klogctl), the console's part of it.
 * @type: SYSLOG_ACTION_CONSOLE_LEVEL (8): show levels below @len on the
 *        consoles; CONSOLE_OFF (6): only emergencies; CONSOLE_ON (7): back to
 *        the default. (What `dmesg -n` uses; the log itself is /dev/kmsg.)
 * @buf:  unused by these actions
 * @len:  the level for action 8, 1 to 8
 *
 * Context: process context (a system call).
 * Return: 0, or -EINVAL for another action or a bad level.
 */
long sys_syslog(int type, char __user *buf, int len)
{
	(void)buf;
	if (type == SYSLOG_ACTION_CONSOLE_OFF)
		console_loglevel = 1;
	else if (type == SYSLOG_ACTION_CONSOLE_ON)
		console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	else if (type == SYSLOG_ACTION_CONSOLE_LEVEL && len >= 1 && len <= 8)
		console_loglevel = len;
	else
		return -EINVAL;
	return 0;
}
