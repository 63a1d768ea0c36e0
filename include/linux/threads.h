/* How many CPUs Janus can run on (build-time, like CONFIG_NR_CPUS). */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H
#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS 64
#endif
#define NR_CPUS CONFIG_NR_CPUS
#endif
