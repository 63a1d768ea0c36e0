/*
 * The VGA text console: 80x25 cells at physical 0xB8000, scrolling up when the
 * cursor passes the last line, hardware cursor kept in step.
 */
#include <asm/io.h>
#include <asm/page.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/string.h>
#include <linux/vga.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x0700 /* light grey on black */
#define CRTC_INDEX 0x3d4
#define CRTC_DATA 0x3d5

static u16 *const vga_mem = (u16 *)(PAGE_OFFSET + 0xb8000);
static unsigned int vga_row, vga_col;

static void vga_scroll(void)
{
	memmove(vga_mem, vga_mem + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	for (int i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
	vga_row = VGA_ROWS - 1;
}

static void vga_move_cursor(void)
{
	u16 pos = vga_row * VGA_COLS + vga_col;
	outb(0x0e, CRTC_INDEX);
	outb(pos >> 8, CRTC_DATA);
	outb(0x0f, CRTC_INDEX);
	outb(pos & 0xff, CRTC_DATA);
}

static void vga_putc(char c)
{
	if (c == '\n') {
		vga_col = 0;
		vga_row++;
	} else if (c == '\r') {
		vga_col = 0;
	} else if (c == '\t') {
		vga_col = (vga_col + 8) & ~7u;
	} else if (c == '\b') {
		vga_col -= vga_col > 0; /* the terminal's erase: "\b \b" */
	} else {
		vga_mem[vga_row * VGA_COLS + vga_col++] = VGA_ATTR | (u8)c;
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll();
}

static void vga_console_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	while (n--)
		vga_putc(*s++);
	vga_move_cursor();
}

static struct console vga_console = { .name = "tty0", .write = vga_console_write };

/**
 * vga_write() - Write to the screen as the VGA console's terminal, tty1.
 * @s: the bytes (newline, return, tab and backspace move the cursor)
 * @n: how many
 *
 * Under the console lock, so it never lands inside a printk line.
 *
 * Context: process context.
 */
void vga_write(const char *s, unsigned int n)
{
	console_write_direct(&vga_console, s, n);
}

void __init vga_init(void)
{
	for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = VGA_ATTR | ' ';
	vga_row = vga_col = 0;
	register_console(&vga_console);
}
