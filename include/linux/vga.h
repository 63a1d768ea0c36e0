/* The VGA text-mode console (drivers/vga.c). */
#ifndef _LINUX_VGA_H
#define _LINUX_VGA_H
void vga_init(void);
#endif
