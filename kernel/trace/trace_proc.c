/*
 * The tracer's /proc files (made with proc_create()), Linux's tracefs names
 * and behaviour:
 *   /proc/trace        the buffer as text, header and all; open with O_TRUNC
 *                      (or write anything) to clear it
 *   /proc/trace_pipe   the same lines without the header, consumed as read;
 *                      a read blocks until there is at least one
 *   /proc/tracing_on   "1" or "0": recording on or off
 *   /proc/set_event    the enabled events, one "system:name" a line; a write
 *                      enables each word (glob, "system:" or "system:glob"),
 *                      "!word" disables; open with O_TRUNC disables all first
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <uapi/linux/fcntl.h>
#include <janus/trace.h>

#define LINE_MAX 256
#define SET_EVENT_TEXT 4096

struct trace_reader {
	struct trace_iter it;
	unsigned int header_line; /* next header line; past the end once done */
	char line[LINE_MAX];
	int len, off;             /* the line being handed out */
};

static DEFINE_MUTEX(trace_pipe_mutex); /* one consumer at a time */

/* Fills r->line with the next line; false at the end. */
static bool next_line(struct trace_reader *r)
{
	struct trace_entry e;
	int cpu;

	r->off = 0;
	r->len = trace_print_header(r->line, sizeof(r->line), r->header_line);
	if (r->len) {
		r->header_line++;
		return true;
	}
	if (!trace_iter_next(&r->it, &e, &cpu))
		return false;
	r->len = trace_format_entry(r->line, sizeof(r->line), cpu, &e);
	return true;
}

/* Copies lines out until count is reached or they run out; bytes copied or -EFAULT. */
static ssize_t copy_lines(struct trace_reader *r, char __user *buf, size_t count)
{
	size_t done = 0;

	while (done < count && (r->off < r->len || next_line(r))) {
		size_t n = min(count - done, (size_t)(r->len - r->off));

		if (copy_to_user(buf + done, r->line + r->off, n))
			return done ? (ssize_t)done : -EFAULT;
		r->off += n;
		done += n;
	}
	return done;
}

static int open_reader(struct file *file, bool consume, bool header)
{
	struct trace_reader *r = vmalloc(sizeof(*r));

	if (!r)
		return -ENOMEM;
	trace_iter_start(&r->it, consume);
	r->header_line = header ? 0 : ~0u;
	r->len = r->off = 0;
	file->private_data = r;
	return 0;
}

static int release_reader(struct inode *inode, struct file *file)
{
	(void)inode;
	vfree(file->private_data);
	return 0;
}

static int trace_open(struct inode *inode, struct file *file)
{
	(void)inode;
	if (file->f_flags & O_TRUNC)
		trace_clear();
	return open_reader(file, false, true);
}

static ssize_t trace_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t n = copy_lines(file->private_data, buf, count);

	if (n > 0)
		*ppos += n;
	return n;
}

static ssize_t trace_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	(void)file;
	(void)buf;
	(void)ppos;
	trace_clear();
	return count;
}

static const struct proc_ops trace_ops = {
	.proc_open = trace_open,
	.proc_read = trace_read,
	.proc_write = trace_write,
	.proc_release = release_reader,
};

static int trace_pipe_open(struct inode *inode, struct file *file)
{
	(void)inode;
	return open_reader(file, true, false);
}

static ssize_t trace_pipe_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct trace_reader *r = file->private_data;
	ssize_t n;

	(void)ppos;
	if (mutex_lock_interruptible(&trace_pipe_mutex))
		return -ERESTARTSYS;
	/* The writers may be in any context, so they wake nobody: look every tick. */
	while (!(n = copy_lines(r, buf, count))) {
		if (signal_pending(current)) {
			n = -ERESTARTSYS;
			break;
		}
		schedule_timeout_interruptible(1);
	}
	mutex_unlock(&trace_pipe_mutex);
	return n;
}

static const struct proc_ops trace_pipe_ops = {
	.proc_open = trace_pipe_open,
	.proc_read = trace_pipe_read,
	.proc_release = release_reader,
};

/* Copies a short text out from the file position. */
static ssize_t read_text(const char *text, char __user *buf, size_t count, loff_t *ppos)
{
	size_t len = strlen(text);

	if (*ppos >= (loff_t)len)
		return 0;
	count = min(count, len - (size_t)*ppos);
	if (copy_to_user(buf, text + *ppos, count))
		return -EFAULT;
	*ppos += count;
	return count;
}

/* A short write, as a NUL-terminated string in a kernel buffer. */
static int fetch_write(char *dst, size_t size, const char __user *buf, size_t count)
{
	if (count >= size)
		return -EINVAL;
	if (copy_from_user(dst, buf, count))
		return -EFAULT;
	while (count && (dst[count - 1] == '\n' || dst[count - 1] == ' '))
		count--; /* echo's newline */
	dst[count] = '\0';
	return 0;
}

static ssize_t tracing_on_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	(void)file;
	return read_text(tracing_is_on() ? "1\n" : "0\n", buf, count, ppos);
}

static ssize_t tracing_on_write(struct file *file, const char __user *buf, size_t count,
				loff_t *ppos)
{
	char val[16];
	int err = fetch_write(val, sizeof(val), buf, count);

	(void)file;
	(void)ppos;
	if (err)
		return err;
	if (!strcmp(val, "1"))
		tracing_on();
	else if (!strcmp(val, "0"))
		tracing_off();
	else
		return -EINVAL;
	return count;
}

static const struct proc_ops tracing_on_ops = {
	.proc_read = tracing_on_read,
	.proc_write = tracing_on_write,
};

static int set_event_open(struct inode *inode, struct file *file)
{
	char *text = kmalloc(SET_EVENT_TEXT, GFP_KERNEL);
	size_t n = 0;

	(void)inode;
	if (!text)
		return -ENOMEM;
	if (file->f_flags & O_TRUNC)
		trace_set_events("*", false);
	text[0] = '\0';
	for_each_event_call(c)
		if (static_key_enabled(c->key))
			n += scnprintf(text + n, SET_EVENT_TEXT - n, "%s:%s\n", c->system, c->name);
	file->private_data = text;
	return 0;
}

static ssize_t set_event_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return read_text(file->private_data, buf, count, ppos);
}

static ssize_t set_event_write(struct file *file, const char __user *buf, size_t count,
			       loff_t *ppos)
{
	char words[256], *rest = words, *w;
	int err = fetch_write(words, sizeof(words), buf, count);

	(void)file;
	(void)ppos;
	if (err)
		return err;
	while ((w = strsep(&rest, " \t\n,"))) {
		bool on = *w != '!';

		if (!on)
			w++;
		if (*w && !trace_set_events(w, on))
			return -EINVAL; /* Linux says so too for an event it does not know */
	}
	return count;
}

static int set_event_release(struct inode *inode, struct file *file)
{
	(void)inode;
	kfree(file->private_data);
	return 0;
}

static const struct proc_ops set_event_ops = {
	.proc_open = set_event_open,
	.proc_read = set_event_read,
	.proc_write = set_event_write,
	.proc_release = set_event_release,
};

/* The files, made as any driver makes its /proc files (kernel/fs/proc_generic.c). */
static int __init trace_proc_init(void)
{
	static const struct {
		const char *name;
		umode_t mode;
		const struct proc_ops *ops;
	} files[] = {
		{ "trace", 0644, &trace_ops },
		{ "trace_pipe", 0444, &trace_pipe_ops },
		{ "tracing_on", 0644, &tracing_on_ops },
		{ "set_event", 0644, &set_event_ops },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(files); i++)
		if (!proc_create(files[i].name, files[i].mode, NULL, files[i].ops))
			pr_err("trace: cannot create /proc/%s\n", files[i].name);
	return 0;
}
core_initcall(trace_proc_init);
