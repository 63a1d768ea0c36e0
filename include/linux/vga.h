/* The VGA text-mode console (drivers/vga.c). */
#ifndef _LINUX_VGA_H
#define _LINUX_VGA_H
void vga_init(void);
/* tty1's output: to the screen, under the console lock. Process context. */
void vga_write(const char *s, unsigned int n);
#endif
