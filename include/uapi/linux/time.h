/* Time for nanosleep. */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;
};

#endif
