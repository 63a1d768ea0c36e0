/*
 * Which Linux API Janus follows: Linux 6.6 (the 2023 long-term release).
 * Where Linux changed a driver interface, Janus has the 6.6 form: proc_create
 * takes a struct proc_ops (5.6+), class_create takes only a name (6.4+),
 * pde_data() (5.17+), timers use from_timer/timer_setup (4.15+). A driver
 * written for 6.6 that uses only what Janus implements builds unchanged;
 * one that tests LINUX_VERSION_CODE picks the 6.6 branch.
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 6
#define LINUX_VERSION_SUBLEVEL 0
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 6, 0)

#endif
