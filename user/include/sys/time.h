/* sys/time.h: struct timeval (SO_RCVTIMEO). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <linux/time.h>

#endif
