/* seq_file: listings rendered into a buffer (include/linux/seq_file.h). */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

/**
 * seq_printf() - Append formatted text to a listing.
 * @m:   the seq_file
 * @fmt: the format (vsnprintf()'s)
 * @...: its arguments
 *
 * Text beyond the buffer is cut and the listing marked as overflowed.
 *
 * Context: any context; does not sleep.
 */
void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
	va_end(args);
	if (m->count + n >= m->size) {
		m->overflow = true;
		m->count = m->size - 1;
	} else {
		m->count += n;
	}
}
EXPORT_SYMBOL(seq_printf);

/**
 * seq_puts() - Append a string to a listing.
 * @m: the seq_file
 * @s: the string
 *
 * Context: any context; does not sleep.
 */
void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}
EXPORT_SYMBOL(seq_puts);

/**
 * seq_write() - Append raw bytes to a listing.
 * @m:    the listing
 * @data: the bytes, which may include NULs (a binary /proc file)
 * @len:  how many
 *
 * If they do not fit, nothing is appended and m->overflow is set.
 *
 * Context: any context (the buffer is the caller's).
 */
void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len >= m->size) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}
EXPORT_SYMBOL(seq_write);


/* ------------------------------------------------------------ Linux's interface */

#define SEQ_MAX_SIZE (1u << 20)

static void *single_start(struct seq_file *m, loff_t *pos)
{
	(void)m;
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)m, (void)v;
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
	(void)m, (void)v;
}

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->op = op;
	file->private_data = m;
	return 0;
}
EXPORT_SYMBOL(seq_open);

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op), GFP_KERNEL);
	int err;

	if (!op)
		return -ENOMEM;
	*op = (struct seq_operations){ single_start, single_stop, single_next, show };
	err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}
EXPORT_SYMBOL(single_open);

static void free_seq_buf(struct seq_file *m)
{
	if (is_vmalloc_addr(m->buf))
		vfree(m->buf);
	else
		kfree(m->buf);
	m->buf = NULL;
}

/* Walks every record into the buffer; a buffer that overflows is doubled
 * and the walk starts again. */
static int seq_render(struct seq_file *m)
{
	for (size_t size = PAGE_SIZE; size <= SEQ_MAX_SIZE; size *= 2) {
		loff_t pos = 0;
		void *p;

		m->buf = size <= PAGE_SIZE ? kmalloc(size, GFP_KERNEL) : vmalloc(size);
		if (!m->buf)
			return -ENOMEM;
		m->size = size;
		m->count = 0;
		m->overflow = false;
		m->buf[0] = '\0';
		p = m->op->start(m, &pos);
		while (p && !IS_ERR(p) && !m->overflow && m->op->show(m, p) >= 0)
			p = m->op->next(m, p, &pos);
		m->op->stop(m, p);
		if (!m->overflow) {
			m->rendered = true;
			return 0;
		}
		free_seq_buf(m);
	}
	return -ENOMEM;
}

ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t left;
	int err;

	if (!m->rendered && (err = seq_render(m)))
		return err;
	if (*ppos >= (loff_t)m->count)
		return 0;
	size = min(size, m->count - (size_t)*ppos);
	left = copy_to_user(buf, m->buf + *ppos, size);
	if (left == size)
		return -EFAULT;
	*ppos += size - left;
	return size - left;
}
EXPORT_SYMBOL(seq_read);

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos = whence == 1 ? file->f_pos + offset : whence == 0 ? offset : -1;

	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}
EXPORT_SYMBOL(seq_lseek);

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	(void)inode;
	free_seq_buf(m);
	kfree(m);
	return 0;
}
EXPORT_SYMBOL(seq_release);

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;

	seq_release(inode, file);
	kfree(op);
	return 0;
}
EXPORT_SYMBOL(single_release);

/**
 * seq_putc() - Append one character.
 * @m: the buffer
 * @c: the character
 *
 * Context: any context.
 */
void seq_putc(struct seq_file *m, char c)
{
	seq_printf(m, "%c", c);
}
EXPORT_SYMBOL(seq_putc);

/* dump=: a listing's show(m), through the same growing buffer as /proc. */
static int show_listing(struct seq_file *m, void *v)
{
	int (*show)(struct seq_file *m) = m->private;

	(void)v;
	return show(m);
}

/**
 * seq_print_to_log() - Render a listing and print it to the kernel log, line by line.
 * @show: the listing's show function (e.g. show_interrupts())
 *
 * The listing is rendered whole, however long (seq_render(): the buffer
 * doubles until it fits), never cut at a fixed size.
 *
 * Context: process context; may sleep (allocates its buffer).
 */
void seq_print_to_log(int (*show)(struct seq_file *m))
{
	static const struct seq_operations listing_ops = { single_start, single_stop, single_next,
							    show_listing };
	struct seq_file m = { .op = &listing_ops, .private = show };
	char *line, *rest;
	int err = seq_render(&m);

	if (err) {
		pr_info("(listing %ps not printed: %d)\n", show, err);
		return;
	}
	rest = m.buf;
	while ((line = strsep(&rest, "\n")))
		if (*line || rest)
			pr_info("%s\n", line);
	free_seq_buf(&m);
}
