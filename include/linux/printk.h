/*
 * printk and its levels. Any context: the message goes into the log buffer
 * (kernel/printk/printk.c) and, if its level is below console_loglevel, to
 * every console. printk(KERN_INFO "x") is "\001" "6" "x".
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H
#include <linux/compiler.h>
#include <linux/stdarg.h>
#include <linux/types.h>

#define KERN_SOH "\001"
#define KERN_SOH_ASCII '\001'
#define KERN_EMERG KERN_SOH "0"   /* system is unusable */
#define KERN_ALERT KERN_SOH "1"   /* action must be taken immediately */
#define KERN_CRIT KERN_SOH "2"    /* critical conditions */
#define KERN_ERR KERN_SOH "3"     /* error conditions */
#define KERN_WARNING KERN_SOH "4" /* warning conditions */
#define KERN_NOTICE KERN_SOH "5"  /* normal but significant condition */
#define KERN_INFO KERN_SOH "6"    /* informational */
#define KERN_DEBUG KERN_SOH "7"   /* debug-level messages */
#define KERN_DEFAULT ""           /* the default level (4, a warning) */
#define KERN_CONT KERN_SOH "c"    /* continues the previous line */

#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE 5
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7
#define MESSAGE_LOGLEVEL_DEFAULT LOGLEVEL_WARNING
#define CONSOLE_LOGLEVEL_DEFAULT 7 /* print everything but KERN_DEBUG */

extern int console_loglevel;

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Print the current call chain (see arch/x86/stacktrace.c). */
void dump_stack(void);
void dump_stack_lvl(const char *loglvl);

#endif
